import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { limitBody } from "../../http/middleware/body-limit";
import { consoleHeaders } from "../headers";
import { requireConsoleSession, requireFormToken } from "../session";
import { accountPageRoutes } from "./account";
import { activityRoutes } from "./activity";
import { adminReportRoutes } from "./admin-report";
import { adminSupportRoutes } from "./admin-support";
import { assetRoutes } from "./assets";
import { dashboardRoutes } from "./dashboard";
import { consoleError, notFoundPage } from "./errors";
import { importRoutes } from "./imports";
import { linkedSignInRoutes } from "./linked-sign-ins";
import { listingEditorRoutes } from "./listing-editor";
import { listingsRoutes } from "./listings";
import { liveTicketRoutes } from "./live";
import { mailboxRoutes } from "./mailbox";
import { onboardingRoutes } from "./onboarding";
import { orderRoutes } from "./orders";
import { payoutsRoutes } from "./payouts";
import { printJobRoutes } from "./print-jobs";
import { profileRoutes } from "./profile";
import { salesReportRoutes } from "./sales-report";
import { securityRoutes } from "./security";
import { shippingRatesRoutes } from "./shipping-rates";
import { signInRoutes } from "./sign-in";
import { socialSignInRoutes } from "./social-sign-in";
import { sellerSupportRoutes } from "./support";
import { weeklyReportRoutes } from "./weekly-report";

/** The pages of a signed-in shop, each scoped to its seller profile; every write carries the session's form token. */
const shop = new Hono<AppEnv>()
  .use(requireConsoleSession({ shop: true }), requireFormToken)
  .route("/", dashboardRoutes)
  .route("/", listingsRoutes)
  .route("/", listingEditorRoutes)
  .route("/", importRoutes)
  .route("/", orderRoutes)
  .route("/", liveTicketRoutes)
  .route("/", shippingRatesRoutes)
  .route("/", profileRoutes)
  .route("/", printJobRoutes)
  .route("/", salesReportRoutes)
  .route("/", weeklyReportRoutes)
  .route("/", payoutsRoutes)
  .route("/", activityRoutes)
  .route("/", sellerSupportRoutes);

/** Signed in, without a shop yet. */
const onboarding = new Hono<AppEnv>()
  .use("/onboarding", requireConsoleSession({ shop: false }), requireFormToken)
  .route("/", onboardingRoutes);

/** The largest upload a console form takes: a listings CSV, as the API's import route. */
const LARGEST_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The seller console at /console, and the pages the mails link to. */
export const consoleRoutes = new Hono<AppEnv>()
  .use("/console", consoleHeaders)
  .use("/console/*", consoleHeaders)
  .use("/verify-email", consoleHeaders)
  .use("/reset-password", consoleHeaders)
  .use("/unsubscribe", consoleHeaders)
  .use("/console/*", limitBody(LARGEST_UPLOAD_BYTES))
  .use("/verify-email", limitBody())
  .use("/reset-password", limitBody())
  .use("/unsubscribe", limitBody())
  .route("/", accountPageRoutes)
  .route("/console", assetRoutes)
  .route("/console", signInRoutes)
  .route("/console", socialSignInRoutes)
  .route("/console", mailboxRoutes)
  .route("/console", onboarding)
  // Open to every signed-in account, with or without a shop: before the shop's pages, which need one.
  .route("/console", linkedSignInRoutes)
  .route("/console", securityRoutes)
  // Before the reports' `/admin/*` checks, so a support page is checked once, by its own.
  .route("/console", adminSupportRoutes)
  .route("/console", adminReportRoutes)
  .route("/console", shop)
  .all("/console/*", notFoundPage);

consoleRoutes.onError(consoleError);
