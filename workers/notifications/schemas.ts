import { z } from "@hono/zod-openapi";
import { PageQuery } from "../http/schemas";
import { idPattern } from "../lib/ids";
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
