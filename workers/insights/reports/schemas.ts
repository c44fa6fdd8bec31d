import { z } from "@hono/zod-openapi";

/** The weekly reports' query and response schemas. */

export const WeekQuery = z.object({
  week: z
    .string()
    .regex(/^\d{4}-W\d{2}$/)
    .optional()
    .openapi({ example: "2026-W48", description: "An ISO week; the last complete week by default." }),
  format: z
    .enum(["json", "csv"])
    .optional()
    .openapi({ description: "`csv` answers `text/csv` (as does `Accept: text/csv`)." }),
});
export type WeekQueryInput = z.infer<typeof WeekQuery>;

const minor = z.number().int();
const share = z.number().min(0).max(1);
const takings = { gmv: minor, orders: z.number().int(), units: z.number().int(), averageOrderValue: minor };

export const SellerWeekSchema = z
  .object({
    rank: z.number().int().positive(),
    sellerId: z.string(),
    storeName: z.string(),
    orders: z.number().int(),
    gmv: minor,
    units: z.number().int(),
    averageHoursToShip: z.number().nullable(),
    fulfilmentRate: share,
    cancellationRate: share,
    returnRate: share,
    supportTickets: z.number().int(),
    supportAnswered: z.number().int(),
    medianFirstResponseMinutes: z.number().nullable(),
    rating: z.number().nullable(),
    ratingCount: z.number().int(),
  })
  .openapi("SellerWeek");

const keyword = z.object({ word: z.string(), count: z.number().int() });

export const AdminWeeklyReportSchema = z
  .object({
    week: z.string(),
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    builtAt: z.string(),
    sales: z.object({
      totals: z.object(takings),
      days: z.array(z.object({ day: z.string(), ...takings })),
      byCategory: z.array(z.object({ category: z.string(), ...takings })),
      byCondition: z.array(z.object({ kind: z.enum(["new", "second_hand"]), ...takings })),
    }),
    pricing: z.object({
      bands: z.array(
        z.object({
          band: z.string(),
          condition: z.string(),
          listed: z.number().int(),
          sold: z.number().int(),
          sellThrough: share,
          averageDaysToSell: z.number().nullable(),
        }),
      ),
      promotions: z.array(
        z.object({
          discounted: z.boolean(),
          lines: z.number().int(),
          units: z.number().int(),
          revenue: minor,
          discount: minor,
          averageUnitRevenue: minor,
        }),
      ),
    }),
    popularBooks: z.array(
      z.object({
        editionId: z.string(),
        isbn13: z.string(),
        title: z.string(),
        views: z.number().int(),
        cartAdds: z.number().int(),
        bought: z.number().int(),
        viewToCart: z.number(),
        cartToBought: z.number(),
      }),
    ),
    engagement: z.object({
      activeBuyers: z.number().int(),
      newAccounts: z.number().int(),
      reviews: z.number().int(),
      comments: z.number().int(),
    }),
    reviews: z.object({
      days: z.array(z.object({ day: z.string(), reviews: z.number().int(), averageRating: z.number().nullable() })),
      averageRating: z.number().nullable(),
      sentiment: z.object({
        positive: z.number().int(),
        neutral: z.number().int(),
        negative: z.number().int(),
        positiveShare: share,
        neutralShare: share,
        negativeShare: share,
      }),
      positiveKeywords: z.array(keyword),
      negativeKeywords: z.array(keyword),
    }),
    sellers: z.array(SellerWeekSchema),
  })
  .openapi("AdminWeeklyReport");

export const SellerWeeklyReportSchema = z
  .object({
    week: z.string(),
    from: z.string(),
    to: z.string(),
    currency: z.string(),
    sellerCount: z.number().int().openapi({ description: "How many sellers sold in the week (are ranked)." }),
    rank: z.number().int().nullable(),
    figures: SellerWeekSchema.nullable().openapi({ description: "Null when you sold nothing that week." }),
  })
  .openapi("SellerWeeklyReport");
