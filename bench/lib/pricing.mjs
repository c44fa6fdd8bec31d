// The pricing the purchase scenarios run under (issue 17): one automatic marketplace promotion for every cart
// (5% off every book, platform-funded) created by the admin of `.dev.vars.example`'s ADMIN_EMAILS through the API,
// and the seeded tax rates (the checkout's address is in Germany: books at 7%, cover options at 19%).
import { bearer } from "./accounts.mjs";
import { send, signUp } from "./client.mjs";

const ADMIN_EMAIL = "admin@bookbazaar.local";

let running;

/** Creates the run's automatic promotion once; later calls answer the same one. */
export function marketplacePromotion(ctx) {
  running ??= (async () => {
    const admin = await signUp(ctx, { email: ADMIN_EMAIL, name: "Bench Admin" });
    const { body } = await send(
      ctx,
      "POST",
      "/v1/admin/promotions",
      { name: "Bench week: 5% off every book", kind: "percent_off", percentOff: 5 },
      { headers: bearer(admin), expect: 201 },
    );
    return body;
  })();
  return running;
}
