import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { taxContext } from "../context";
import {
  SetTaxRateBody,
  TaxRateDestinationParams,
  TaxRateIdParams,
  TaxRateListSchema,
  TaxRateSchema,
  TaxRatesQuery,
} from "../schemas";
import { deleteTaxRate, listTaxRates, setTaxRate } from "../service";

const tags = ["Tax administration"];

const list = securedRoute({
  method: "get",
  path: "/v1/admin/tax-rates",
  operationId: "listTaxRates",
  role: "admin",
  tags,
  summary: "The tax rates per destination and class",
  description:
    "By country, region (a whole country first) and class. `country` lists one country with its regions' rates, " +
    "`taxClass` one class. A destination and class without a rate is taxed at 0 (a region without its own rate " +
    "at its country's).",
  request: { query: TaxRatesQuery },
  responses: { 200: jsonContent(TaxRateListSchema, "The rates"), ...problems(400) },
});

const set = securedRoute({
  method: "put",
  path: "/v1/admin/tax-rates/{destination}/{taxClass}",
  operationId: "setTaxRate",
  role: "admin",
  tags,
  summary: "Set the tax rate of one class for one country or US state",
  description:
    "Creates the rate (201) or replaces it (200); the same rate and name again changes nothing. `destination` is " +
    "a country (`DE`) or, where regions tax on their own (the US states), the region as ISO 3166-2 (`US-CA`). A " +
    "code that is no country, a region where the country has none, or a rate outside 0–5000 basis points is 422. " +
    "Prices stay tax-inclusive: carts and orders priced from now on break their tax out at the new rate; orders " +
    "already placed keep theirs. Every change is in the audit log (`tax_rate_set`, with the rate before).",
  request: {
    params: TaxRateDestinationParams,
    body: { content: { "application/json": { schema: SetTaxRateBody } }, required: true },
  },
  responses: {
    200: jsonContent(TaxRateSchema, "The rate, replaced (or unchanged)"),
    201: jsonContent(TaxRateSchema, "The rate, created"),
    ...problems(400, 415, 422),
  },
});

const remove = securedRoute({
  method: "delete",
  path: "/v1/admin/tax-rates/{taxRateId}",
  operationId: "deleteTaxRate",
  role: "admin",
  tags,
  summary: "Delete a tax rate",
  description:
    "Its class is then taxed at 0 there (a region's, at its country's rate). The deletion is in the audit log " +
    "(`tax_rate_deleted`, with the rate it was).",
  request: { params: TaxRateIdParams },
  responses: { 204: { description: "Deleted" }, ...problems(400, 404) },
});

export const taxRateRoutes = createRouter()
  .openapi(list, async (c) => c.json({ items: await listTaxRates(taxContext(c), c.req.valid("query")) }, 200))
  .openapi(set, async (c) => {
    const { destination, taxClass } = c.req.valid("param");
    const { rate, created } = await setTaxRate(taxContext(c), principalOf(c), {
      destination,
      taxClass,
      ...c.req.valid("json"),
    });
    return created ? c.json(rate, 201) : c.json(rate, 200);
  })
  .openapi(remove, async (c) => {
    await deleteTaxRate(taxContext(c), principalOf(c), c.req.valid("param").taxRateId);
    return c.body(null, 204);
  });
