import { expect } from "vitest";
import type { LiveTicketBody } from "../../workers/live/schemas";
import { eventually } from "./eventually";
import { api, type TestAccount } from "./identity";

/** A message of the live channel as a client reads it off the socket. */
export interface WireMessage {
  id: string;
  type: string;
  at: string;
  data: Record<string, unknown>;
}

/** POST /v1/me/live-ticket, expecting 201. */
export async function liveTicket(account: TestAccount): Promise<LiveTicketBody> {
  const response = await api("/v1/me/live-ticket", { method: "POST", headers: account.auth });
  if (response.status !== 201) throw new Error(`live ticket: ${response.status} ${await response.text()}`);
  return response.json<LiveTicketBody>();
}

/** GET /v1/me/live as a WebSocket client sends it (the ticket and `after` in the query, the Upgrade header). */
export function upgrade(query: { ticket?: string; after?: string }, headers: Record<string, string> = {}) {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]));
  return api(`/v1/me/live?${params}`, { headers: { upgrade: "websocket", ...headers } });
}

/** An open live socket that records what arrives, for tests to wait on. */
export interface LiveSocket {
  socket: WebSocket;
  received: WireMessage[];
  closed: { code: number; reason: string } | null;
  /** The channel's messages so far (its `ready` and `error` control messages left out). */
  messages(): WireMessage[];
  /** Waits until a message of `type` matching `where` has arrived, and answers it. */
  next(type: string, where?: (data: Record<string, unknown>) => boolean): Promise<WireMessage>;
  send(body: unknown): void;
  close(): void;
}

/** Opens the account's live channel with a fresh ticket, after the `after` id when given; waits for `ready`. */
export async function openLive(account: TestAccount, after?: string): Promise<LiveSocket> {
  const { ticket } = await liveTicket(account);
  const response = await upgrade({ ticket, after });
  expect(response.status).toBe(101);
  const socket = response.webSocket!;
  const live: LiveSocket = {
    socket,
    received: [],
    closed: null,
    messages: () => live.received.filter((message) => message.type !== "ready" && message.type !== "error"),
    next: (type, where = () => true) =>
      eventually(async () => live.received.find((message) => message.type === type && where(message.data))),
    send: (body) => socket.send(JSON.stringify(body)),
    close: () => socket.close(1000, "done"),
  };
  socket.addEventListener("message", (event) => {
    live.received.push(JSON.parse(event.data as string));
  });
  socket.addEventListener("close", (event) => {
    live.closed = { code: event.code, reason: event.reason };
  });
  socket.accept();
  await live.next("ready");
  return live;
}

/** Lets a moment pass so that a message that should not come would have come. */
export const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));
