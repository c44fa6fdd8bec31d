import { z } from "@hono/zod-openapi";
import { MoneySchema } from "../lib/money";

/** Request and response shapes of the cart routes; the OpenAPI document is generated from these. */

const LineSchema = z.object({
  lineId: z.string(),
  listingId: z.string(),
  sellerId: z.string().nullable(),
  title: z.string().nullable(),
  isbn13: z.string().nullable(),
  condition: z.string().nullable(),
  quantity: z.number().int(),
  coverOption: z.object({ id: z.string(), name: z.string(), kind: z.string(), price: MoneySchema }).nullable(),
  inscription: z.string().nullable(),
  unitPrice: MoneySchema,
  priceSeen: MoneySchema,
  priceChanged: z.boolean(),
  available: z.number().int(),
  purchasable: z.boolean(),
  lineTotal: MoneySchema,
});

export const CartSchema = z
  .object({
    lines: z.array(LineSchema),
    sellers: z.array(
      z.object({ sellerId: z.string(), storeName: z.string(), subtotal: MoneySchema, itemCount: z.number().int() }),
    ),
    subtotal: MoneySchema,
    itemCount: z.number().int(),
  })
  .openapi("Cart");

export const AddedLineSchema = z
  .object({
    lineId: z.string(),
    listingId: z.string(),
    quantity: z.number().int(),
    coverOptionId: z.string().nullable(),
    inscription: z.string().nullable(),
    priceSeen: MoneySchema,
  })
  .openapi("CartLine");

export const AddItemBody = z.object({
  listingId: z.string().regex(/^lst_[0-9a-f]{32}$/),
  quantity: z.number().int().min(1).max(99).default(1),
  coverOptionId: z
    .string()
    .regex(/^cov_[0-9a-f]{32}$/)
    .optional(),
  inscription: z.string().min(1).max(200).optional(),
});

export const QuantityBody = z.object({ quantity: z.number().int().min(1).max(99) });

export const LineParam = z.object({ lineId: z.string().regex(/^lin_[0-9a-f]{32}$/) });
