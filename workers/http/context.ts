import type { Config } from "../config";
import type { Logger } from "../lib/log";
import type { Services } from "../platform/services";

/** What an authenticated request carries once `requireAuth` has verified its access token. */
export interface Principal {
  userId: string;
  sessionId: string;
  roles: string[];
}

/** The seller profile a seller route acts for, set by sellers' `requireSeller`. */
export interface CallingSeller {
  id: string;
  userId: string;
  storeName: string;
  contactEmail: string;
  shipsFrom: string;
}

export interface AppEnv {
  Bindings: Env;
  Variables: {
    requestId: string;
    log: Logger;
    config: Config;
    services: Services;
    principal?: Principal;
    seller?: CallingSeller;
    /** The seller console's form token for this browser session, set by the console's session middleware. */
    csrfToken?: string;
  };
}
