import { z } from "@hono/zod-openapi";
import { DELIVERY_CHANNELS, DELIVERY_STATUSES } from "../../schema/notifications";
import { LISTING_CONDITIONS } from "../catalog";
import { PageQuery } from "../http/schemas";
import { idPattern } from "../lib/ids";
import { MoneySchema } from "../lib/money";
import { CATEGORIES, type Category, type Channel } from "./preferences";

export const DevMailSchema = z
  .object({
    id: z.string(),
    to: z.string(),
    from: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string().nullable(),
    headers: z.record(z.string(), z.string()).nullable(),
    template: z.string(),
    sentAt: z.string(),
  })
  .openapi("DevMail");
export type DevMail = z.infer<typeof DevMailSchema>;

export const MailboxQuery = z.object({
  to: z.email(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

// Book alerts: a reader asks to hear once when a book is for sale again, or offered below a price.

export { IsbnParam } from "../catalog";

const BOOK_ALERT_KINDS = ["back_in_stock", "price_below"] as const;

export const BookAlertBody = z
  .object({
    kind: z.enum(BOOK_ALERT_KINDS).openapi({
      description: "back_in_stock: any copy for sale; price_below: a copy offered for less than `price`",
    }),
    price: MoneySchema.optional().openapi({ description: "Required with price_below (at least 1), refused otherwise" }),
    condition: z.enum(LISTING_CONDITIONS).optional().openapi({
      description: "Only copies at least this good (new > like_new > very_good > good > acceptable); any if left out",
    }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (body.kind === "price_below" && !body.price) {
      ctx.addIssue({ code: "custom", path: ["price"], message: "required for a price_below alert" });
    }
    if (body.kind === "price_below" && body.price?.amount === 0) {
      ctx.addIssue({ code: "custom", path: ["price", "amount"], message: "no copy is offered for less than 0" });
    }
    if (body.kind === "back_in_stock" && body.price) {
      ctx.addIssue({ code: "custom", path: ["price"], message: "only a price_below alert has a price" });
    }
  })
  .openapi("BookAlertRequest");
export type BookAlertBody = z.infer<typeof BookAlertBody>;

export const BookAlertSchema = z
  .object({
    id: z.string(),
    isbn13: z.string(),
    kind: z.enum(BOOK_ALERT_KINDS),
    price: MoneySchema.nullable(),
    condition: z.enum(LISTING_CONDITIONS).nullable(),
    createdAt: z.string(),
    firedAt: z.string().nullable().openapi({ description: "When an offer met it and the reader was told; then done" }),
    firedListingId: z.string().nullable().openapi({ description: "The listing that met it" }),
  })
  .openapi("BookAlert");
export type BookAlertView = z.infer<typeof BookAlertSchema>;

export const BookAlertPage = z
  .object({ items: z.array(BookAlertSchema), nextCursor: z.string().nullable() })
  .openapi("BookAlertPage");

export const BookAlertIdParam = z.object({
  id: z
    .string()
    .regex(idPattern("bal"), "a book alert id (bal_…)")
    .openapi({ param: { name: "id", in: "path" }, example: "bal_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
});

/** An E.164 number: a plus and up to 15 digits, the first not zero. */
const Phone = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, "an E.164 number: + and the country code, no spaces (e.g. +4915112345678)")
  .openapi({ example: "+4915112345678" });

export const PhoneBody = z.object({ phone: Phone });
export const PhoneCodeBody = z.object({
  code: z.string().regex(/^\d{6}$/, "the six digits of the code"),
});

export const PhoneSchema = z
  .object({
    phone: z.string(),
    verified: z.boolean(),
    verifiedAt: z.string().nullable(),
    /** While unverified: when the last code sent stops working. */
    codeExpiresAt: z.string().nullable(),
  })
  .openapi("Phone");
export type PhoneView = z.infer<typeof PhoneSchema>;

const Endpoint = z.url().max(2048).openapi({ example: "https://fcm.googleapis.com/fcm/send/c1KrmpTuRm0:APA91bE" });

export const NewPushSubscriptionSchema = z
  .object({
    endpoint: Endpoint,
    keys: z.object({
      p256dh: z
        .string()
        .regex(/^B[A-Za-z0-9_-]{86}=?$/, "the browser's P-256 public key, base64url (as PushSubscription.toJSON())"),
      auth: z.string().regex(/^[A-Za-z0-9_-]{22}(==)?$/, "the 16-byte auth secret, base64url"),
    }),
  })
  .openapi("NewPushSubscription");
export type NewPushSubscription = z.infer<typeof NewPushSubscriptionSchema>;

export const PushEndpointBody = z.object({ endpoint: Endpoint });

export const PushSubscriptionSchema = z
  .object({ id: z.string(), endpoint: z.string(), subscribedAt: z.string(), lastUsedAt: z.string().nullable() })
  .openapi("PushSubscription");
export type PushSubscriptionView = z.infer<typeof PushSubscriptionSchema>;

export const PushSubscriptionListSchema = z.object({
  vapidPublicKey: z.string().nullable().openapi({ description: "The `applicationServerKey` to subscribe with" }),
  items: z.array(PushSubscriptionSchema),
});
export type PushSubscriptionList = z.infer<typeof PushSubscriptionListSchema>;

export const DevMessageSchema = z
  .object({ id: z.string(), channel: z.enum(["sms", "push"]), to: z.string(), body: z.string(), sentAt: z.string() })
  .openapi("DevMessage");
export type DevMessage = z.infer<typeof DevMessageSchema>;

export const DevMessagesQuery = z.object({
  channel: z.enum(["sms", "push"]),
  to: z.string().min(1).max(255),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const DeliverySchema = z
  .object({
    id: z.string(),
    eventId: z.string(),
    template: z.string(),
    userId: z.string().nullable(),
    category: z.string().nullable(),
    channel: z.enum(DELIVERY_CHANNELS),
    status: z.enum(DELIVERY_STATUSES),
    to: z.string(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    provider: z.string().nullable(),
    providerMessageId: z.string().nullable(),
    queuedAt: z.string().nullable(),
    sentAt: z.string().nullable(),
  })
  .openapi("Delivery");

export const DeliveryPageSchema = z.object({ items: z.array(DeliverySchema), nextCursor: z.string().nullable() });
export type DeliveryPage = z.infer<typeof DeliveryPageSchema>;

/** A category's channels; a partial one for changes. Every category and channel is named, unknown ones refused. */
const channels = <T extends z.ZodType>(choice: T) =>
  z.strictObject({ email: choice, sms: choice, push: choice, in_app: choice } satisfies Record<Channel, T>);
const categories = <T extends z.ZodType>(choices: T) =>
  z.strictObject({
    orders: choices,
    community: choices,
    seller_alerts: choices,
    support: choices,
    marketing: choices,
  } satisfies Record<Category, T>);

export const PreferencesSchema = z
  .object({
    categories: categories(channels(z.boolean())).openapi({
      description: "Per category, whether each channel is on (`in_app` is the feed)",
    }),
    security: z
      .object({ email: z.literal(true), alwaysOn: z.literal(true) })
      .openapi({ description: "Security mail (verification, password reset, new sign-in) is always sent by email" }),
  })
  .openapi("NotificationPreferences");

export const PreferencesChange = z
  .strictObject({
    categories: categories(channels(z.boolean().optional()).optional()).partial().optional(),
    security: z.strictObject({ email: z.boolean().optional(), alwaysOn: z.boolean().optional() }).optional(),
  })
  .openapi("NotificationPreferencesChange", {
    example: { categories: { community: { email: false }, marketing: { email: true } } },
  });

export const FeedItemSchema = z
  .object({
    id: z.string().openapi({ example: "ntf_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f" }),
    kind: z.string().openapi({ example: "order-shipped" }),
    category: z.enum(CATEGORIES),
    title: z.string(),
    body: z.string(),
    link: z.string().nullable(),
    data: z.record(z.string(), z.unknown()).openapi({ description: "Ids the notice is about (order, listing …)" }),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .openapi("FeedItem");

export const FeedQuery = PageQuery.extend({
  unread: z.stringbool().optional().openapi({ description: "`true`: only the items not read yet" }),
});

export const FeedCursor = z.object({ t: z.number().int().nonnegative(), id: z.string().regex(idPattern("ntf")) });

export const FeedPageSchema = z
  .object({ items: z.array(FeedItemSchema), unreadCount: z.number().int(), nextCursor: z.string().nullable() })
  .openapi("NotificationFeed");

export const MarkReadBody = z
  .union([
    z.strictObject({
      ids: z
        .array(z.string().regex(idPattern("ntf"), "a notification id"))
        .min(1)
        .max(100),
    }),
    z.strictObject({ all: z.literal(true) }),
  ])
  .openapi("MarkNotificationsRead", { example: { ids: ["ntf_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f"] } });

export const UnreadCountSchema = z.object({ unreadCount: z.number().int() }).openapi("UnreadCount");

export const UnsubscribeQuery = z.object({
  token: z.string().min(1).max(512).optional().openapi({ description: "The token from the mail's link" }),
});

/** What a mail client posts for RFC 8058 one-click unsubscribe. */
export const OneClickForm = z.object({ "List-Unsubscribe": z.literal("One-Click") });
export const UnsubscribeJson = z.object({ token: z.string().min(1).max(512) });

export const UnsubscribedSchema = z
  .object({ unsubscribed: z.object({ category: z.enum(CATEGORIES), channel: z.literal("email") }) })
  .openapi("Unsubscribed");
