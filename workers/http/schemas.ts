import { z } from "@hono/zod-openapi";
import { AppError, INVALID_CHARACTERS } from "./errors";

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().openapi({ example: "validation_failed" }),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi("Problem");

const problemContent = { "application/problem+json": { schema: ProblemSchema } };

const STATUS_TEXT: Record<number, string> = {
  400: "Invalid request",
  401: "Not authenticated",
  403: "Not allowed",
  404: "Not found",
  409: "Conflict",
  412: "Precondition failed",
  413: "Body too large",
  415: "Unsupported media type",
  422: "Cannot be processed",
  426: "Upgrade required",
  429: "Rate limited",
  503: "Service unavailable",
};

/** OpenAPI declarations of the problem responses a route can give. */
export function problems(...statuses: (keyof typeof STATUS_TEXT)[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, { description: STATUS_TEXT[status] ?? "Problem", content: problemContent }]),
  ) as Record<number, { description: string; content: typeof problemContent }>;
}

/** Control characters (NUL, CR/LF…), bidirectional marks, overrides and isolates, line/paragraph separators. */
const UNSAFE_TEXT = /[\p{Cc}\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/u;
/** What multi-line text (a copy's notes) may hold of those: tab and line breaks. */
const TEXT_LAYOUT = /[\t\r\n]/g;

/**
 * Text a person reads where we store it (names, store names, addresses, titles): control characters (NUL,
 * CR/LF…) and bidirectional overrides are refused, since they forge mail headers and disguise what is shown.
 */
export function humanText<T extends z.ZodString>(schema: T, options: { multiline?: boolean } = {}): T {
  return schema.refine((text) => !UNSAFE_TEXT.test(options.multiline ? text.replace(TEXT_LAYOUT, "") : text), {
    message: "must not contain control or bidirectional-override characters",
    params: { code: INVALID_CHARACTERS },
  }) as T;
}

/** A calendar date, `YYYY-MM-DD`, that exists (no 2025-02-30). */
export const CalendarDate = z
  .string()
  .refine((date) => {
    const midnight = /^\d{4}-\d{2}-\d{2}$/.test(date) ? Date.parse(`${date}T00:00:00Z`) : Number.NaN;
    return !Number.isNaN(midnight) && new Date(midnight).toISOString().startsWith(date);
  }, "a calendar date as YYYY-MM-DD")
  .openapi({ type: "string", format: "date", example: "2025-03-01" });

export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(512).optional(),
});

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/**
 * Cursors are opaque to clients: base64url of the UTF-8 JSON of the sort key of the last item served (UTF-8, so a
 * key such as a title may hold any character; an ASCII key encodes as plain `btoa` would).
 */
export function encodeCursor(position: Record<string, string | number>): string {
  const bytes = new TextEncoder().encode(JSON.stringify(position));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

export function decodeCursor<T extends z.ZodType>(cursor: string | undefined, shape: T): z.infer<T> | undefined {
  if (!cursor) return undefined;
  try {
    const binary = atob(cursor.replace(/-/g, "+").replace(/_/g, "/"));
    const json = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(
      Uint8Array.from(binary, (char) => char.charCodeAt(0)),
    );
    const parsed = shape.safeParse(JSON.parse(json));
    if (parsed.success) return parsed.data;
  } catch {
    // fall through to the error below
  }
  throw new AppError("invalid_cursor");
}
