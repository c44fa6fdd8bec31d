import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { sellersContext } from "../context";
import { callingSeller, requireSeller } from "../middleware";
import { ShippingRatesBody, ShippingRatesSchema } from "../schemas";
import { replaceShippingRates, sellerShippingRates } from "../service";

const tags = ["Seller shipping"];

const read = securedRoute({
  method: "get",
  path: "/v1/seller/shipping-rates",
  operationId: "getSellerShippingRates",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Your shipping rates (the marketplace default until you set your own)",
  description:
    "`source` is `default` until you set your own with `PUT /v1/seller/shipping-rates`, then `seller`. Amounts are " +
    "in the marketplace currency (EUR).",
  responses: { 200: jsonContent(ShippingRatesSchema, "The rates") },
});

const replace = securedRoute({
  method: "put",
  path: "/v1/seller/shipping-rates",
  operationId: "setSellerShippingRates",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Set the countries you ship to and what you charge",
  description:
    "Domestic is your ships-from country; international is every other listed country; express, when set, is " +
    "offered everywhere you ship. Each seller order is charged `first` for one copy plus `additional` for each " +
    "further copy. Amounts are in the marketplace currency (EUR).",
  request: { body: { content: { "application/json": { schema: ShippingRatesBody } }, required: true } },
  responses: { 200: jsonContent(ShippingRatesSchema, "The rates as stored"), ...problems(400, 415, 422) },
});

export const shippingRateRoutes = createRouter()
  .openapi(read, async (c) => {
    return c.json(await sellerShippingRates(sellersContext(c), callingSeller(c)), 200);
  })
  .openapi(replace, async (c) => {
    return c.json(await replaceShippingRates(sellersContext(c), callingSeller(c), c.req.valid("json")), 200);
  });
