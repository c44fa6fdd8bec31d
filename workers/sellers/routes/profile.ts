import { z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { sellersContext } from "../context";
import { SellerBody, SellerSchema } from "../schemas";
import { becomeSeller } from "../service";

const openProfile = securedRoute({
  method: "post",
  path: "/v1/sellers",
  operationId: "openSellerProfile",
  tags: ["Sellers"],
  summary: "Open a seller profile for the signed-in account",
  description: "Grants the seller role; the next refreshed access token carries it.",
  request: { body: { content: { "application/json": { schema: SellerBody } }, required: true } },
  responses: {
    201: jsonContent(z.object({ seller: SellerSchema }), "Seller profile created"),
    ...problems(400, 409, 415, 422),
  },
});

export const profileRoutes = createRouter().openapi(openProfile, async (c) => {
  const seller = await becomeSeller(sellersContext(c), principalOf(c), c.req.valid("json"));
  return c.json({ seller }, 201);
});
