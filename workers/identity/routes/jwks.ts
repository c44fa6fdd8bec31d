import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { jsonContent } from "../../http/schemas";
import { publicKeys } from "../jwt";
import { JwksSchema } from "../schemas";

const jwksRoute = publicRoute({
  method: "get",
  path: "/.well-known/jwks.json",
  operationId: "getJsonWebKeySet",
  tags: ["Identity"],
  summary: "Public keys that verify access tokens (every configured kid, until it is retired)",
  description:
    "Pick the key whose `kid` matches the access token's header. Cached for 5 minutes (`Cache-Control: public, " +
    "max-age=300`).",
  responses: { 200: jsonContent(JwksSchema, "JSON Web Key Set") },
});

export const jwksRoutes = createRouter().openapi(jwksRoute, async (c) => {
  const keys = await publicKeys(c.get("config"));
  return c.json({ keys }, 200, { "cache-control": "public, max-age=300" });
});
