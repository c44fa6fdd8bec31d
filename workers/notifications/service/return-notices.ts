import type { EventEnvelope } from "../../../queues/event-catalogue";
import { sellerAccounts } from "../../sellers";
import type { NotificationsContext } from "../context";
import { returnUpdate, sellerReturnUpdate } from "../notices/returns";
import { renderTemplate } from "../template";
import type { Notice } from "./notify";

export const RETURN_NOTICE_EVENTS = ["ReturnRequested", "ReturnStatusChanged"] as const;
export type ReturnNoticeEvent = EventEnvelope<"ReturnRequested"> | EventEnvelope<"ReturnStatusChanged">;

/** Each step of a return: the buyer hears of it, and so does the seller. */
export async function returnNotices(ctx: NotificationsContext, event: ReturnNoticeEvent): Promise<Notice[]> {
  const { data } = event;
  const step =
    event.type === "ReturnRequested"
      ? { step: "requested" as const, note: event.data.comment, refunded: null }
      : { step: event.data.to, note: event.data.note, refunded: event.data.refunded };
  const placeholders = {
    returnId: data.returnId,
    orderId: data.orderId,
    sellerOrderId: data.sellerOrderId,
    storeName: data.storeName,
    ...step,
  };
  const stored = { returnId: data.returnId, orderId: data.orderId, step: placeholders.step };
  const notices: Notice[] = [
    {
      userId: data.buyerId,
      sourceId: event.id,
      kind: returnUpdate.kind,
      category: returnUpdate.category,
      data: stored,
      render: (recipient) => renderTemplate(returnUpdate, placeholders, ctx.config, recipient),
    },
  ];
  const seller = (await sellerAccounts(ctx, [data.sellerId])).get(data.sellerId);
  if (seller) {
    notices.push({
      userId: seller.userId,
      sourceId: event.id,
      kind: sellerReturnUpdate.kind,
      category: sellerReturnUpdate.category,
      data: { ...stored, sellerOrderId: data.sellerOrderId },
      render: (recipient) => renderTemplate(sellerReturnUpdate, placeholders, ctx.config, recipient),
    });
  }
  return notices;
}
