import { encodeCursor } from "../../http/schemas";
import type { NotificationsContext } from "../context";
import type { DeliveryPage } from "../schemas";
import { type DeliveryFilter, type DeliveryRow, deliveryPage } from "../store/deliveries";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function view(row: DeliveryRow) {
  return {
    id: row.id,
    eventId: row.eventId,
    template: row.template,
    userId: row.userId,
    category: row.category,
    channel: row.channel,
    status: row.status,
    to: row.to,
    attempts: row.attempts,
    lastError: row.lastError,
    provider: row.provider,
    providerMessageId: row.providerMessageId,
    queuedAt: iso(row.queuedAt),
    sentAt: iso(row.sentAt),
  };
}

/** `GET /v1/admin/deliveries`: the delivery log for operators, newest first. */
export async function deliveryLog(ctx: NotificationsContext, filter: DeliveryFilter): Promise<DeliveryPage> {
  const rows = await deliveryPage(ctx.services.db, filter);
  const last = rows.length === filter.limit ? rows.at(-1) : undefined;
  return { items: rows.map(view), nextCursor: last ? encodeCursor({ id: last.id }) : null };
}
