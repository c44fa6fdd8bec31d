import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, requireAuth } from "../middleware";
import { SellerBody, SellerSchema } from "../schemas";
import { becomeSeller } from "../service";
import { bearer, identityContext } from "./shared";

const becomeSellerRoute = createRoute({
  method: "post",
  path: "/v1/sellers",
  tags: ["Sellers"],
  summary: "Open a seller profile for the signed-in account",
  description: "Grants the seller role; the next refreshed access token carries it.",
  security: bearer,
  middleware: [requireAuth] as const,
  request: { body: { content: { "application/json": { schema: SellerBody } }, required: true } },
  responses: {
    201: jsonContent(z.object({ seller: SellerSchema }), "Seller profile created"),
    ...problems(400, 401, 409, 415, 422),
  },
});

export const sellerRoutes = createRouter().openapi(becomeSellerRoute, async (c) => {
  const seller = await becomeSeller(identityContext(c), principalOf(c), c.req.valid("json"));
  return c.json({ seller }, 201);
});
