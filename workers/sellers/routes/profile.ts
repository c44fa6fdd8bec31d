import { z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { sellersContext } from "../context";
import { callingSeller, requireSeller } from "../middleware";
import { SellerBody, SellerProfilePatch, SellerSchema } from "../schemas";
import { becomeSeller, sellerProfile, updateSellerProfile } from "../service";

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

const readProfile = securedRoute({
  method: "get",
  path: "/v1/seller/profile",
  operationId: "getSellerProfile",
  role: "seller",
  middleware: [requireSeller],
  tags: ["Sellers"],
  summary: "Your store's profile: store name, contact email, ships-from country",
  description:
    "Your store name, contact email and ships-from country (where your domestic rate applies); PATCH changes them.",
  responses: { 200: jsonContent(SellerSchema, "The profile") },
});

const editProfile = securedRoute({
  method: "patch",
  path: "/v1/seller/profile",
  operationId: "updateSellerProfile",
  role: "seller",
  middleware: [requireSeller],
  tags: ["Sellers"],
  summary: "Change your store name, contact email or ships-from country",
  description:
    "Send the fields to change; they are validated as when opening the profile. Another store's name, in any " +
    "case, is 409 `store_name_taken`. The ships-from country decides where your domestic shipping rate applies.",
  request: { body: { content: { "application/json": { schema: SellerProfilePatch } }, required: true } },
  responses: { 200: jsonContent(SellerSchema, "The profile as stored"), ...problems(400, 409, 415, 422) },
});

export const profileRoutes = createRouter()
  .openapi(openProfile, async (c) => {
    const seller = await becomeSeller(sellersContext(c), principalOf(c), c.req.valid("json"));
    return c.json({ seller }, 201);
  })
  .openapi(readProfile, async (c) => {
    return c.json(await sellerProfile(sellersContext(c), callingSeller(c).id), 200);
  })
  .openapi(editProfile, async (c) => {
    return c.json(await updateSellerProfile(sellersContext(c), callingSeller(c).id, c.req.valid("json")), 200);
  });
