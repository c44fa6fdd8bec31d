import { z } from "@hono/zod-openapi";
import { DELIVERY_CHANNELS, DELIVERY_STATUSES } from "../../schema/notifications";

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
