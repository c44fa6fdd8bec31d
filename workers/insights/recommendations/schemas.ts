import { z } from "@hono/zod-openapi";
import { MoneySchema } from "../../lib/money";

export const RecommendedBook = z
  .object({
    isbn13: z.string().length(13),
    title: z.string(),
    authors: z.array(z.string()),
    lowestPrice: MoneySchema,
  })
  .openapi("RecommendedBook", { description: "An edition with a copy for sale now, at its lowest price in force." });

export const BookRecommendationsSchema = z
  .object({
    boughtTogether: z.array(RecommendedBook),
    alsoViewed: z.array(RecommendedBook),
  })
  .openapi("BookRecommendations");
export type BookRecommendationsReply = z.infer<typeof BookRecommendationsSchema>;

export const ReaderRecommendationsSchema = z
  .object({
    items: z.array(RecommendedBook),
    basis: z.enum(["history", "best_sellers"]).openapi({
      description: "`history`: from your views and purchases; `best_sellers`: nothing to go on yet.",
    }),
  })
  .openapi("ReaderRecommendations");
export type ReaderRecommendationsReply = z.infer<typeof ReaderRecommendationsSchema>;
