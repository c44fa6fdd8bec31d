import { z } from "@hono/zod-openapi";
import { AppError } from "../../http/errors";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { catalogContext } from "../context";
import { ImportStatusSchema } from "../schemas";
import { importStatus, startImport } from "../service";

const tags = ["Seller listings"];

const upload = securedRoute({
  method: "post",
  path: "/v1/seller/imports",
  operationId: "startListingImport",
  role: "seller",
  middleware: [requireSeller],
  bodyLimit: 20 * 1024 * 1024,
  tags,
  summary: "Import listings from a CSV file (at most 20 MB)",
  description:
    "Columns: `isbn, sku, condition, price, currency, quantity` and optionally `notes, title, authors` " +
    "(authors separated by `;`; title and authors are needed for an ISBN not yet in the catalog). Prices are " +
    "in major units (`12.99`). Rows are applied in the background, upserting by your SKU: uploading the same " +
    "file again changes nothing. Follow progress at the returned import's URL.",
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
    ...problems(400, 413, 415, 422),
  },
});

const status = securedRoute({
  method: "get",
  path: "/v1/seller/imports/{id}",
  operationId: "getListingImport",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Progress of an import, and each refused row with the reason",
  description:
    "`status` is `queued`, `processing` or `completed`; up to 1,000 refused rows are listed with their row number, " +
    "field and reason. Another seller's import is 404.",
  request: {
    params: z.object({
      id: z
        .string()
        .regex(/^imp_[0-9a-f]{32}$/, "an import id (imp_…)")
        .openapi({ param: { name: "id", in: "path" } }),
    }),
  },
  responses: { 200: jsonContent(ImportStatusSchema, "The import"), ...problems(400, 404) },
});

export const importRoutes = createRouter()
  .openapi(upload, async (c) => {
    const type = c.req.header("content-type") ?? "";
    if (!/^(text\/csv|text\/plain|application\/csv)\b/i.test(type)) {
      throw new AppError("unsupported_media_type", "Send the file as text/csv.");
    }
    const started = await startImport(catalogContext(c), callingSeller(c).id, await c.req.text());
    c.header("location", `/v1/seller/imports/${started.importId}`);
    return c.json(started, 202);
  })
  .openapi(status, async (c) =>
    c.json(await importStatus(catalogContext(c), callingSeller(c).id, c.req.valid("param").id), 200),
  );
