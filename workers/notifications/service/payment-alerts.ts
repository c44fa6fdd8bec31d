import type { EventEnvelope } from "../../../queues/event-catalogue";
import { adminUserIds } from "../../identity";
import { orderSellers } from "../../orders";
import { sellerAccounts } from "../../sellers";
import type { NotificationsContext } from "../context";
import { paymentDisputed, refundedOutside } from "../notices/payment-alerts";
import { type NoticeTemplate, renderTemplate } from "../template";
import type { Notice } from "./notify";

/**
 * Money leaving an order outside Book Bazaar's refunds (a dispute, a refund at the provider) is told to each of the
 * order's sellers, about their part, and to every admin. An admin who also sells in the order hears it once, as
 * its seller.
 */
async function moneyAlerts<D extends { sellerOrderId: string | null }>(
  ctx: NotificationsContext,
  event: { id: string },
  orderId: string,
  template: NoticeTemplate<D>,
  placeholders: (sellerOrderId: string | null) => D,
): Promise<Notice[]> {
  const parts = await orderSellers(ctx, orderId);
  const [sellers, admins] = await Promise.all([
    sellerAccounts(
      ctx,
      parts.map((part) => part.sellerId),
    ),
    adminUserIds(ctx),
  ]);
  const recipients = new Map<string, string | null>();
  for (const part of parts) {
    const seller = sellers.get(part.sellerId);
    if (seller) recipients.set(seller.userId, part.sellerOrderId);
  }
  for (const admin of admins) if (!recipients.has(admin)) recipients.set(admin, null);
  return [...recipients].map(([userId, sellerOrderId]) => {
    const data = placeholders(sellerOrderId);
    return {
      userId,
      sourceId: event.id,
      kind: template.kind,
      category: template.category,
      data: { orderId, sellerOrderId },
      render: (recipient) => renderTemplate(template, data, ctx.config, recipient),
    };
  });
}

export function disputeNotices(ctx: NotificationsContext, event: EventEnvelope<"PaymentDisputed">) {
  const { orderId, amount, currency, reason } = event.data;
  return moneyAlerts(ctx, event, orderId, paymentDisputed, (sellerOrderId) => ({
    orderId,
    sellerOrderId,
    amount: { amount, currency },
    reason,
  }));
}

export function outsideRefundNotices(ctx: NotificationsContext, event: EventEnvelope<"PaymentRefundedOutside">) {
  const { orderId, amount, refundedTotal } = event.data;
  return moneyAlerts(ctx, event, orderId, refundedOutside, (sellerOrderId) => ({
    orderId,
    sellerOrderId,
    amount,
    refundedTotal,
  }));
}
