// Buyers and a seller shared by the scenarios that need accounts (add to cart, checkout, flash sale), created
// through the API once per run. Sign-up and login hash the password with argon2id, about 0.03–0.1 s of the
// Worker's CPU each, so accounts are made once and handed out again rather than made per scenario.
import { inParallel, refresh, send, signUp } from "./client.mjs";

const STAMP = Date.now().toString(36);
const PASSWORD = "a bench buyer's passphrase, 2026";
const REFRESH_EVERY_MS = 10 * 60 * 1000; // access tokens live 15 minutes; a long run outlives them

const pool = [];
let growing = Promise.resolve();
let refresher;
const stats = { created: 0, seconds: 0 };

/**
 * The first `count` buyers of the run's pool, signing up (and logging in) as many more as needed, four at a time.
 * Their access tokens are refreshed every 10 minutes in the background; read `accessToken` at request time.
 */
export function buyers(ctx, count) {
  growing = growing.then(async () => {
    const missing = count - pool.length;
    if (missing <= 0) return;
    const started = Date.now();
    const from = pool.length;
    const made = await inParallel(missing, 4, (i) =>
      signUp(ctx, {
        email: `bench-buyer-${STAMP}-${from + i}@bench.test`,
        name: `Buyer ${from + i}`,
        password: PASSWORD,
      }),
    );
    pool.push(...made);
    stats.created += made.length;
    stats.seconds += (Date.now() - started) / 1000;
    refresher ??= setInterval(() => {
      inParallel(pool.length, 4, (i) => refresh(ctx, pool[i])).catch((error) => {
        process.stderr.write(`refreshing buyer tokens failed: ${error.message}\n`);
      });
    }, REFRESH_EVERY_MS);
    refresher.unref();
  });
  return growing.then(() => pool.slice(0, count));
}

/** How many buyers were signed up so far and the seconds it took. */
export const buyerStats = () => ({ ...stats });

export const bearer = (account) => ({ authorization: `Bearer ${account.accessToken}` });

let seller;

/** One seller account with a seller profile, its token refreshed so it carries the seller role. */
export function benchSeller(ctx) {
  seller ??= (async () => {
    const account = await signUp(ctx, { email: `bench-seller-${STAMP}@bench.test`, name: "Bench Seller" });
    await send(
      ctx,
      "POST",
      "/v1/sellers",
      { storeName: `Bench Books ${STAMP}`, contactEmail: account.email, shipsFrom: "DE" },
      { headers: bearer(account), expect: 201 },
    );
    await refresh(ctx, account); // the seller role reaches the token at the next refresh
    let skus = 0;
    return {
      ...account,
      /** Lists new copies of a known edition; returns the listing id. */
      async list({ isbn, quantity, price = 1299 }) {
        const { body } = await send(
          ctx,
          "POST",
          "/v1/seller/listings",
          {
            isbn,
            sku: `BENCH-${STAMP}-${++skus}`,
            condition: "new",
            price: { amount: price, currency: "EUR" },
            quantity,
          },
          { headers: bearer(account), expect: 201 },
        );
        return body.id;
      },
    };
  })();
  return seller;
}
