import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { becomeSeller, SellerBody, sellerOf, sellersContext } from "../../sellers";
import { formFields, refusal } from "../forms";
import { csrfOf, plainPage } from "../render";
import { emptyForm } from "../views/parts";
import { OnboardingForm } from "../views/sign-in";

/** A signed-in user without a shop opens one here (the API's POST /v1/sellers); one with a shop goes to it. */
export const onboardingRoutes = new Hono<AppEnv>()
  .get("/onboarding", async (c) => {
    if (await sellerOf({ services: c.get("services") }, c.get("principal")!.userId)) return c.redirect("/console", 303);
    const welcome = c.req.query("welcome") !== undefined;
    return plainPage(
      c,
      { title: "Open your shop" },
      <OnboardingForm form={emptyForm()} token={csrfOf(c)} welcome={welcome} />,
    );
  })
  .post("/onboarding", async (c) => {
    const values = await formFields(c);
    try {
      const input = SellerBody.parse(values);
      await becomeSeller(sellersContext(c), c.get("principal")!, input);
      return c.redirect("/console", 303);
    } catch (error) {
      const form = refusal(values, error);
      return plainPage(
        c,
        { title: "Open your shop", status: form.status },
        <OnboardingForm form={form} token={csrfOf(c)} welcome={false} />,
      );
    }
  });
