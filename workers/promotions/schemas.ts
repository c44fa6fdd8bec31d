import { z } from "@hono/zod-openapi";
import { PROMOTION_KINDS, PROMOTION_STATUSES } from "../../schema/promotions";
import { EDITION_FORMATS, LISTING_CONDITIONS } from "../catalog";
import { humanText, PageQuery } from "../http/schemas";
import { MoneySchema } from "../lib/money";

/** Request and response shapes of the promotions API (sellers' and admins'), shared by its routes and tests. */

const PromotionId = z.string().regex(/^prm_[0-9a-f]{32}$/, "a promotion id (prm_…)");
const ListingId = z.string().regex(/^lst_[0-9a-f]{32}$/, "a listing id (lst_…)");
const CategoryId = z.string().regex(/^cat_[0-9a-f]{32}$/, "a category id (cat_…)");
const SellerId = z.string().regex(/^sel_[0-9a-f]{32}$/, "a seller id (sel_…)");

export const PromotionIdParam = z.object({
  promotionId: PromotionId.openapi({ param: { name: "promotionId", in: "path" } }),
});

/** An amount a promotion takes off or charges: more than nothing. */
const PositiveMoney = MoneySchema.refine((money) => money.amount > 0, {
  message: "must be more than 0",
  path: ["amount"],
});

const Code = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{3,32}$/, "3 to 32 letters, digits, hyphens or underscores")
  .transform((code) => code.toUpperCase())
  .openapi({ example: "SPRING10", description: "Stored upper-cased; matched without regard to case." });

const Quantity = (min: number) => z.number().int().min(min).max(100);

export const TargetsBody = z
  .object({
    listingIds: z.array(ListingId).max(200).optional().openapi({
      description: "Only these listings (a seller's own only); empty or absent: any.",
    }),
    categoryIds: z.array(CategoryId).max(50).optional().openapi({
      description: "Only books in these categories or below them; empty or absent: any.",
    }),
    conditions: z.array(z.enum(LISTING_CONDITIONS)).max(LISTING_CONDITIONS.length).optional(),
    formats: z.array(z.enum(EDITION_FORMATS)).max(EDITION_FORMATS.length).optional(),
  })
  .strict()
  .openapi("PromotionTargetsInput", {
    description: "Which copies count; every list given must match. A seller's promotion counts only its own copies.",
  });

const ValidTime = z.iso.datetime({ offset: true }).openapi({ example: "2026-03-20T00:00:00Z" });

/** Every field a promotion's owner sets; the kind's own fields are checked against `kind` by the service. */
const promotionFields = {
  name: humanText(z.string().trim().min(1).max(120)).openapi({ example: "Buy 1 get 1 free on paperbacks" }),
  code: Code.nullable().openapi({ description: "Absent or null: applied automatically, without a code." }),
  kind: z.enum(PROMOTION_KINDS),
  percentOff: z.number().int().min(1).max(100).openapi({ description: "percent_off only: whole percent, 1–100." }),
  amountOff: PositiveMoney.openapi({ description: "amount_off only: taken off the qualifying copies together." }),
  buyQuantity: Quantity(1).openapi({ description: "buy_x_get_y only: copies bought (X)." }),
  getQuantity: Quantity(1).openapi({ description: "buy_x_get_y only: of each X + Y, the Y cheapest are free." }),
  bundleQuantity: Quantity(2).openapi({ description: "fixed_price_bundle only: copies in a bundle (N ≥ 2)." }),
  bundlePrice: PositiveMoney.openapi({ description: "fixed_price_bundle only: what N qualifying copies cost." }),
  minimumSpend: MoneySchema.openapi({
    description: "What the qualifying copies must come to (after earlier promotions); 0 by default.",
  }),
  targets: TargetsBody,
  validFrom: ValidTime.openapi({ description: "When it starts (default: now)." }),
  validUntil: ValidTime.nullable().openapi({ description: "When it stops (after `validFrom`); null: open-ended." }),
  usageLimit: z.number().int().min(1).max(10_000_000).nullable().openapi({
    description: "Uses in all, counting those held by unpaid orders; null: no limit.",
  }),
  perBuyerLimit: z.number().int().min(1).max(10_000).nullable().openapi({ description: "Uses per buyer; null: any." }),
  stackable: z.boolean().openapi({ description: "Whether it combines with other promotions (default false)." }),
};

/** `strict`: what the server decides (owner, funding, uses) is refused, never taken from the client. */
export const CreatePromotionBody = z
  .object({
    ...promotionFields,
    code: promotionFields.code.optional(),
    percentOff: promotionFields.percentOff.optional(),
    amountOff: promotionFields.amountOff.optional(),
    buyQuantity: promotionFields.buyQuantity.optional(),
    getQuantity: promotionFields.getQuantity.optional(),
    bundleQuantity: promotionFields.bundleQuantity.optional(),
    bundlePrice: promotionFields.bundlePrice.optional(),
    minimumSpend: promotionFields.minimumSpend.optional(),
    targets: promotionFields.targets.optional(),
    validFrom: promotionFields.validFrom.optional(),
    validUntil: promotionFields.validUntil.optional(),
    usageLimit: promotionFields.usageLimit.optional(),
    perBuyerLimit: promotionFields.perBuyerLimit.optional(),
    stackable: promotionFields.stackable.optional(),
    status: z.enum(["active", "paused"]).optional().openapi({ description: "active (default) or paused." }),
  })
  .strict()
  .openapi("CreatePromotion");
export type CreatePromotionInput = z.infer<typeof CreatePromotionBody>;

export const UpdatePromotionBody = z
  .object({
    ...promotionFields,
    status: z.enum(PROMOTION_STATUSES).openapi({ description: "ended is final: an ended promotion cannot change." }),
  })
  .partial()
  .strict()
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), { message: "nothing to change" })
  .openapi("UpdatePromotion");
export type UpdatePromotionInput = z.infer<typeof UpdatePromotionBody>;

/** An `If-Match` on a change: the ETag of the promotion as last read, so a change made meanwhile is not lost. */
export const IfMatchHeaders = z.object({
  "if-match": z.string().max(200).optional().openapi({
    description: "The promotion's ETag as read; another version is 412 `precondition_failed`.",
    example: '"3"',
  }),
});

const PromotionsQuery = PageQuery.extend({
  status: z.enum(PROMOTION_STATUSES).optional(),
  cursor: z.string().max(512).optional().openapi({ description: "The previous page's `nextCursor`." }),
});

export const SellerPromotionsQuery = PromotionsQuery;
export type SellerPromotionsQueryInput = z.infer<typeof SellerPromotionsQuery>;

export const AdminPromotionsQuery = PromotionsQuery.extend({
  sellerId: SellerId.optional().openapi({ description: "Only this seller's promotions." }),
  fundedBy: z.enum(["seller", "platform"]).optional().openapi({
    description: "`platform`: the marketplace's own; `seller`: sellers' ones.",
  }),
});
export type AdminPromotionsQueryInput = z.infer<typeof AdminPromotionsQuery>;

const TargetsSchema = z
  .object({
    listingIds: z.array(z.string()),
    categoryIds: z.array(z.string()),
    conditions: z.array(z.string()),
    formats: z.array(z.string()),
  })
  .openapi("PromotionTargets");

export const PromotionSchema = z
  .object({
    id: z.string(),
    sellerId: z.string().nullable().openapi({ description: "null: the marketplace's own promotion." }),
    fundedBy: z.enum(["seller", "platform"]),
    name: z.string(),
    code: z.string().nullable(),
    kind: z.enum(PROMOTION_KINDS),
    percentOff: z.number().int().nullable(),
    amountOff: MoneySchema.nullable(),
    buyQuantity: z.number().int().nullable(),
    getQuantity: z.number().int().nullable(),
    bundleQuantity: z.number().int().nullable(),
    bundlePrice: MoneySchema.nullable(),
    minimumSpend: MoneySchema,
    targets: TargetsSchema,
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    usageLimit: z.number().int().nullable(),
    perBuyerLimit: z.number().int().nullable(),
    stackable: z.boolean(),
    status: z.enum(PROMOTION_STATUSES),
    uses: z.number().int().openapi({ description: "Uses by paid orders." }),
    usesHeld: z
      .number()
      .int()
      .openapi({ description: "Uses held by unpaid orders plus paid ones: what the limit caps." }),
    version: z.number().int().openapi({ description: "Grows with every change; the ETag carries it." }),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi("Promotion");
export type PromotionView = z.infer<typeof PromotionSchema>;

export const PromotionPageSchema = z
  .object({ items: z.array(PromotionSchema), nextCursor: z.string().nullable() })
  .openapi("PromotionPage");
