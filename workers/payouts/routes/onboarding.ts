import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { principalOf, requireTotpForPayouts, securedRoute } from "../../identity";
import { callingSeller, requireSeller } from "../../sellers";
import { payoutAccount, startOnboarding } from "../accounts";
import { payoutsContextOf } from "../context";
import { OnboardingLinkSchema, PayoutAccountSchema } from "../schemas";

const tags = ["Seller payouts"];

/** Where the provider sends the seller back: the console's payouts page on the origin that asked. */
export const CONSOLE_PAYOUTS_PATH = "/console/payouts";

const onboard = securedRoute({
  method: "post",
  path: "/v1/seller/payouts/onboarding",
  operationId: "startPayoutOnboarding",
  role: "seller",
  middleware: [requireSeller, requireTotpForPayouts],
  tags,
  summary: "Open your payout account with the payment provider, or get a fresh onboarding link to it",
  description:
    "The first call creates your connected account (Stripe Connect Express; one per seller, however often you " +
    "call); every call answers a fresh onboarding link, which expires at `expiresAt`. The provider sends you back " +
    "to the console's payouts page. Transfers go out once the provider enables payouts on the account. With " +
    "`MFA_REQUIRED_FOR_PAYOUTS` on (production's default), an account without two-factor sign-in gets 403 " +
    "`mfa_enrolment_required`.",
  responses: { 200: jsonContent(OnboardingLinkSchema, "The onboarding link"), ...problems(401, 403) },
});

const account = securedRoute({
  method: "get",
  path: "/v1/seller/payouts/account",
  operationId: "getPayoutAccount",
  role: "seller",
  middleware: [requireSeller],
  tags,
  summary: "Your payout account and whether the provider enabled payouts on it",
  description: "404 until you start onboarding (`POST /v1/seller/payouts/onboarding`).",
  responses: { 200: jsonContent(PayoutAccountSchema, "The payout account"), ...problems(401, 403, 404) },
});

export const onboardingRoutes = createRouter()
  .openapi(onboard, async (c) => {
    const returnUrl = new URL(CONSOLE_PAYOUTS_PATH, c.req.url).toString();
    return c.json(await startOnboarding(payoutsContextOf(c), callingSeller(c), returnUrl, principalOf(c)), 200);
  })
  .openapi(account, async (c) => c.json(await payoutAccount(payoutsContextOf(c), callingSeller(c).id), 200));
