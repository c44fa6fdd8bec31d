import { z } from "@hono/zod-openapi";
import { BookmarkHeaders } from "../../http/d1-bookmark";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { catalogReadContext } from "../context";
import { CategoryNodeSchema } from "../schemas";
import { categoryTree } from "../service";
import { notModified, respondCached } from "./replies";

const listCategories = publicRoute({
  method: "get",
  path: "/v1/categories",
  operationId: "listCategories",
  tags: ["Catalog"],
  summary: "The category tree, with the number of editions in each category and its subcategories",
  description:
    "Each node holds its subcategories in `children`; an edition counts once in `editionCount` even when it sits in " +
    "several of the subcategories.",
  request: { headers: BookmarkHeaders },
  responses: {
    200: jsonContent(z.object({ items: z.array(CategoryNodeSchema) }), "Top-level categories with their children"),
    ...notModified,
    ...problems(400),
  },
});

export const categoryRoutes = createRouter().openapi(listCategories, async (c) => {
  const result = await respondCached(c, await categoryTree(catalogReadContext(c)));
  return result.notModified ? c.body(null, 304) : c.json(result.body, 200);
});
