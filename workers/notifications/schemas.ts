import { z } from "@hono/zod-openapi";
import { DELIVERY_CHANNELS, DELIVERY_STATUSES } from "../../schema/notifications";
import { LISTING_CONDITIONS } from "../catalog";
import { idPattern } from "../lib/ids";
import { MoneySchema } from "../lib/money";

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
