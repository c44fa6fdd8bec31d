import { AppError } from "../../http/errors";
import { randomToken, sha256Hex } from "../../lib/tokens";
import type { LiveContext } from "../context";

/** A ticket names its user (so the Worker knows which LiveDO holds it) and 32 random bytes. */
const TICKET = /^(usr_[0-9a-f]{32})\.[A-Za-z0-9_-]{43}$/;

export interface LiveTicket {
  ticket: string;
  expiresAt: string;
  /** The WebSocket URL that uses the ticket, on the origin the ticket was asked from. */
  url: string;
}

/**
 * A single-use ticket for the user's live channel, valid for `ticketSeconds`. Only its hash is stored (in the
 * user's LiveDO), so a ticket can open a socket without an access token ever travelling in a URL.
 */
export async function issueTicket(ctx: LiveContext, userId: string, origin: string): Promise<LiveTicket> {
  const ticket = `${userId}.${randomToken(32)}`;
  const expiresAt = Date.now() + ctx.ticketSeconds * 1000;
  const held = await ctx.objects.getByName(userId).issueTicket(await sha256Hex(ticket), expiresAt);
  if (!held) throw new AppError("unauthorized", "This account's live channel is closed.");
  const url = new URL("/v1/me/live", origin);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  url.searchParams.set("ticket", ticket);
  return { ticket, expiresAt: new Date(expiresAt).toISOString(), url: url.toString() };
}

export interface UpgradeRequest {
  upgrade: string | undefined;
  ticket: string | undefined;
  /** The id of the last message the client saw; what came after it is sent first. */
  after: string | undefined;
}

/**
 * Opens a WebSocket on the ticket's user's channel. The LiveDO uses the ticket up before it accepts the socket,
 * so a ticket opens one socket at most; a forged, used or expired one is 401 `invalid_ticket`.
 */
export async function openChannel(ctx: LiveContext, request: UpgradeRequest): Promise<Response> {
  if (request.upgrade?.toLowerCase() !== "websocket") {
    throw new AppError(
      "upgrade_required",
      "Open this URL as a WebSocket (Upgrade: websocket).",
      {},
      {
        upgrade: "websocket",
      },
    );
  }
  const owner = TICKET.exec(request.ticket ?? "")?.[1];
  if (!request.ticket || !owner) throw new AppError("invalid_ticket", "Ask POST /v1/me/live-ticket for a ticket.");
  const target = new URL("https://live.internal/socket");
  target.searchParams.set("ticket", await sha256Hex(request.ticket));
  if (request.after) target.searchParams.set("after", request.after);
  const answer = await ctx.objects.getByName(owner).fetch(target, { headers: { upgrade: "websocket" } });
  if (answer.status !== 101 || !answer.webSocket) {
    throw new AppError("invalid_ticket", "This ticket is not valid, has expired or was already used.");
  }
  // A response of our own: the one from the object has immutable headers, and the middleware adds some.
  return new Response(null, { status: 101, webSocket: answer.webSocket });
}
