import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import type { AppEnv } from "../../http/context";
import { matchesEtag, PUBLIC_CACHE_CONTROL } from "../cache";
import type { VersionedRead } from "../service";

/** The tag of the routes a seller runs a shop with. */
export const sellerTags = ["Seller listings"];

/** A required JSON request body of the schema. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({
  content: { "application/json": { schema } },
  required: true,
});

export const noContent = { 204: { description: "Done" } } as const;
export const notModified = { 304: { description: "The copy the client holds (If-None-Match) is current" } } as const;

/**
 * Answers a public catalog read: 304 when the client already holds this version, otherwise the (possibly
 * cached) body, with a validator and headers that make every client revalidate before reuse.
 */
export async function respondCached<T>(c: Context<AppEnv>, versioned: VersionedRead<T>) {
  c.header("etag", versioned.etag);
  c.header("cache-control", PUBLIC_CACHE_CONTROL);
  if (matchesEtag(c.req.header("if-none-match"), versioned.etag)) return { notModified: true as const };
  return { notModified: false as const, body: await versioned.read() };
}
