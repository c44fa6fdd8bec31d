import { z } from "@hono/zod-openapi";
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
