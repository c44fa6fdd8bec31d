import type { EventEnvelope, EventType } from "../../queues/event-catalogue";
import { AppError } from "../http/errors";
import { newId } from "../lib/ids";
import { deliveredSellerOrderOf } from "../orders";
import { changes, type Statement } from "../platform/db";
import type { SupportContext } from "./context";
import { supportEvents } from "./events";
import { actorOf, type Caller, ticketFor } from "./parties";
import type { MessageBody, OpenTicketBody } from "./schemas";
import { canMoveTicket, type TicketStatus } from "./states";
import * as store from "./store";

/** Categories a seller can answer when the ticket names one of their seller orders. */
const SELLER_CATEGORIES = new Set(["order_issue", "return", "cover_customisation"]);

const historyRow = (
  ctx: SupportContext,
  ticketId: string,
  entry: { actor: string; action: string; from: TicketStatus | null; to: TicketStatus | null; note: string | null },
  at: number,
): store.HistoryRow => ({
  id: newId("tkh"),
  ticketId,
  actor: entry.actor,
  action: entry.action,
  fromStatus: entry.from,
  toStatus: entry.to,
  note: entry.note,
  requestId: ctx.requestId,
  at,
});

/**
 * A buyer opens a ticket. About one of their seller orders in an order, return or cover matter, the seller answers
 * (and has `sellerReplyMs` to); anything else goes to the marketplace's support.
 */
export async function openTicket(ctx: SupportContext, buyerId: string, body: OpenTicketBody): Promise<store.TicketRow> {
  if (body.category === "order_issue" && !body.sellerOrderId) {
    throw new AppError("seller_order_required", "Name the seller order the issue is about (sellerOrderId).");
  }
  const sellerOrder = body.sellerOrderId
    ? await deliveredSellerOrderOf({ services: ctx.services }, buyerId, body.sellerOrderId)
    : undefined;
  if (body.sellerOrderId && !sellerOrder) throw new AppError("not_found", "No such seller order.");
  const withSeller = sellerOrder !== undefined && SELLER_CATEGORIES.has(body.category);
  const now = Date.now();
  const ticket: store.TicketRow = {
    id: newId("tkt"),
    buyerId,
    sellerId: withSeller ? sellerOrder.sellerId : null,
    sellerOrderId: sellerOrder?.id ?? null,
    category: body.category,
    subject: body.subject,
    status: withSeller ? "awaiting_seller" : "open",
    sellerReplyDueAt: withSeller ? now + ctx.sellerReplyMs : null,
    firstSellerReplyAt: null,
    escalatedAt: null,
    resolvedAt: null,
    feedbackRating: null,
    feedbackComment: null,
    feedbackAt: null,
    createdAt: now,
    updatedAt: now,
  };
  const message: store.MessageRow = {
    id: newId("tkm"),
    ticketId: ticket.id,
    authorRole: "buyer",
    authorId: buyerId,
    body: body.body,
    createdAt: now,
  };
  const { db, outbox } = ctx.services;
  await outbox.commit(
    [
      store.insertTicket(db, ticket),
      store.insertMessage(db, message),
      store.insertHistory(
        db,
        historyRow(
          ctx,
          ticket.id,
          { actor: `buyer:${buyerId}`, action: "opened", from: null, to: ticket.status, note: null },
          now,
        ),
      ),
    ],
    [supportEvents.opened(ticket, body.body)],
  );
  return ticket;
}

/** Where a message moves the ticket: the side that wrote waits for the other one. Escalated tickets stay with admins. */
function statusAfterMessage(ticket: store.TicketRow, author: Caller["kind"]): TicketStatus {
  if (ticket.status === "escalated") return ticket.status;
  if (ticket.sellerId === null) return author === "support" ? "awaiting_buyer" : "open";
  if (author === "buyer") return "awaiting_seller";
  if (author === "seller") return "awaiting_buyer";
  return ticket.status;
}

/** A party writes in the ticket; a resolved or closed ticket takes no more messages. */
export async function postMessage(
  ctx: SupportContext,
  caller: Caller,
  ticketId: string,
  body: MessageBody,
): Promise<store.MessageRow> {
  const ticket = await ticketFor(ctx, caller, ticketId);
  const attachmentIds = [...new Set(body.attachmentIds ?? [])];
  if (ticket.status === "resolved" || ticket.status === "closed") {
    throw new AppError("invalid_transition", `The ticket is ${ticket.status}: it takes no more messages.`, {
      currentStatus: ticket.status,
    });
  }
  await checkDraftAttachments(ctx, ticket.id, caller.userId, attachmentIds);
  const now = Date.now();
  const to = statusAfterMessage(ticket, caller.kind);
  const patch: Partial<store.TicketRow> = { status: to, updatedAt: now };
  if (to === "awaiting_seller" && ticket.status !== "awaiting_seller") patch.sellerReplyDueAt = now + ctx.sellerReplyMs;
  if (caller.kind === "seller") {
    patch.sellerReplyDueAt = null;
    if (ticket.firstSellerReplyAt === null) patch.firstSellerReplyAt = now;
  }
  const message: store.MessageRow = {
    id: newId("tkm"),
    ticketId: ticket.id,
    authorRole: caller.kind,
    authorId: caller.userId,
    body: body.body,
    createdAt: now,
  };
  const { db } = ctx.services;
  const statements: Statement[] = [store.moveTicketRow(db, ticket, to, patch), store.insertMessage(db, message)];
  if (attachmentIds.length > 0) statements.push(store.linkAttachments(db, ticket.id, attachmentIds, message.id));
  const events: EventEnvelope<EventType>[] = [supportEvents.messagePosted(ticket, message)];
  if (to !== ticket.status || caller.kind === "support") {
    statements.push(
      store.insertHistory(
        db,
        historyRow(
          ctx,
          ticket.id,
          { actor: actorOf(caller), action: "message", from: ticket.status, to, note: null },
          now,
        ),
      ),
    );
  }
  if (to !== ticket.status)
    events.push(supportEvents.statusChanged(ticket, { to, actor: actorOf(caller), note: null }));
  await commitMove(ctx, ticket, statements, events);
  return message;
}

/** A message carries only its author's uploads to the same ticket that no message carries yet (422 otherwise). */
async function checkDraftAttachments(ctx: SupportContext, ticketId: string, uploaderId: string, ids: string[]) {
  if (ids.length === 0) return;
  const drafts = new Set(
    (await store.draftAttachments(ctx.services.db, ticketId, uploaderId, ids)).map((row) => row.id),
  );
  const unknown = ids.filter((id) => !drafts.has(id));
  if (unknown.length > 0) {
    throw new AppError("unknown_attachment", "Attach only files you uploaded to this ticket and have not sent yet.", {
      attachmentIds: unknown,
    });
  }
}

/** Commits a ticket's move with what goes with it; a ticket that moved meanwhile is 409 `invalid_transition`. */
async function commitMove(
  ctx: SupportContext,
  ticket: store.TicketRow,
  statements: Statement[],
  events: EventEnvelope<EventType>[],
): Promise<void> {
  try {
    await ctx.services.outbox.commit(statements, events);
  } catch (error) {
    const current = await store.ticketById(ctx.services.db, ticket.id);
    if (current && current.status !== ticket.status) {
      throw new AppError("invalid_transition", "The ticket changed meanwhile: read it again.", {
        currentStatus: current.status,
      });
    }
    throw error;
  }
}

/**
 * Moves a ticket along its transitions, compare-and-set on the status it was read in, with its history row and
 * event. An illegal move is 409 `invalid_transition`; losing a race to another writer is the same.
 */
export async function moveTicket(
  ctx: SupportContext,
  ticket: store.TicketRow,
  to: TicketStatus,
  change: { actor: string; action: string; note: string | null },
  now = Date.now(),
): Promise<store.TicketRow> {
  const from = ticket.status;
  if (!canMoveTicket(from, to)) {
    throw new AppError("invalid_transition", `A ${from} ticket cannot become ${to}.`, { currentStatus: from });
  }
  const patch: Partial<store.TicketRow> = { status: to, updatedAt: now };
  if (to === "escalated") Object.assign(patch, { escalatedAt: now, sellerReplyDueAt: null });
  if (to === "resolved") Object.assign(patch, { resolvedAt: now, sellerReplyDueAt: null });
  const { db } = ctx.services;
  await commitMove(
    ctx,
    ticket,
    [
      store.moveTicketRow(db, ticket, to, patch),
      store.insertHistory(db, historyRow(ctx, ticket.id, { ...change, from, to }, now)),
    ],
    [supportEvents.statusChanged(ticket, { to, actor: change.actor, note: change.note })],
  );
  return { ...ticket, ...patch };
}

/** The buyer takes a dispute to the marketplace's support. */
export async function escalateTicket(ctx: SupportContext, buyerId: string, ticketId: string, note: string | null) {
  const ticket = await ticketFor(ctx, { kind: "buyer", userId: buyerId }, ticketId);
  return moveTicket(ctx, ticket, "escalated", { actor: `buyer:${buyerId}`, action: "escalated", note });
}

/** The seller settles a ticket addressed to them; an escalated one is the marketplace's support's to resolve. */
export async function resolveBySeller(
  ctx: SupportContext,
  caller: Extract<Caller, { kind: "seller" }>,
  ticketId: string,
  note: string | null,
) {
  const ticket = await ticketFor(ctx, caller, ticketId);
  if (ticket.status === "escalated") {
    throw new AppError("invalid_transition", "An escalated ticket is resolved by the marketplace's support.", {
      currentStatus: ticket.status,
    });
  }
  return moveTicket(ctx, ticket, "resolved", { actor: actorOf(caller), action: "resolved", note });
}

/** The buyer closes a resolved ticket. */
export async function closeTicket(ctx: SupportContext, buyerId: string, ticketId: string) {
  const ticket = await ticketFor(ctx, { kind: "buyer", userId: buyerId }, ticketId);
  if (ticket.status !== "resolved") {
    throw new AppError("ticket_not_resolved", "A ticket is closed by its buyer once it was resolved.", {
      currentStatus: ticket.status,
    });
  }
  return moveTicket(ctx, ticket, "closed", { actor: `buyer:${buyerId}`, action: "closed", note: null });
}

/** An admin escalates, resolves or closes a ticket; the action and its note are the ticket's audit trail. */
export async function setTicketStatus(
  ctx: SupportContext,
  adminId: string,
  ticketId: string,
  body: { status: "escalated" | "resolved" | "closed"; note?: string },
) {
  const ticket = await ticketFor(ctx, { kind: "support", userId: adminId }, ticketId);
  return moveTicket(ctx, ticket, body.status, {
    actor: `admin:${adminId}`,
    action: body.status,
    note: body.note ?? null,
  });
}

/** The buyer rates the help once, after resolution. */
export async function rateTicket(
  ctx: SupportContext,
  buyerId: string,
  ticketId: string,
  body: { rating: number; comment?: string },
): Promise<store.TicketRow> {
  const ticket = await ticketFor(ctx, { kind: "buyer", userId: buyerId }, ticketId);
  if (ticket.status !== "resolved" && ticket.status !== "closed") {
    throw new AppError("ticket_not_resolved", "The help can be rated once the ticket is resolved.", {
      currentStatus: ticket.status,
    });
  }
  if (ticket.feedbackRating !== null) throw new AppError("feedback_given", "You have rated this ticket already.");
  const now = Date.now();
  const patch = { feedbackRating: body.rating, feedbackComment: body.comment ?? null, feedbackAt: now, updatedAt: now };
  const { db } = ctx.services;
  if (changes(await store.rateTicketOnce(db, ticket.id, patch)) === 0) {
    throw new AppError("feedback_given", "You have rated this ticket already.");
  }
  await store.insertHistory(
    db,
    historyRow(
      ctx,
      ticket.id,
      { actor: `buyer:${buyerId}`, action: "rated", from: null, to: null, note: `${body.rating}/5` },
      now,
    ),
  );
  return { ...ticket, ...patch };
}
