import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../http/context";
import { AppError } from "../http/errors";
import { createRouter } from "../http/router";
import { jsonContent, problems } from "../http/schemas";
import { principalOf, requireAuth, requireRole, type SellerView, sellerOf } from "../identity";
import { ShippingRatesBody, ShippingRatesSchema } from "./schemas";
import { type ShippingRates, setShippingRates, shippingRates } from "./service";

const tags = ["Seller shipping"];
const security = [{ bearerAuth: [] }];
const asSeller = [requireAuth, requireRole("seller")];

const read = createRoute({
  method: "get",
  path: "/v1/seller/shipping-rates",
  tags,
  summary: "Your shipping rates (the marketplace default until you set your own)",
  security,
  middleware: asSeller,
  responses: { 200: jsonContent(ShippingRatesSchema, "The rates"), ...problems(401, 403) },
});

const replace = createRoute({
  method: "put",
  path: "/v1/seller/shipping-rates",
  tags,
  summary: "Set the countries you ship to and what you charge",
  description:
    "Domestic is your ships-from country; international is every other listed country; express, when set, is " +
    "offered everywhere you ship. Each seller order is charged `first` for one copy plus `additional` for each " +
    "further copy. Amounts are in the marketplace currency (EUR).",
  security,
  middleware: asSeller,
  request: { body: { content: { "application/json": { schema: ShippingRatesBody } }, required: true } },
  responses: { 200: jsonContent(ShippingRatesSchema, "The rates as stored"), ...problems(400, 401, 403, 415, 422) },
});

/** The seller profile the caller acts as; identity owns it. */
async function callerSeller(c: Context<AppEnv>): Promise<SellerView> {
  const seller = await sellerOf({ services: c.get("services") }, principalOf(c).userId);
  if (!seller) throw new AppError("forbidden", "Open a seller profile first (POST /v1/sellers).");
  return seller;
}

const view = (rates: ShippingRates, seller: SellerView) => ({
  sellerId: rates.sellerId,
  domesticCountry: seller.shipsFrom,
  countries: rates.countries,
  domestic: rates.domestic,
  international: rates.international,
  express: rates.express,
  source: rates.source,
  updatedAt: rates.updatedAt === null ? null : new Date(rates.updatedAt).toISOString(),
});

export const sellerShippingRoutes = createRouter()
  .openapi(read, async (c) => {
    const seller = await callerSeller(c);
    const rates = (await shippingRates(c.get("services"), [seller.id])).get(seller.id)!;
    return c.json(view(rates, seller), 200);
  })
  .openapi(replace, async (c) => {
    const seller = await callerSeller(c);
    const rates = await setShippingRates(c.get("services"), seller.id, c.req.valid("json"));
    return c.json(view(rates, seller), 200);
  });
