import type { Context } from "hono";
import type { AppEnv } from "../../http/context";
import type { IdentityContext } from "../context";

/** The identity services' view of a request: adapters, config, logger, and the client's IP and user agent. */
export function identityContext(c: Context<AppEnv>): IdentityContext {
  const userAgent = c.req.header("user-agent")?.slice(0, 256) ?? null;
  return {
    services: c.get("services"),
    config: c.get("config"),
    log: c.get("log"),
    client: { ip: c.req.header("cf-connecting-ip") ?? null, userAgent: userAgent || null },
  };
}

/** OpenAPI: the route needs a Bearer access token. */
export const bearer = [{ bearerAuth: [] }];

export const noContent = { 204: { description: "Done" } } as const;
