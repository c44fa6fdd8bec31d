import { type OpenAPIHono, z } from "@hono/zod-openapi";

/** Carries D1 bookmarks both ways: an answer names the point its queries reached; sent back, reads start there. */
export const BOOKMARK_HEADER = "x-d1-bookmark";

const DESCRIPTION =
  "A D1 bookmark from an earlier response's `x-d1-bookmark` header (empty means none). Catalog reads then see " +
  "everything up to it, such as the client's own writes; without it they may be served by a read replica a " +
  "moment behind. Responses carry the newest bookmark in the same header. Only on D1: absent on PlanetScale.";

/** D1's bookmarks are hex groups joined by hyphens (`0000000a-00000040-00004f5e-…`); the empty value means none. */
const Bookmark = z
  .string()
  .max(128)
  .regex(/^(?:[0-9a-f]+(?:-[0-9a-f]+)*)?$/, "must be a bookmark from an x-d1-bookmark response header")
  .optional()
  .openapi("D1Bookmark", {
    description: "A D1 bookmark: hex groups joined by hyphens, as an `x-d1-bookmark` response header gives it.",
    param: { name: BOOKMARK_HEADER, in: "header", description: DESCRIPTION },
  });

/** The request headers of a catalog read: a malformed bookmark is refused as 400 `validation_failed`. */
export const BookmarkHeaders = z.object({ [BOOKMARK_HEADER]: Bookmark });

/** The client's bookmark, when well formed: a malformed one never reaches D1 (catalog reads refuse it with 400). */
export function clientBookmark(header: string | undefined): string | undefined {
  return Bookmark.safeParse(header).success ? header || undefined : undefined;
}

/** The response header's entry in an operation's responses (a write's answers carry it). */
export const BOOKMARK_RESPONSE_HEADER = { $ref: "#/components/headers/D1Bookmark" };

/** Declares the bookmark once in the document: the request parameter and the response header. */
export function registerBookmark(registry: OpenAPIHono["openAPIRegistry"]): void {
  registry.registerParameter("D1Bookmark", Bookmark);
  registry.registerComponent("headers", "D1Bookmark", {
    description: "The D1 bookmark this request reached, to send back in `x-d1-bookmark`. Only on D1.",
    schema: { $ref: "#/components/schemas/D1Bookmark" },
  });
}
