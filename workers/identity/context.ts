import type { Config } from "../config";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** Where a request came from, as recorded on sessions and audit entries. */
export interface ClientInfo {
  ip: string | null;
  userAgent: string | null;
}

/** What identity's services need from a request: adapters, configuration, a logger and the caller's client. */
export interface IdentityContext {
  services: Services;
  config: Config;
  log: Logger;
  client: ClientInfo;
}
