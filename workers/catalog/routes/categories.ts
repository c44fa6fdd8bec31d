import { createRoute, z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { categoryTree } from "../categories";
import { catalogContext } from "../context";
import { CategoryNodeSchema } from "../schemas";
import { respondCached } from "./cached";

const listCategories = createRoute({
  method: "get",
  path: "/v1/categories",
  tags: ["Catalog"],
  summary: "The category tree, with the number of editions in each category and its subcategories",
  responses: {
    200: jsonContent(z.object({ items: z.array(CategoryNodeSchema) }), "Top-level categories with their children"),
    304: { description: "The copy the client holds (If-None-Match) is current" },
    ...problems(400),
  },
});

export const categoryRoutes = createRouter().openapi(listCategories, async (c) => {
  const result = await respondCached(c, await categoryTree(catalogContext(c)));
  return result.notModified ? c.body(null, 304) : c.json(result.body, 200);
});
