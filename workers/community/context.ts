import type { Context } from "hono";
import type { ConsumerContext } from "../../queues/consumer";
import type { AppEnv } from "../http/context";
import { type IdentityContext, identityContext } from "../identity";

/**
 * What the community rules work with, from a request, a consumer or the nightly recompute: identity's context
 * (services, configuration with the posting limits and report threshold, logger, the caller's client for the
 * audit entries of moderation decisions).
 */
export type CommunityContext = IdentityContext;

/** The community context of a request. */
export function communityContext(c: Context<AppEnv>): CommunityContext {
  return identityContext(c);
}

/** The community context of a queue batch or a cron run: no caller, so no client to stamp on audit entries. */
export function communityConsumerContext({ services, config, log }: ConsumerContext): CommunityContext {
  return { services, config, log, client: { ip: null, userAgent: null } };
}
