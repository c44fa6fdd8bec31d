import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, LocationIdParam, requireSeller } from "../../sellers";
import { catalogContext } from "../context";
import { deleteSellerLocation } from "../locations";
import { noContent } from "./replies";

const remove = securedRoute({
  method: "delete",
  path: "/v1/seller/locations/{id}",
  operationId: "deleteSellerLocation",
  role: "seller",
  middleware: [requireSeller],
  tags: ["Seller locations"],
  summary: "Remove a place you ship from",
  description:
    "While a listing ships from it, 409 `location_in_use`: PATCH those listings' `locationId` first. Another " +
    "seller's location is 404.",
  request: { params: LocationIdParam },
  responses: { ...noContent, ...problems(400, 404, 409) },
});

export const sellerLocationRoutes = createRouter().openapi(remove, async (c) => {
  await deleteSellerLocation(catalogContext(c), callingSeller(c).id, c.req.valid("param").id);
  return c.body(null, 204);
});
