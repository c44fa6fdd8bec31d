import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/context";
import { jsonContent } from "../../http/schemas";
import { principalOf } from "../../identity";
import { callingSeller } from "../../sellers";
import { PromotionSchema, type PromotionView } from "../schemas";
import type { Manager } from "../service/promotions";
import { etagOf } from "../service/views";

/** A required JSON request body of the schema. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

/** A promotion in the answer, with its ETag for a later `If-Match`. */
export const promotionReply = (description: string) => ({
  ...jsonContent(PromotionSchema, description),
  headers: {
    ETag: { description: "The promotion's version, for `If-Match` on a change", schema: { type: "string" as const } },
  },
});

/** Sets the promotion's ETag on the answer and hands the promotion back for the body. */
export function withEtag(c: Context<AppEnv>, promotion: PromotionView): PromotionView {
  c.header("etag", etagOf(promotion));
  return promotion;
}

/** The calling seller, managing its own promotions. */
export function sellerManager(c: Context<AppEnv>): Manager {
  const seller = callingSeller(c);
  return { role: "seller", sellerId: seller.id, userId: seller.userId, sessionId: principalOf(c).sessionId };
}

/** The calling admin, managing the marketplace's promotions. */
export const adminManager = (c: Context<AppEnv>): Manager => {
  const { userId, sessionId } = principalOf(c);
  return { role: "admin", userId, sessionId };
};
