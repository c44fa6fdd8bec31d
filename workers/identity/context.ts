import type { Context } from "hono";
import type { Config } from "../config";
import type { AppEnv } from "../http/context";
import type { Logger } from "../lib/log";
import type { Statement } from "../platform/db";
import type { Services } from "../platform/services";

/** Where a request came from, as recorded on sessions and audit entries. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
  /** The request's id (`X-Request-Id`), stamped on audit entries; absent in consumers and the cron. */
  requestId?: string | null;
}

/** What identity's services need from a request: adapters, configuration, a logger and the caller's client. */
export interface IdentityContext {
  services: Services;
  config: Config;
  log: Logger;
  client: ClientInfo;
}

/**
 * The seller profile of an account. The sellers module owns it and builds on identity, so identity cannot
 * import it: app.ts hands this in through `identityRoutes`.
 */
export interface AccountSellers {
  sellerIdOf(services: Services, userId: string): Promise<string | undefined>;
  /** The write that drops a deleted account's contact email from its seller profile, committed with the deletion. */
  forgetContact(services: Services, userId: string, placeholderEmail: string, now: number): Statement;
}

/** What the account rules work with: identity's context and the account's seller profile. */
export interface AccountContext extends IdentityContext {
  sellers: AccountSellers;
}

/** The identity services' view of a request: adapters, config, logger, and the client's IP and user agent. */
export function identityContext(c: Context<AppEnv>): IdentityContext {
  return { services: c.get("services"), config: c.get("config"), log: c.get("log"), client: clientOf(c) };
}

/** Where a request came from (IP, user agent, request id): other modules' contexts carry it for audit entries. */
export function clientOf(c: Context<AppEnv>): ClientInfo {
  const userAgent = c.req.header("user-agent")?.slice(0, 256) ?? null;
  return {
    ip: c.req.header("cf-connecting-ip") ?? null,
    userAgent: userAgent || null,
    requestId: c.get("requestId") ?? null,
  };
}
