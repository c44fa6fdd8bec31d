import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { principalOf } from "../../identity";
import {
  attachmentFile,
  conversation,
  MessageBody,
  postMessage,
  resolveBySeller,
  type SupportCaller,
  supportContextOf,
  TicketsQuery,
  ticketsOf,
} from "../../support";
import { formFields, refusal } from "../forms";
import { csrfOf, isFragmentRequest, shopOf, shopPage } from "../render";
import type { FormState } from "../views/parts";
import { type Side, SupportInboxPage, TicketList, ticketPath } from "../views/support";
import { TicketPage } from "../views/support-ticket";

/**
 * The support inbox as a side reads it: the list with its status filter (newest first), one ticket's
 * conversation, a reply and the files' downloads. A shop reads the tickets buyers addressed to it; admins read
 * every ticket (workers/console/routes/admin-support.tsx).
 */
export interface Inbox {
  side: Side;
  /** Where its pages are, under /console. */
  path: string;
  callerOf(c: Context<AppEnv>): SupportCaller;
  page: typeof shopPage;
}

/** What a refused form on the ticket page shows: the form's state, or a problem above the page. */
export interface Refused {
  reply?: FormState;
  move?: FormState;
  problem?: string;
  status?: FormState["status"];
}

export async function ticketPage(c: Context<AppEnv>, inbox: Inbox, refused: Refused = {}) {
  const found = await conversation(supportContextOf(c), inbox.callerOf(c), c.req.param("id") ?? "");
  return inbox.page(
    c,
    { title: found.ticket.subject, status: refused.status },
    <TicketPage
      side={inbox.side}
      conversation={found}
      token={csrfOf(c)}
      done={c.req.query("done")}
      problem={refused.problem}
      reply={refused.reply}
      move={refused.move}
    />,
  );
}

/** `filename*` (RFC 6266) for any name, with a plain ASCII fallback. */
const disposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]|"/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export function inboxRoutes(inbox: Inbox) {
  return new Hono<AppEnv>()
    .get(inbox.path, async (c) => {
      const status = c.req.query("status") ?? "";
      const cursor = c.req.query("cursor");
      const props = { side: inbox.side, status, cursor, tickets: [], nextCursor: null };
      const query = TicketsQuery.safeParse({ status: status || undefined, cursor });
      if (!query.success) {
        const error = "Choose one of the listed views.";
        return inbox.page(c, { title: "Support", status: 400 }, <SupportInboxPage {...props} error={error} />);
      }
      const page = await ticketsOf(supportContextOf(c), inbox.callerOf(c), query.data);
      const shown = { ...props, tickets: page.tickets, nextCursor: page.nextCursor };
      if (isFragmentRequest(c)) return c.html(<TicketList {...shown} />);
      return inbox.page(c, { title: "Support" }, <SupportInboxPage {...shown} />);
    })
    .get(`${inbox.path}/:id`, (c) => ticketPage(c, inbox))
    .post(`${inbox.path}/:id/messages`, async (c) => {
      const values = await formFields(c);
      try {
        await postMessage(supportContextOf(c), inbox.callerOf(c), c.req.param("id"), MessageBody.parse(values));
        return c.redirect(`${ticketPath(inbox.side, c.req.param("id"))}?done=sent`, 303);
      } catch (error) {
        const reply = refusal(values, error);
        return ticketPage(c, inbox, { reply, status: reply.status });
      }
    })
    .get(`${inbox.path}/:id/attachments/:attachmentId`, async (c) => {
      const { attachment, body } = await attachmentFile(
        supportContextOf(c),
        inbox.callerOf(c),
        c.req.param("id"),
        c.req.param("attachmentId"),
      );
      return new Response(body, {
        headers: {
          "content-type": attachment.contentType,
          "content-length": String(attachment.bytes),
          "content-disposition": disposition(attachment.fileName),
          "x-content-type-options": "nosniff",
          "cache-control": "private, no-store",
        },
      });
    });
}

const sellerCaller = (c: Context<AppEnv>) => ({
  kind: "seller" as const,
  userId: principalOf(c).userId,
  sellerId: shopOf(c).id,
});
const SELLER_INBOX: Inbox = { side: "seller", path: "/support", callerOf: sellerCaller, page: shopPage };

/** The shop's support inbox; the seller can also settle a ticket that was not escalated. */
export const sellerSupportRoutes = inboxRoutes(SELLER_INBOX).post("/support/:id/resolve", async (c) => {
  try {
    await resolveBySeller(supportContextOf(c), sellerCaller(c), c.req.param("id"), null);
    return c.redirect(`${ticketPath("seller", c.req.param("id"))}?done=resolved`, 303);
  } catch (error) {
    const refused = refusal({}, error);
    return ticketPage(c, SELLER_INBOX, { problem: refused.message, status: refused.status });
  }
});
