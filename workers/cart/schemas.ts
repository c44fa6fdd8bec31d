import { z } from "@hono/zod-openapi";
import { MoneySchema } from "../lib/money";
import type { Offer, Refusal } from "../promotions";
import type { TaxClass } from "../tax";

/** Request and response shapes of the cart routes; the OpenAPI document is generated from these. */

const FUNDED_BY = ["seller", "platform"] as const;
const PROMOTION_KINDS = [
  "percent_off",
  "amount_off",
  "buy_x_get_y",
  "fixed_price_bundle",
] as const satisfies Offer["kind"][];
const REFUSALS = [
  "promotion_expired",
  "promotion_not_applicable",
  "minimum_not_met",
  "usage_limit_reached",
  "promotion_not_stackable",
] as const satisfies Refusal[];
const TAX_CLASSES = ["books", "standard"] as const satisfies TaxClass[];

const LineDiscountSchema = z
  .object({
    promotionId: z.string(),
    code: z.string().nullable().openapi({ description: "Null for a promotion that applies without a code" }),
    name: z.string(),
    fundedBy: z.enum(FUNDED_BY),
    amount: MoneySchema,
  })
  .openapi("CartLineDiscount");

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
  lineTotal: MoneySchema.openapi({ description: "(unit price + cover) × quantity, before discounts" }),
  discounts: z.array(LineDiscountSchema).openapi({ description: "Each promotion's share of this line" }),
  discountTotal: MoneySchema,
  total: MoneySchema.openapi({ description: "The line after its discounts" }),
});

const SellerSchema = z.object({
  sellerId: z.string(),
  storeName: z.string(),
  subtotal: MoneySchema,
  itemCount: z.number().int(),
  discountTotal: MoneySchema,
  sellerFundedDiscount: MoneySchema.openapi({ description: "The part of the discounts this seller funds" }),
  platformFundedDiscount: MoneySchema.openapi({ description: "The part of the discounts the marketplace funds" }),
  total: MoneySchema.openapi({ description: "Subtotal less discounts, before shipping" }),
});

const AppliedPromotionSchema = z
  .object({
    promotionId: z.string(),
    code: z.string().nullable(),
    name: z.string(),
    kind: z.enum(PROMOTION_KINDS),
    fundedBy: z.enum(FUNDED_BY),
    sellerId: z.string().nullable().openapi({ description: "The seller running it; null for the marketplace's" }),
    amount: MoneySchema,
  })
  .openapi("CartPromotion");

const EnteredCodeSchema = z
  .object({
    code: z.string(),
    applied: z.boolean(),
    reason: z
      .enum(REFUSALS)
      .nullable()
      .openapi({ description: "Why a kept code no longer applies (it expired since, the cart changed …)" }),
    detail: z.string().nullable(),
  })
  .openapi("CartCode");

const TaxSchema = z
  .object({
    country: z.string(),
    region: z.string().nullable(),
    lines: z.array(
      z.object({
        taxClass: z.enum(TAX_CLASSES),
        rate: z.number().int().openapi({ description: "Basis points: 700 is 7%" }),
        name: z.string(),
        taxable: MoneySchema,
        tax: MoneySchema,
      }),
    ),
    total: MoneySchema,
  })
  .openapi("CartTax", { description: "The tax included in the prices (they are tax-inclusive), per rate" });

export const CartSchema = z
  .object({
    lines: z.array(LineSchema),
    sellers: z.array(SellerSchema),
    subtotal: MoneySchema,
    itemCount: z.number().int(),
    promotions: z
      .array(AppliedPromotionSchema)
      .openapi({ description: "Every promotion applied, with or without a code" }),
    codes: z.array(EnteredCodeSchema).openapi({ description: "The codes entered, in the order they were" }),
    discountTotal: MoneySchema,
    total: MoneySchema.openapi({ description: "Subtotal less discounts, before shipping" }),
    tax: TaxSchema.nullable().openapi({ description: "Null without a destination (`country`)" }),
  })
  .openapi("Cart");

export type CartBody = z.infer<typeof CartSchema>;

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

/** A promotion code as typed: any case, letters, digits, `-` and `_`. */
const PROMOTION_CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

export const PromotionCodeBody = z.object({
  code: z
    .string()
    .trim()
    .regex(PROMOTION_CODE, "letters, digits, - and _ (at most 64)")
    .openapi({ example: "SPRING10" }),
});

export const PromotionCodeParam = z.object({
  code: z.string().regex(PROMOTION_CODE).openapi({ example: "SPRING10", description: "Any case" }),
});

const upper = (text: string) => text.toUpperCase();

/** Where the cart would ship, for its tax: optional, since shipping itself is chosen at checkout. */
export const DestinationQuery = z
  .object({
    country: z
      .string()
      .regex(/^[A-Za-z]{2}$/, "an ISO 3166-1 alpha-2 code such as DE")
      .transform(upper)
      .optional()
      .openapi({ description: "ISO 3166-1 alpha-2: the cart shows the tax per rate for this country" }),
    region: z
      .string()
      .regex(/^[A-Za-z0-9]{1,3}$/, "a subdivision code such as CA")
      .transform(upper)
      .optional()
      .openapi({ description: "A region with rates of its own (a US state); needs `country`" }),
  })
  .refine((query) => query.region === undefined || query.country !== undefined, {
    message: "needs country",
    path: ["region"],
  });
