import { createRouter } from "../../http/router";
import { balanceRoutes } from "./balance";
import { devOnboardingRoutes } from "./dev";
import { onboardingRoutes } from "./onboarding";

/** Every route of the payouts module, mounted once in workers/app.ts. */
export const payoutRoutes = createRouter()
  .route("/", onboardingRoutes)
  .route("/", balanceRoutes)
  .route("/", devOnboardingRoutes);
