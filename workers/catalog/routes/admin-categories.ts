import { z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { humanText, jsonContent, problems } from "../../http/schemas";
import { principalOf, securedRoute } from "../../identity";
import { catalogContext } from "../context";
import { createCategory, deleteCategory, updateCategory } from "../service";
import { noContent } from "./replies";

const tags = ["Catalog administration"];

const CategorySchema = z
  .object({
    id: z.string(),
    slug: z.string(),
    name: z.string(),
    parentId: z.string().nullable(),
    position: z.number().int(),
    editionCount: z.number().int(),
  })
  .openapi("Category");

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lower-case words joined by hyphens")
  .max(80);
const categoryId = z.string().regex(/^cat_[0-9a-f]{32}$/, "a category id (cat_…)");

const CreateCategoryBody = z
  .object({
    name: humanText(z.string().trim().min(1).max(80)),
    slug: slug.optional().openapi({ description: "Derived from the name when left out." }),
    parentId: categoryId.nullable().optional(),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .openapi("CreateCategory");

const UpdateCategoryBody = z
  .object({
    name: humanText(z.string().trim().min(1).max(80)).optional(),
    slug: slug.optional(),
    parentId: categoryId.nullable().optional().openapi({ description: "Moves the category; null makes it top-level." }),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .refine((body) => Object.values(body).some((value) => value !== undefined), "nothing to change")
  .openapi("UpdateCategory");

const IdParam = z.object({ id: categoryId.openapi({ param: { name: "id", in: "path" } }) });
const body = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } }, required: true });

const create = securedRoute({
  method: "post",
  path: "/v1/admin/categories",
  operationId: "createCategory",
  role: "admin",
  tags,
  summary: "Create a category",
  description:
    "Without `parentId` the category is top-level; an unknown parent is 404 and a slug already in use 409 " +
    "`conflict`. A name that yields no slug, with no `slug` sent, is 422.",
  request: { body: body(CreateCategoryBody) },
  responses: { 201: jsonContent(CategorySchema, "The category"), ...problems(400, 404, 409, 415, 422) },
});

const update = securedRoute({
  method: "patch",
  path: "/v1/admin/categories/{id}",
  operationId: "updateCategory",
  role: "admin",
  tags,
  summary: "Rename or move a category (with its subcategories)",
  description: "Moving a category under itself or one of its subcategories is refused with 409.",
  request: { params: IdParam, body: body(UpdateCategoryBody) },
  responses: { 200: jsonContent(CategorySchema, "The category"), ...problems(400, 404, 409, 415, 422) },
});

const remove = securedRoute({
  method: "delete",
  path: "/v1/admin/categories/{id}",
  operationId: "deleteCategory",
  role: "admin",
  tags,
  summary: "Delete a category without subcategories; its books move up to its parent",
  description:
    "A category that still has subcategories is 409 `conflict`: move or delete them first. Editions in a top-level " +
    "category just leave it.",
  request: { params: IdParam },
  responses: { ...noContent, ...problems(400, 404, 409) },
});

export const adminCategoryRoutes = createRouter()
  .openapi(create, async (c) =>
    c.json(await createCategory(catalogContext(c), c.req.valid("json"), principalOf(c)), 201),
  )
  .openapi(update, async (c) =>
    c.json(await updateCategory(catalogContext(c), c.req.valid("param").id, c.req.valid("json"), principalOf(c)), 200),
  )
  .openapi(remove, async (c) => {
    await deleteCategory(catalogContext(c), c.req.valid("param").id, principalOf(c));
    return c.body(null, 204);
  });
