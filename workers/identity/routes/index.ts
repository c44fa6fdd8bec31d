import { createRouter } from "../../http/router";
import { adminRoutes } from "./admin";
import { adminUserRoutes } from "./admin-users";
import { type AuthHooks, authRoutes } from "./auth";
import { linkedIdentityRoutes } from "./identities";
import { jwksRoutes } from "./jwks";
import { meRoutes } from "./me";
import { mfaRoutes } from "./mfa";
import { oidcRoutes } from "./oidc";

/**
 * Every identity route: auth (password and social sign-in), the account (/v1/me), the admin audit log and the JWKS. The hooks come from the
 * modules built on identity (sellers, cart), which identity cannot import; app.ts composes them.
 */
export function identityRoutes(hooks: AuthHooks) {
  return createRouter()
    .route("/", authRoutes(hooks))
    .route("/", oidcRoutes(hooks))
    .route("/", linkedIdentityRoutes)
    .route("/", meRoutes(hooks.sellers))
    .route("/", mfaRoutes)
    .route("/", adminRoutes)
    .route("/", adminUserRoutes)
    .route("/", jwksRoutes);
}
