import { z } from "@hono/zod-openapi";
import { AppError } from "../../http/errors";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { sellersContext } from "../context";
import { addLocation, changeLocation, ownLocation, sellerLocationsOf } from "../locations";
import { callingSeller, requireSeller } from "../middleware";
import { LocationBody, LocationIdParam, LocationPatch, LocationSchema } from "../schemas";

const tags = ["Seller locations"];

const create = securedRoute({
  method: "post",
  path: "/v1/seller/locations",
  operationId: "createSellerLocation",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Add a place you ship from",
  description:
    "A listing names one with `locationId`; its shipping is then quoted from the location's country (the domestic " +
    "rate where that is the destination) instead of your ships-from country. At most 50.",
  request: { body: { content: { "application/json": { schema: LocationBody } }, required: true } },
  responses: { 201: jsonContent(LocationSchema, "The location"), ...problems(400, 415, 422) },
});

const list = securedRoute({
  method: "get",
  path: "/v1/seller/locations",
  operationId: "listSellerLocations",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "The places you ship from, oldest first",
  description: "Each with the id a listing names as its `locationId`.",
  responses: { 200: jsonContent(z.object({ items: z.array(LocationSchema) }), "Your locations") },
});

const update = securedRoute({
  method: "patch",
  path: "/v1/seller/locations/{id}",
  operationId: "updateSellerLocation",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Change a location's name, country or address",
  description: "Listings that ship from it are quoted from its new country. Another seller's location is 404.",
  request: {
    params: LocationIdParam,
    body: { content: { "application/json": { schema: LocationPatch } }, required: true },
  },
  responses: { 200: jsonContent(LocationSchema, "The location"), ...problems(400, 404, 415, 422) },
});

export const locationRoutes = createRouter()
  .openapi(create, async (c) => {
    return c.json(await addLocation(sellersContext(c), callingSeller(c).id, c.req.valid("json")), 201);
  })
  .openapi(list, async (c) => {
    return c.json({ items: await sellerLocationsOf(sellersContext(c), callingSeller(c).id) }, 200);
  })
  .openapi(update, async (c) => {
    const { id } = c.req.valid("param");
    const ctx = sellersContext(c);
    if (!(await ownLocation(ctx, callingSeller(c).id, id)))
      throw new AppError("not_found", "No such location of yours.");
    return c.json(await changeLocation(ctx, callingSeller(c).id, id, c.req.valid("json")), 200);
  });
