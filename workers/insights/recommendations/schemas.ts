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
    bestSellers: z.array(RecommendedBook).openapi({
      description:
        "When nobody has bought or looked at this edition with another yet: the best sellers of its category " +
        "(empty otherwise).",
    }),
  })
  .openapi("BookRecommendations");
export type BookRecommendationsReply = z.infer<typeof BookRecommendationsSchema>;

export const ReaderRecommendationsSchema = z
  .object({
    items: z.array(RecommendedBook),
    basis: z.enum(["history", "category_best_sellers", "best_sellers"]).openapi({
      description:
        "`history`: from your views and purchases; `category_best_sellers`: the best sellers of the categories " +
        "you bought and looked in, while your history leads nowhere yet; `best_sellers`: nothing to go on yet.",
    }),
  })
  .openapi("ReaderRecommendations");
export type ReaderRecommendationsReply = z.infer<typeof ReaderRecommendationsSchema>;
