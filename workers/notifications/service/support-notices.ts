import type { EventEnvelope } from "../../../queues/event-catalogue";
import { adminUserIds } from "../../identity";
import { sellerAccounts } from "../../sellers";
import type { NotificationsContext } from "../context";
import { supportMessage, supportTicketOpened, supportTicketStatus } from "../notices/support";
import { type NoticeTemplate, renderTemplate } from "../template";
import type { Notice } from "./notify";

export const SUPPORT_NOTICE_EVENTS = [
  "SupportTicketOpened",
  "SupportMessagePosted",
  "SupportTicketStatusChanged",
] as const;
export type SupportNoticeEvent =
  | EventEnvelope<"SupportTicketOpened">
  | EventEnvelope<"SupportMessagePosted">
  | EventEnvelope<"SupportTicketStatusChanged">;

type Audience = "buyer" | "seller" | "support";
/** Who hears of an event: a user, and as which party (which decides the words and the link). */
type Reader = { userId: string; audience: Audience };

/** The steps a party hears of; the waiting back and forth of a conversation is told by its messages. */
const TOLD_STEPS = new Set(["escalated", "resolved", "closed"]);

async function sellerReader(ctx: NotificationsContext, sellerId: string | null): Promise<Reader[]> {
  if (sellerId === null) return [];
  const seller = (await sellerAccounts(ctx, [sellerId])).get(sellerId);
  return seller ? [{ userId: seller.userId, audience: "seller" }] : [];
}

const adminReaders = async (ctx: NotificationsContext): Promise<Reader[]> =>
  (await adminUserIds(ctx)).map((userId) => ({ userId, audience: "support" }));

/** The user behind an actor (`buyer:<user>`, `admin:<user>`); a seller or the system is matched by the caller. */
const actingUser = (actor: string) => /^(?:buyer|admin):(.+)$/.exec(actor)?.[1];

/** Who hears of an event: the other side(s) of whoever caused it, never that person themselves. */
async function readersOf(ctx: NotificationsContext, event: SupportNoticeEvent): Promise<Reader[]> {
  const { data } = event;
  const buyer: Reader = { userId: data.buyerId, audience: "buyer" };
  if (event.type === "SupportTicketOpened") {
    return data.sellerId ? sellerReader(ctx, data.sellerId) : adminReaders(ctx);
  }
  if (event.type === "SupportMessagePosted") {
    if (event.data.authorRole !== "buyer") return [buyer];
    const toSupport = data.sellerId === null || event.data.status === "escalated";
    return toSupport ? adminReaders(ctx) : sellerReader(ctx, data.sellerId);
  }
  const { to, actor } = event.data;
  if (!TOLD_STEPS.has(to)) return [];
  const readers = [buyer];
  if (to === "escalated") {
    if (actor.startsWith("system:")) readers.push(...(await sellerReader(ctx, data.sellerId)));
    readers.push(...(await adminReaders(ctx)));
  }
  return readers;
}

/** The user who caused the event, where it names them (a seller's or an admin's message does not). */
function authorOf(event: SupportNoticeEvent): string | undefined {
  if (event.type === "SupportTicketOpened") return event.data.buyerId;
  if (event.type === "SupportMessagePosted") return event.data.authorRole === "buyer" ? event.data.buyerId : undefined;
  return actingUser(event.data.actor);
}

/** The notice one reader gets of an event, in the words for their side. */
function noticeFor(ctx: NotificationsContext, event: SupportNoticeEvent, reader: Reader): Notice {
  const { data } = event;
  const ticket = { ticketId: data.ticketId, audience: reader.audience, subject: data.subject };
  const notice = <D>(template: NoticeTemplate<D>, placeholders: D, stored: Record<string, unknown> = {}): Notice => ({
    userId: reader.userId,
    sourceId: event.id,
    kind: template.kind,
    category: template.category,
    data: { ticketId: data.ticketId, ...stored },
    render: (recipient) => renderTemplate(template, placeholders, ctx.config, recipient),
  });
  if (event.type === "SupportTicketOpened") {
    return notice(supportTicketOpened, {
      ...ticket,
      sellerOrderId: event.data.sellerOrderId,
      body: event.data.body,
      replyHours: ctx.config.SUPPORT_SELLER_REPLY_HOURS,
    });
  }
  if (event.type === "SupportMessagePosted") {
    return notice(
      supportMessage,
      { ...ticket, authorRole: event.data.authorRole, body: event.data.body },
      { messageId: event.data.messageId },
    );
  }
  const step = event.data.to as "escalated" | "resolved" | "closed";
  return notice(supportTicketStatus, { ...ticket, step, note: event.data.note }, { status: step });
}

/**
 * A ticket's news for the other side of whoever caused it: a new ticket for its seller (or every admin when the
 * marketplace answers it), each message for the side that did not write it (admins when the ticket has no seller
 * or was escalated), and escalation, resolution and closing for the buyer, for the seller when the reply timer
 * took the ticket from them, and for every admin on escalation. A user who is several of these hears it once.
 */
export async function supportNotices(ctx: NotificationsContext, event: SupportNoticeEvent): Promise<Notice[]> {
  const author = authorOf(event);
  const readers = new Map<string, Audience>();
  for (const reader of await readersOf(ctx, event)) {
    if (reader.userId !== author && !readers.has(reader.userId)) readers.set(reader.userId, reader.audience);
  }
  return [...readers].map(([userId, audience]) => noticeFor(ctx, event, { userId, audience }));
}
