import { env } from "cloudflare:workers";

/** The test Worker's real bindings with some variables switched, e.g. another adapter. */
export function envWith(overrides: Record<string, string>): Env {
  return { ...env, ...overrides } as unknown as Env;
}
