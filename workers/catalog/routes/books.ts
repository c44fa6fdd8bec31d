import { z } from "@hono/zod-openapi";
import { BookmarkHeaders } from "../../http/d1-bookmark";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { catalogReadContext } from "../context";
import { BookDetailSchema, BookPageSchema, BooksQuery, IsbnParam, SuggestionSchema } from "../schemas";
import { type BookPageExtras, bookDetail, findBooks, suggest } from "../service";
import { bookViewer } from "../viewer";
import { notModified, respondCached } from "./replies";

const listBooks = publicRoute({
  method: "get",
  path: "/v1/books",
  operationId: "listBooks",
  limit: "search",
  tags: ["Catalog"],
  summary: "Browse or search editions",
  description:
    "Without `q`, browses the catalog; with `q`, searches titles, subtitles, authors, ISBNs and descriptions, " +
    "tolerating typos. A category includes its subcategories. Price filters and price sorts use each edition's " +
    "lowest buyable offer, so they list only editions in stock.",
  request: { query: BooksQuery, headers: BookmarkHeaders },
  responses: { 200: jsonContent(BookPageSchema, "One page of editions"), ...notModified, ...problems(400) },
});

const suggestBooks = publicRoute({
  method: "get",
  path: "/v1/books/suggest",
  operationId: "suggestBooks",
  limit: "suggest",
  tags: ["Catalog"],
  summary: "Title and author completions for search-as-you-type",
  description:
    "Completes the last word typed (under 2 characters in all answer no suggestions); when nothing starts with it, " +
    "it is read as a possibly misspelt word. Title suggestions carry the edition's `isbn13`.",
  request: { query: z.object({ q: z.string().max(100) }), headers: BookmarkHeaders },
  responses: {
    200: jsonContent(z.object({ items: z.array(SuggestionSchema).max(10) }), "Up to 10 completions"),
    ...notModified,
    ...problems(400),
  },
});

const getBook = publicRoute({
  method: "get",
  path: "/v1/books/{isbn}",
  operationId: "getBookDetail",
  tags: ["Catalog"],
  summary: "An edition by ISBN-10 or ISBN-13, with its work, categories, offers (cheapest first), bought together",
  description:
    "An invalid ISBN is 422 `invalid_isbn`, one not in the catalog 404. Every request counts as a view of the " +
    "edition (emits `ProductViewed`), a 304 one included. `boughtTogether` follows the daily recommendations: " +
    "the page's validator changes when they are rebuilt.",
  request: { params: IsbnParam, headers: BookmarkHeaders },
  responses: {
    200: jsonContent(BookDetailSchema, "The edition"),
    ...notModified,
    ...problems(400, 404, 422),
  },
});

/** The book reads; the book page's "bought together" editions come from `extras` (see workers/app.ts). */
export const bookRoutes = (extras: BookPageExtras) =>
  createRouter()
    .openapi(listBooks, async (c) => {
      const result = await respondCached(c, await findBooks(catalogReadContext(c), c.req.valid("query")));
      return result.notModified ? c.body(null, 304) : c.json(result.body, 200);
    })
    .openapi(suggestBooks, async (c) => {
      const result = await respondCached(c, await suggest(catalogReadContext(c), c.req.valid("query").q));
      return result.notModified ? c.body(null, 304) : c.json({ items: result.body }, 200);
    })
    .openapi(getBook, async (c) => {
      const viewer = await bookViewer(c);
      const detail = await bookDetail(catalogReadContext(c), c.req.valid("param").isbn, viewer, extras);
      const result = await respondCached(c, detail);
      return result.notModified ? c.body(null, 304) : c.json(result.body, 200);
    });
