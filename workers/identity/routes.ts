import { createRouter } from "../http/router";
import { adminRoutes } from "./routes/admin";
import { authRoutes } from "./routes/auth";
import { jwksRoutes } from "./routes/jwks";
import { meRoutes } from "./routes/me";
import { sellerRoutes } from "./routes/sellers";

/** Every identity route: auth, the account (/v1/me), seller onboarding, the admin audit log and the JWKS. */
export const identityRoutes = createRouter()
  .route("/", authRoutes)
  .route("/", meRoutes)
  .route("/", sellerRoutes)
  .route("/", adminRoutes)
  .route("/", jwksRoutes);
