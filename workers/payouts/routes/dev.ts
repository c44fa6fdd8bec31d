import { publicRoute } from "../../http/route";
import { createRouter } from "../../http/router";
import { problems } from "../../http/schemas";
import { paymentsContextOf, updateSimulatedAccount } from "../../payments";
import { finishSimulatedOnboarding } from "../accounts";
import { payoutsContextOf } from "../context";
import { ReturnUrlQuery, SimulatedAccountParam } from "../schemas";

const onboarding = publicRoute({
  method: "get",
  path: "/v1/dev/connect/accounts/{id}/onboarding",
  operationId: "finishSimulatedOnboarding",
  tags: ["Development"],
  summary: "Finish a simulated connected account's onboarding (only while the simulator is active)",
  description:
    "Where the simulator's account links point. Enables payouts on the account: the simulator delivers a signed " +
    "`account.updated` webhook through the same path as Stripe's, and redirects to `return_url`, which must be on " +
    "this site.",
  request: { params: SimulatedAccountParam, query: ReturnUrlQuery },
  responses: {
    303: { description: "Onboarding done; back to `return_url`" },
    ...problems(400, 404),
  },
});

export const devOnboardingRoutes = createRouter().openapi(onboarding, async (c) => {
  const back = await finishSimulatedOnboarding(
    payoutsContextOf(c),
    c.req.valid("param").id,
    c.req.valid("query").return_url,
    new URL(c.req.url).origin,
  );
  await updateSimulatedAccount(paymentsContextOf(c), {
    providerAccountId: c.req.valid("param").id,
    payoutsEnabled: true,
    detailsSubmitted: true,
  });
  return c.redirect(back, 303);
});
