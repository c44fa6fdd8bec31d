import { createRoute, z } from "@hono/zod-openapi";
import { AppError } from "../../http/errors";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { catalogContext } from "../context";
import { importStatus, startImport } from "../imports";
import { ImportStatusSchema } from "../schemas";
import { asSeller, bearer, sellerIdOf } from "./auth";

const tags = ["Seller listings"];

const upload = createRoute({
  method: "post",
  path: "/v1/seller/imports",
  tags,
  summary: "Import listings from a CSV file (at most 20 MB)",
  description:
    "Columns: `isbn, sku, condition, price, currency, quantity` and optionally `notes, title, authors` " +
    "(authors separated by `;`; title and authors are needed for an ISBN not yet in the catalog). Prices are " +
    "in major units (`12.99`). Rows are applied in the background, upserting by your SKU: uploading the same " +
    "file again changes nothing. Follow progress at the returned import's URL.",
  security: bearer,
  middleware: asSeller,
  request: {
    body: {
      content: {
        "text/csv": { schema: z.string().openapi({ example: "isbn,sku,condition,price,currency,quantity" }) },
      },
      required: true,
    },
  },
  responses: {
    202: jsonContent(
      z.object({ importId: z.string(), rowsTotal: z.number().int() }),
      "Accepted; rows are being applied",
    ),
    ...problems(400, 401, 403, 413, 415, 422),
  },
});

const status = createRoute({
  method: "get",
  path: "/v1/seller/imports/{id}",
  tags,
  summary: "Progress of an import, and each refused row with the reason",
  security: bearer,
  middleware: asSeller,
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^imp_[0-9a-f]{32}$/, "an import id (imp_…)")
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: { 200: jsonContent(ImportStatusSchema, "The import"), ...problems(400, 401, 403, 404) },
});

export const importRoutes = createRouter()
  .openapi(upload, async (c) => {
    const type = c.req.header("content-type") ?? "";
    if (!/^(text\/csv|text\/plain|application\/csv)\b/i.test(type)) {
      throw new AppError("unsupported_media_type", "Send the file as text/csv.");
    }
    const ctx = catalogContext(c);
    const started = await startImport(ctx, await sellerIdOf(c, ctx), await c.req.text());
    c.header("location", `/v1/seller/imports/${started.importId}`);
    return c.json(started, 202);
  })
  .openapi(status, async (c) => {
    const ctx = catalogContext(c);
    return c.json(await importStatus(ctx, await sellerIdOf(c, ctx), c.req.valid("param").id), 200);
  });
