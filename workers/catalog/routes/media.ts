import { z } from "@hono/zod-openapi";
import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { catalogContext } from "../context";
import { storedMedia } from "../service";

const getMedia = publicRoute({
  method: "get",
  path: "/v1/media/{key}",
  operationId: "getMedia",
  tags: ["Catalog"],
  summary: "A stored image (listing photo, cover). Keys never change content, so responses are cached for a year",
  description:
    "Only keys the API generated are served; any other key is 404. Answers 304 to a matching `If-None-Match` and " +
    "sends `X-Content-Type-Options: nosniff`.",
  request: {
    params: z.object({
      key: z
        .string()
        .max(64)
        .openapi({ param: { name: "key", in: "path" } }),
    }),
  },
  responses: {
    200: {
      description: "The image",
      content: {
        "image/jpeg": { schema: z.string().openapi({ format: "binary" }) },
        "image/png": { schema: z.string().openapi({ format: "binary" }) },
        "image/webp": { schema: z.string().openapi({ format: "binary" }) },
      },
    },
    304: { description: "Not modified" },
    ...problems(404),
  },
});

export const mediaRoutes = createRouter().openapi(getMedia, async (c) => {
  const object = await storedMedia(catalogContext(c), c.req.valid("param").key, c.req.raw.headers);
  const headers = new Headers();
  object.writeHttpMetadata(headers);
  headers.set("etag", object.httpEtag);
  headers.set("cache-control", "public, max-age=31536000, immutable");
  headers.set("x-content-type-options", "nosniff");
  if (!("body" in object)) return new Response(null, { status: 304, headers });
  return new Response(object.body, { status: 200, headers });
});
