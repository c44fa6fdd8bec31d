import { z } from "zod";

/**
 * The event catalogue: every event type, its current version, the queues it is published to and the
 * zod schema of its `data`. Producers and consumers import their types from here and nowhere else.
 */
export const QUEUE_NAMES = ["order-events", "notifications", "catalog-events", "catalog-imports"] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

const id = z.string().min(1);
const count = z.number().int().nonnegative();

/** Every stock event carries the listing's levels after the change; `version` orders them for read copies. */
const stockLevels = {
  listingId: id,
  onHand: count,
  held: count,
  available: count,
  version: z.number().int().positive(),
};
const reservationChange = { ...stockLevels, reservationId: id, orderId: id, quantity: z.number().int().positive() };
/**
 * Who an identity mail is about. Mailed tokens never travel in an event: the mail consumer has identity mint
 * them at send time, so no outbox row or dead letter ever holds one (a v1 message that still carries one is
 * read without it).
 */
const account = { userId: id, email: z.email(), name: z.string() };
/** Where a request came from, as identity records it on sessions. */
const client = z.object({ ip: z.string().nullable(), userAgent: z.string().nullable() });
const money = z.object({ amount: z.number().int().nonnegative(), currency: z.string().length(3) });
/** A promotion's share of an order line, and the tax of one rate in a total (money events added these later). */
const lineDiscount = z.object({
  promotionId: id,
  code: z.string().nullable(),
  name: z.string(),
  fundedBy: z.enum(["seller", "platform"]),
  amount: money,
});
const taxLine = z.object({
  taxClass: z.enum(["books", "standard"]),
  rate: count,
  name: z.string(),
  taxable: money,
  tax: money,
});
/** Where mail about an order goes; null once the buyer's account is deleted, or while its address is unconfirmed. */
const contact = z.object({ email: z.email(), name: z.string() }).nullable();
/** Who a seller order's shipping events concern: the order, its seller and its buyer. */
const sellerOrderParties = z.object({
  orderId: id,
  sellerOrderId: id,
  sellerId: id,
  storeName: z.string(),
  buyerId: id,
  buyer: contact,
});
const contentStatus = z.enum(["published", "pending", "hidden", "removed"]);
const moderationTarget = z.enum(["review", "seller_review", "comment", "thread"]);
const listingCondition = z.enum(["new", "like_new", "very_good", "good", "acceptable"]);
const listingStatus = z.enum(["active", "paused", "sold_out"]);
const listingState = {
  listingId: id,
  sellerId: id,
  editionId: id,
  isbn13: z.string().length(13),
  sku: z.string(),
  condition: listingCondition,
  price: money,
  quantity: z.number().int().nonnegative(),
  status: listingStatus,
};

export const EVENT_CATALOG = {
  UserRegistered: {
    version: 1,
    queues: ["notifications"],
    data: z.object(account),
  },
  StockReserved: { version: 1, queues: ["order-events"], data: z.object(reservationChange) },
  StockReleased: {
    version: 1,
    queues: ["order-events"],
    data: z.object({ ...reservationChange, reason: z.enum(["released", "expired"]) }),
  },
  StockCommitted: { version: 1, queues: ["order-events"], data: z.object(reservationChange) },
  StockAdjusted: {
    version: 1,
    queues: ["order-events"],
    data: z.object({ ...stockLevels, change: z.enum(["set", "restock"]), reason: z.string() }),
  },
  StockLow: { version: 1, queues: ["order-events"], data: z.object({ ...stockLevels, threshold: count }) },
  CartUpdated: {
    version: 1,
    queues: ["order-events"],
    data: z.object({
      cartId: id,
      userId: id.nullable(),
      change: z.enum(["added", "updated", "removed", "cleared", "merged", "expired", "code_added", "code_removed"]),
      lineCount: count,
      itemCount: count,
    }),
  },
  /** Copies went into a cart. `editionId` (the listing's edition) is absent on guest lines merged at login and older events. */
  ProductAddedToCart: {
    version: 1,
    queues: ["order-events"],
    data: z.object({
      cartId: id,
      userId: id.nullable(),
      listingId: id,
      editionId: id.optional(),
      quantity: z.number().int().positive(),
      price: z.object({ amount: count, currency: z.string().length(3) }),
    }),
  },
  PaymentProcessed: {
    version: 1,
    queues: ["order-events"],
    data: z.object({
      paymentId: id,
      orderId: id,
      provider: z.enum(["stripe", "simulated"]),
      /** `processing`: accepted, settling later (a bank debit); `succeeded` or `failed` follows. */
      outcome: z.enum(["succeeded", "processing", "failed"]),
      amount: z.number().int().nonnegative(),
      currency: z.string().length(3),
      failureReason: z.string().optional(),
    }),
  },
  PaymentRefunded: {
    version: 1,
    queues: ["order-events"],
    data: z.object({ paymentId: id, orderId: id, refundedTotal: count, currency: z.string().length(3) }),
  },
  /** A buyer disputed a payment (a chargeback): `disputeId` is payments' record of it (absent on older events). */
  PaymentDisputed: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: z.object({
      paymentId: id,
      orderId: id,
      disputeId: id.optional(),
      amount: count,
      currency: z.string().length(3),
      reason: z.string(),
    }),
  },
  /** The provider closed a dispute: `won` gives the money back to the marketplace, `lost` keeps it with the buyer. */
  PaymentDisputeClosed: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: z.object({
      paymentId: id,
      orderId: id,
      disputeId: id,
      outcome: z.enum(["won", "lost"]),
      amount: money,
    }),
  },
  /** The provider's word on a seller's connected account (`account.updated`): may transfers go to it now? */
  PayoutAccountUpdated: {
    version: 1,
    queues: ["order-events"],
    data: z.object({
      provider: z.enum(["stripe", "simulated"]),
      providerAccountId: id,
      payoutsEnabled: z.boolean(),
      detailsSubmitted: z.boolean(),
    }),
  },
  /**
   * The provider refunded more of a payment than Book Bazaar's own refunds account for (someone refunded it from
   * the provider's dashboard): `amount` is that part, `refundedTotal` the payment's refunded total now.
   */
  PaymentRefundedOutside: {
    version: 1,
    queues: ["notifications"],
    data: z.object({ paymentId: id, orderId: id, amount: money, refundedTotal: money }),
  },
  /** A fresh verification link was asked for (the first one went out on UserRegistered). */
  EmailVerificationRequested: {
    version: 1,
    queues: ["notifications"],
    data: z.object(account),
  },
  /** The owner proved control of the address; only now is it sent anything but verification mail. */
  EmailVerified: {
    version: 1,
    queues: ["notifications"],
    data: z.object(account),
  },
  /** A password login opened a session (refreshes are not logins). */
  /**
   * A password login opened a session. `newDevice` (with where from) when the account had signed in before but
   * never from this user agent: the owner is mailed about it. Older events carry neither and mail nothing.
   */
  UserAuthenticated: {
    version: 1,
    queues: ["notifications"],
    data: z.object({
      userId: id,
      sessionId: id,
      newDevice: z.boolean().optional(),
      signedInFrom: client.optional(),
    }),
  },
  /**
   * Someone asked to reset the password of the address as typed, whether or not an account uses it: the
   * consumer looks the account up, so the request does the same work for known and unknown addresses.
   */
  PasswordResetRequested: {
    version: 1,
    queues: ["notifications"],
    data: z.object({
      email: z.email(),
      requestedFrom: client.default({ ip: null, userAgent: null }),
    }),
  },
  /** The password was changed by its owner or through a reset; the owner is told by mail. */
  PasswordChanged: {
    version: 1,
    queues: ["notifications"],
    data: z.object({ userId: id, email: z.email(), name: z.string(), reason: z.enum(["changed", "reset"]) }),
  },
  /** The account was anonymised: the catalog withdraws its seller's listings, the cart empties its cart. */
  UserDeleted: {
    version: 1,
    queues: ["order-events"],
    data: z.object({ userId: id }),
  },
  /** An admin suspended the account: the catalog withholds its seller's listings from sale until unsuspended. */
  UserSuspended: {
    version: 1,
    queues: ["order-events"],
    data: z.object({ userId: id }),
  },
  /** An admin lifted the suspension: the catalog puts back on sale exactly the listings it withheld. */
  UserUnsuspended: {
    version: 1,
    queues: ["order-events"],
    data: z.object({ userId: id }),
  },
  /** A buyer turned their cart into an order: stock is held and the payment is about to be created. */
  CheckoutStarted: {
    version: 1,
    queues: ["order-events"],
    data: z.object({ orderId: id, buyerId: id, lineCount: count, itemCount: count, total: money }),
  },
  /**
   * An order was written, with one seller order per seller; its stock is held until `holdExpiresAt`. Discounts and
   * tax were added later: events written before lack them.
   */
  OrderCreated: {
    version: 1,
    queues: ["order-events"],
    data: z.object({
      orderId: id,
      buyerId: id,
      total: money,
      discountTotal: money.optional(),
      tax: money.optional(),
      shippingMethod: z.enum(["standard", "express"]),
      holdExpiresAt: z.iso.datetime(),
      sellerOrders: z.array(
        z.object({
          sellerOrderId: id,
          sellerId: id,
          total: money,
          discountTotal: money.optional(),
          sellerFundedDiscount: money.optional(),
          tax: money.optional(),
        }),
      ),
      lines: z.array(z.object({ lineId: id, listingId: id, quantity: z.number().int().positive() })),
    }),
  },
  /**
   * An order (sellerOrderId null) or one seller order moved from one status to another. `buyerId` and, for a
   * seller order, `sellerId` say whom it concerns; events written before they were added lack them.
   */
  OrderStatusChanged: {
    version: 1,
    queues: ["order-events"],
    data: z.object({
      orderId: id,
      sellerOrderId: id.nullable(),
      from: z.string().nullable(),
      to: z.string(),
      actor: z.string(),
      reason: z.string().nullable(),
      buyerId: id.optional(),
      sellerId: id.nullable().optional(),
    }),
  },
  /** An order was cancelled; `paid` says whether money was taken (and is being refunded). */
  OrderCancelled: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: z.object({
      orderId: id,
      buyerId: id,
      buyer: contact,
      reason: z.string(),
      actor: z.string(),
      paid: z.boolean(),
      total: money,
    }),
  },
  /**
   * The payment of an order was captured and its copies are sold: the buyer's confirmation, with the receipt.
   * Discounts, who funds them and tax per rate were added later: events written before lack them.
   */
  OrderPaid: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: z.object({
      orderId: id,
      buyerId: id,
      buyer: contact,
      paidAt: z.iso.datetime(),
      totals: z.object({
        items: money,
        covers: money,
        shipping: money,
        discount: money.optional(),
        tax: money,
        total: money,
      }),
      sellerFundedDiscount: money.optional(),
      taxLines: z.array(taxLine).optional(),
      shippingMethod: z.enum(["standard", "express"]),
      shippingAddress: z.object({ name: z.string(), city: z.string(), country: z.string().length(2) }).loose(),
      sellerOrders: z.array(
        z.object({
          sellerOrderId: id,
          sellerId: id,
          shipping: money,
          total: money,
          discountTotal: money.optional(),
          sellerFundedDiscount: money.optional(),
          tax: money.optional(),
        }),
      ),
      lines: z.array(
        z.object({
          lineId: id,
          sellerOrderId: id,
          title: z.string(),
          quantity: z.number().int().positive(),
          unitPrice: money,
          cover: z.string().nullable(),
          coverPrice: money,
          inscription: z.string().nullable(),
          discounts: z.array(lineDiscount).optional(),
          discountTotal: money.optional(),
          lineTotal: money,
        }),
      ),
    }),
  },
  /** The provider declined an unpaid order's payment; its copies are no longer held. */
  OrderPaymentFailed: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: z.object({ orderId: id, buyerId: id, buyer: contact, reason: z.string(), total: money }),
  },
  /** The order's payment settles later (a bank debit): its copies are held for the buyer until `holdUntil`. */
  OrderPaymentProcessing: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: z.object({ orderId: id, buyerId: id, buyer: contact, total: money, holdUntil: z.iso.datetime() }),
  },
  /** A paid line with a cover option (material, inscription, artwork) is ready for the print partner. */
  CoverPrintRequested: {
    version: 1,
    queues: ["order-events"],
    data: z.object({
      orderId: id,
      sellerOrderId: id,
      lineId: id,
      sellerId: id,
      listingId: id,
      isbn13: z.string(),
      title: z.string(),
      coverOptionId: id,
      coverName: z.string(),
      inscription: z.string().nullable(),
      quantity: z.number().int().positive(),
    }),
  },
  /**
   * Money went back to the buyer (0 for copies that were free); `orderRefunded` is the order's refunded total after
   * this one, `tax` the tax in `amount` (events written before it was added lack it).
   */
  RefundIssued: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: z.object({
      refundId: id,
      orderId: id,
      buyerId: id,
      buyer: contact,
      amount: money,
      tax: money.optional(),
      orderRefunded: money,
      reason: z.string(),
      restocked: z.boolean(),
      actor: z.string(),
      sellerOrderIds: z.array(id),
      /** Each seller order's part of `amount` (shipping included) and the tax in it; absent on older events. */
      sellerOrders: z.array(z.object({ sellerOrderId: id, sellerId: id, amount: money, tax: money })).optional(),
      lines: z.array(z.object({ lineId: id, title: z.string(), quantity: count, amount: money })),
    }),
  },
  /** A seller sent their part of an order; the buyer gets the tracking. */
  OrderShipped: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: sellerOrderParties.extend({
      carrier: z.string(),
      trackingNumber: z.string(),
      trackingUrl: z.string().nullable(),
      lines: z.array(z.object({ title: z.string(), quantity: z.number().int().positive() })),
    }),
  },
  /** A seller's parcel reached the buyer. */
  OrderDelivered: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: sellerOrderParties,
  },
  /**
   * A seller order is final: delivered, its return window over, no return open. What the seller is owed for it
   * (their lines and shipping less seller-funded discounts and refunds; the platform fee is payouts' to take) goes
   * out as a transfer.
   */
  SellerOrderCompleted: {
    version: 1,
    queues: ["order-events"],
    data: z.object({
      orderId: id,
      sellerOrderId: id,
      sellerId: id,
      /** What the buyer paid for this part, and what of it was refunded. */
      total: money,
      refunded: money,
      sellerFundedDiscount: money,
      completedAt: z.iso.datetime(),
    }),
  },
  /** Every seller order of an order completed (the seed's `OrderCompleted`). */
  OrderCompleted: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: z.object({ orderId: id, buyerId: id, completedAt: z.iso.datetime() }),
  },
  /** A buyer asked to send copies of one seller order back; the seller answers by `respondBy`. */
  ReturnRequested: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: sellerOrderParties.extend({
      returnId: id,
      reason: z.string(),
      comment: z.string().nullable(),
      respondBy: z.iso.datetime(),
      lines: z.array(z.object({ lineId: id, title: z.string(), quantity: z.number().int().positive() })),
    }),
  },
  /** A return moved: decided (by the seller or an admin), escalated, sent back, received and refunded. */
  ReturnStatusChanged: {
    version: 1,
    queues: ["order-events", "notifications"],
    data: sellerOrderParties.extend({
      returnId: id,
      from: z.string(),
      to: z.enum(["escalated", "approved", "rejected", "in_transit", "refunded"]),
      actor: z.string(),
      note: z.string().nullable(),
      refunded: money.nullable(),
    }),
  },
  /** A buyer opened a support ticket: with a seller about a seller order, or with the marketplace's support. */
  SupportTicketOpened: {
    version: 1,
    queues: ["notifications"],
    data: z.object({
      ticketId: id,
      buyerId: id,
      sellerId: id.nullable(),
      sellerOrderId: id.nullable(),
      category: z.string(),
      subject: z.string(),
      body: z.string(),
    }),
  },
  /** Someone wrote in a support ticket; the other side hears of it. */
  SupportMessagePosted: {
    version: 1,
    queues: ["notifications"],
    data: z.object({
      ticketId: id,
      messageId: id,
      buyerId: id,
      sellerId: id.nullable(),
      subject: z.string(),
      /** The ticket's status when the message was written: a buyer's message on an escalated ticket goes to admins. */
      status: z.string(),
      authorRole: z.enum(["buyer", "seller", "support"]),
      body: z.string(),
    }),
  },
  /** A support ticket moved: awaiting a side, escalated (by the buyer or the reply timer), resolved, closed. */
  SupportTicketStatusChanged: {
    version: 1,
    queues: ["notifications"],
    data: z.object({
      ticketId: id,
      buyerId: id,
      sellerId: id.nullable(),
      subject: z.string(),
      from: z.string(),
      to: z.string(),
      actor: z.string(),
      note: z.string().nullable(),
    }),
  },
  /** A user opened a seller profile; modules showing seller names keep their own copy from this. */
  SellerRegistered: {
    version: 1,
    queues: ["order-events"],
    data: z.object({ sellerId: id, userId: id, storeName: z.string(), shipsFrom: z.string().length(2) }),
  },
  /** A seller listed a copy (through the API or an import). */
  ListingCreated: {
    version: 1,
    queues: ["catalog-events"],
    data: z.object(listingState),
  },
  /** A listing changed; `changes` names what did, `previousPrice` is set when the price moved. */
  ListingUpdated: {
    version: 1,
    queues: ["catalog-events"],
    data: z.object({
      ...listingState,
      changes: z.array(
        z.enum([
          "condition",
          "conditionNotes",
          "price",
          "quantity",
          "lowStockThreshold",
          "status",
          "coverOptions",
          "photos",
          "locationId",
        ]),
      ),
      previousPrice: money.optional(),
    }),
  },
  /** A book page was opened. A signal, not a state change: sent without the outbox, lost if the send fails. */
  /** The weekly cron built a week's marketplace report: every admin is mailed its headline figures. */
  WeeklyReportBuilt: {
    version: 1,
    queues: ["notifications"],
    data: z.object({
      week: z.string(),
      gmv: money,
      orders: count,
      units: count,
      averageOrderValue: money,
      activeBuyers: count,
      newAccounts: count,
      topBook: z.object({ isbn13: z.string(), title: z.string() }).nullable(),
    }),
  },
  ProductViewed: {
    version: 1,
    queues: ["catalog-events"],
    data: z.object({
      editionId: id,
      isbn13: z.string().length(13),
      userId: id.nullable(),
      /** Who looked: the user id, or a keyed hash of a guest's address, browser and day. Older events lack it. */
      viewerKey: z.string().min(1).max(64).optional(),
    }),
  },
  /** A reader reviewed a work (`status` pending when the filter held it). */
  ReviewPosted: {
    version: 1,
    queues: ["catalog-events"],
    data: z.object({
      reviewId: id,
      workId: id,
      editionId: id,
      isbn13: z.string().length(13),
      authorId: id,
      rating: z.number().int().min(1).max(5),
      verified: z.boolean(),
      status: contentStatus,
    }),
  },
  /** A review was edited or deleted by its author, or hidden, restored or removed by moderation. */
  ReviewChanged: {
    version: 1,
    queues: ["catalog-events"],
    data: z.object({
      reviewId: id,
      workId: id,
      authorId: id,
      change: z.enum(["edited", "deleted", "hidden", "restored", "removed"]),
      rating: z.number().int().min(1).max(5).nullable(),
      status: contentStatus.nullable(),
    }),
  },
  /** A comment on a thread or a review. */
  CommentPosted: {
    version: 1,
    queues: ["catalog-events"],
    data: z.object({
      commentId: id,
      subjectType: z.enum(["thread", "review"]),
      subjectId: id,
      parentId: id.nullable(),
      authorId: id,
      status: contentStatus,
    }),
  },
  /**
   * A published comment that one reader should hear of: a reply to their comment (or to their thread or review),
   * or a new comment in a thread they follow. One event per recipient, so each mail is sent once.
   */
  CommentReplied: {
    version: 1,
    queues: ["notifications"],
    data: z.object({
      commentId: id,
      subjectType: z.enum(["thread", "review"]),
      subjectId: id,
      recipientId: id,
      reason: z.enum(["reply", "following"]),
      authorName: z.string(),
      subjectTitle: z.string(),
      isbn13: z.string().length(13),
      excerpt: z.string(),
    }),
  },
  /** A reader reported a review, seller review, comment or thread; `reportCount` counts its distinct reporters so far. */
  ContentReported: {
    version: 1,
    queues: ["catalog-events"],
    data: z.object({ reportId: id, targetType: moderationTarget, targetId: id, reporterId: id, reportCount: count }),
  },
  /** Content left public view until a moderator decides: held by the filter or hidden by reports. */
  ContentHidden: {
    version: 1,
    queues: ["catalog-events"],
    data: z.object({
      moderationId: id,
      targetType: moderationTarget,
      targetId: id,
      authorId: id,
      cause: z.enum(["filter", "reports"]),
    }),
  },
  /** A moderator approved or removed held or hidden content; its author is told. */
  ModerationDecided: {
    version: 1,
    queues: ["notifications"],
    data: z.object({
      moderationId: id,
      targetType: moderationTarget,
      targetId: id,
      authorId: id,
      action: z.enum(["approve", "remove"]),
      note: z.string(),
      decidedBy: id,
    }),
  },
  /**
   * A notification's message for one channel (email, SMS, push, or the in-app feed's live push) was written to
   * the delivery log; its consumer sends it, retried by the queue, and the delivery is marked dead when the
   * queue gives up.
   */
  DeliveryQueued: {
    version: 1,
    queues: ["notifications"],
    data: z.object({ deliveryId: id, channel: z.enum(["email", "sms", "push", "in_app"]) }),
  },
  /** One chunk of a seller's CSV import, stored in R2 under `key`, is ready to be applied. */
  ImportChunkQueued: {
    version: 1,
    queues: ["catalog-imports"],
    data: z.object({ importId: id, sellerId: id, chunk: z.number().int().nonnegative(), key: z.string() }),
  },
} as const satisfies Record<string, { version: number; queues: readonly QueueName[]; data: z.ZodType }>;

export type EventType = keyof typeof EVENT_CATALOG;
export type EventData<T extends EventType> = z.infer<(typeof EVENT_CATALOG)[T]["data"]>;

export interface EventEnvelope<T extends EventType = EventType> {
  id: string;
  type: T;
  version: number;
  occurredAt: string;
  data: EventData<T>;
}

export type AnyEvent = { [T in EventType]: EventEnvelope<T> }[EventType];

const EnvelopeShape = z.object({
  id: z.string().regex(/^evt_[0-9a-f]{32}$/),
  type: z.enum(Object.keys(EVENT_CATALOG) as [EventType, ...EventType[]]),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime(),
  data: z.unknown(),
});

/** Parses a message body into a typed event, validating its data against the catalogue. */
export function parseEvent(body: unknown): { ok: true; event: AnyEvent } | { ok: false; reason: string } {
  const envelope = EnvelopeShape.safeParse(body);
  if (!envelope.success) return { ok: false, reason: `invalid envelope: ${z.prettifyError(envelope.error)}` };
  const data = EVENT_CATALOG[envelope.data.type].data.safeParse(envelope.data.data);
  if (!data.success) return { ok: false, reason: `invalid ${envelope.data.type} data: ${z.prettifyError(data.error)}` };
  return { ok: true, event: { ...envelope.data, data: data.data } as AnyEvent };
}
