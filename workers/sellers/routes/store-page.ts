import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { sellersContext } from "../context";
import { SellerIdParam, SellerStoreSchema } from "../schemas";
import { sellerStore } from "../service";

const readStore = publicRoute({
  method: "get",
  path: "/v1/sellers/{id}",
  operationId: "getSellerStore",
  tags: ["Sellers"],
  summary: "A seller's store page: store name, where it ships from, since when, its buyers' rating",
  description:
    "Public. `rating` is the mean of the stars buyers gave the store's delivered orders (null before the first) " +
    "and how many did. An unknown seller is 404.",
  request: { params: SellerIdParam },
  responses: { 200: jsonContent(SellerStoreSchema, "The store"), ...problems(400, 404) },
});

export const storePageRoutes = createRouter().openapi(readStore, async (c) => {
  return c.json(await sellerStore(sellersContext(c), c.req.valid("param").id), 200);
});
