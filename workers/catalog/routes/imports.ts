import { z } from "@hono/zod-openapi";
import { AppError } from "../../http/errors";
import { createRouter } from "../../http/router";
import { jsonContent, PageQuery, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { catalogContext } from "../context";
import { ImportIdParam, ImportPageSchema, ImportStatusSchema } from "../schemas";
import { failedRowsCsv, importStatus, listImports, startImport } from "../service";
import { sellerTags } from "./replies";

const tags = sellerTags;

const upload = securedRoute({
  method: "post",
  path: "/v1/seller/imports",
  operationId: "startListingImport",
  limit: "imports",
  role: "seller",
  middleware: [requireSeller],
  bodyLimit: 20 * 1024 * 1024,
  tags,
  summary: "Import listings from a CSV file (at most 20 MB)",
  description:
    "Columns: `isbn, sku, condition, price, currency, quantity` and optionally `notes, title, authors, " +
    "low_stock_threshold` (a listing already there keeps its threshold when the column is absent or empty) " +
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
  request: { params: ImportIdParam },
  responses: { 200: jsonContent(ImportStatusSchema, "The import"), ...problems(400, 404) },
});

const history = securedRoute({
  method: "get",
  path: "/v1/seller/imports",
  operationId: "listListingImports",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Your imports, newest first, each with its progress",
  description:
    "Pages with `cursor` (the previous page's `nextCursor`) and `limit` (1–100, default 20). The refused rows " +
    "of each are at its `failed-rows`.",
  request: { query: PageQuery },
  responses: { 200: jsonContent(ImportPageSchema, "One page"), ...problems(400) },
});

const failedRows = securedRoute({
  method: "get",
  path: "/v1/seller/imports/{id}/failed-rows",
  operationId: "getListingImportFailedRows",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "The rows an import refused, as a CSV file to fix and upload again",
  description:
    "Each refused row as it was uploaded (every column, in the file's order), then `row` (its row number, the " +
    "header being row 1) and `error` (each reason as `field: message`, separated by `; `). Before the import " +
    "completes, the rows refused so far. Another seller's import is 404.",
  request: { params: ImportIdParam },
  responses: {
    200: {
      description: "The refused rows (only the header when none was refused)",
      content: {
        "text/csv": { schema: z.string().openapi({ example: "isbn,sku,condition,price,currency,quantity,row,error" }) },
      },
    },
    ...problems(400, 404),
  },
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
  .openapi(history, async (c) =>
    c.json(await listImports(catalogContext(c), callingSeller(c).id, c.req.valid("query")), 200),
  )
  .openapi(status, async (c) =>
    c.json(await importStatus(catalogContext(c), callingSeller(c).id, c.req.valid("param").id), 200),
  )
  .openapi(failedRows, async (c) => {
    const { id } = c.req.valid("param");
    const csv = await failedRowsCsv(catalogContext(c), callingSeller(c).id, id);
    return c.body(csv, 200, {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${id}-failed-rows.csv"`,
    });
  });
