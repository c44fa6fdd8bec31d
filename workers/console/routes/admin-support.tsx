import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { principalOf } from "../../identity";
import { setTicketStatus, supportContextOf, TicketStatusBody } from "../../support";
import { formFields, refusal } from "../forms";
import { plainPage } from "../render";
import { requireConsoleSession, requireFormToken } from "../session";
import { ticketPath } from "../views/support";
import { requireConsoleAdmin } from "./admin-report";
import { type Inbox, inboxRoutes, ticketPage } from "./support";

const ADMIN_INBOX: Inbox = {
  side: "support",
  path: "/admin/support",
  callerOf: (c) => ({ kind: "support", userId: principalOf(c).userId }),
  page: plainPage,
};

const adminOnly = [requireConsoleSession({ shop: false }), requireConsoleAdmin, requireFormToken] as const;

/**
 * The admins' support inbox: every ticket, its conversation and its history (the audit trail), a reply as the
 * marketplace's support, and the status moves (escalate, resolve, close) with a note the history keeps.
 */
export const adminSupportRoutes = new Hono<AppEnv>()
  .use("/admin/support", ...adminOnly)
  .use("/admin/support/*", ...adminOnly)
  .route("/", inboxRoutes(ADMIN_INBOX))
  .post("/admin/support/:id/status", async (c) => {
    const values = await formFields(c);
    try {
      const body = TicketStatusBody.parse({ status: values.status, note: values.note?.trim() || undefined });
      await setTicketStatus(supportContextOf(c), principalOf(c).userId, c.req.param("id"), body);
      return c.redirect(`${ticketPath("support", c.req.param("id"))}?done=moved`, 303);
    } catch (error) {
      const move = refusal(values, error);
      return ticketPage(c, ADMIN_INBOX, { move, status: move.status });
    }
  });
