// The pricing the purchase scenarios run under (issue 17): one automatic marketplace promotion for every cart
// (5% off every book, platform-funded) created by the admin of `.dev.vars.example`'s ADMIN_EMAILS through the API,
// and the seeded tax rates (the checkout's address is in Germany: books at 7%, cover options at 19%).
import { bearer } from "./accounts.mjs";
import { logIn, send, signUp } from "./client.mjs";

const ADMIN_EMAIL = "admin@bookbazaar.local";

let running;

/** Creates the run's automatic promotion once; later calls answer the same one. */
export function marketplacePromotion(ctx) {
  running ??= (async () => {
    const signedUp = await signUp(ctx, { email: ADMIN_EMAIL, name: "Bench Admin" });
    // The admin role needs a confirmed address: the code comes from the development mailbox (the mail is queued).
    let token;
    for (let attempt = 0; attempt < 50 && !token; attempt++) {
      const { body } = await send(ctx, "GET", `/v1/dev/mailbox?to=${encodeURIComponent(ADMIN_EMAIL)}`, undefined, {
        expect: 200,
      });
      token = body.items.map((mail) => /Verification code: (\S+)/.exec(mail.text)?.[1]).find(Boolean);
      if (!token) await new Promise((resolve) => setTimeout(resolve, 200));
    }
    await send(ctx, "POST", "/v1/auth/verify-email", { token }, { expect: 204 });
    const admin = await logIn(ctx, signedUp); // the role reaches the token at login
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
