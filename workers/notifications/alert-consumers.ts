import { defineConsumer } from "../../queues/consumer";
import type { AnyEvent } from "../../queues/event-catalogue";
import { cartRemindersContext, notificationsConsumerContext } from "./context";
import { offerAppeared } from "./service/book-alerts";
import { cartChanged } from "./service/cart-reminders";
import { forgetDeletedAccount } from "./service/erasure";
import { notifyAll } from "./service/notify";
import { disputeNotices, outsideRefundNotices } from "./service/payment-alerts";
import { paidSellerOrderNotices, stockLowNotices } from "./service/seller-alerts";
import { weeklyReportNotices } from "./service/weekly-report";

/**
 * Events that tell sellers, admins and readers something beyond order mail (sellers' alerts, money alerts, book
 * alerts, abandoned carts), and the account deletion notifications follows.
 */

/** A listing ran low (StockDO warns once per crossing): its seller is told. */
export const stockLowConsumer = defineConsumer({
  name: "notifications.stock-low",
  queue: "order-events",
  handles: ["StockLow"],
  async handle(event, context) {
    const ctx = notificationsConsumerContext(context);
    return notifyAll(ctx, await stockLowNotices(ctx, event));
  },
});

/** Each seller of a paid order hears of their new part. */
export const paidSellerOrderConsumer = defineConsumer({
  name: "notifications.paid-seller-orders",
  queue: "notifications",
  handles: ["OrderPaid"],
  async handle(event, context) {
    const ctx = notificationsConsumerContext(context);
    return notifyAll(ctx, await paidSellerOrderNotices(ctx, event));
  },
});

/** A disputed payment, or a refund made at the provider: the order's sellers and every admin are told. */
export const paymentAlertConsumer = defineConsumer({
  name: "notifications.payment-alerts",
  queue: "notifications",
  handles: ["PaymentDisputed", "PaymentRefundedOutside"],
  async handle(event, context) {
    const ctx = notificationsConsumerContext(context);
    const money = event as Extract<AnyEvent, { type: "PaymentDisputed" | "PaymentRefundedOutside" }>;
    const notices =
      money.type === "PaymentDisputed" ? await disputeNotices(ctx, money) : await outsideRefundNotices(ctx, money);
    return notifyAll(ctx, notices);
  },
});

/** The weekly cron built a week's report: every admin is mailed its headline figures. */
export const weeklyReportConsumer = defineConsumer({
  name: "notifications.weekly-report",
  queue: "notifications",
  handles: ["WeeklyReportBuilt"],
  async handle(event, context) {
    const ctx = notificationsConsumerContext(context);
    return notifyAll(ctx, await weeklyReportNotices(ctx, event));
  },
});

/** A deleted account's push subscriptions, phone number, alerts, cart reminder, preferences and feed go. */
export const deletedAccountConsumer = defineConsumer({
  name: "notifications.deleted-account",
  queue: "order-events",
  handles: ["UserDeleted"],
  async handle(event, context) {
    return forgetDeletedAccount(notificationsConsumerContext(context), event.data.userId);
  },
});

/** A signed-in buyer's cart changed: its reminder is due a delay after, unless these contents were reminded of. */
export const cartReminderConsumer = defineConsumer({
  name: "notifications.cart-reminders",
  queue: "order-events",
  handles: ["CartUpdated"],
  handle: (event, context) => cartChanged(cartRemindersContext(context), event),
});

/** What the price, condition, copies or status of a listing can change: whether it meets a book alert. */
const OFFER_CHANGES = new Set(["condition", "price", "quantity", "status"]);

/** A listing was created or changed into an offer: the book alerts it meets are told. */
export const listingAlertConsumer = defineConsumer({
  name: "notifications.book-alerts",
  queue: "catalog-events",
  handles: ["ListingCreated", "ListingUpdated"],
  async handle(event, context) {
    const listing = event as Extract<AnyEvent, { type: "ListingCreated" | "ListingUpdated" }>;
    if (listing.type === "ListingUpdated" && !listing.data.changes.some((change) => OFFER_CHANGES.has(change))) {
      return undefined;
    }
    return offerAppeared(
      notificationsConsumerContext(context),
      listing.data.listingId,
      (book) => book.status === "active",
    );
  },
});

/**
 * Copies came back to a listing that had none (a lapsed hold, a cancelled or returned sale): the book alerts it meets
 * are told. D1's status may not have caught up with the copies yet, so only the seller's pause keeps it off sale.
 */
export const stockAlertConsumer = defineConsumer({
  name: "notifications.book-alerts-stock",
  queue: "order-events",
  handles: ["StockReleased", "StockAdjusted"],
  async handle(event, context) {
    const stock = event as Extract<AnyEvent, { type: "StockReleased" | "StockAdjusted" }>;
    const { listingId, available } = stock.data;
    const back =
      stock.type === "StockReleased" ? available - stock.data.quantity <= 0 : stock.data.change === "restock";
    if (!back || available === 0) return undefined;
    return offerAppeared(notificationsConsumerContext(context), listingId, (book) => book.status !== "paused");
  },
});
