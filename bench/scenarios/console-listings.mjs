// Issue 14: the seller console's listings page (GET /console/listings, the first page of 25, newest first) of a
// seller with 1,000 listings, signed in with the console's session cookie as a browser is. Setup: a seller signs up
// and opens a shop through the API, signs in through the console's login form (its form token and cookie), and gets
// 1,000 listings of demo-catalog editions written straight into D1 in one statement (as the demo seed writes its
// listings: through the API they would take most of --quick's budget), with mixed conditions, prices and statuses.
// Each request renders the whole HTML page: session check, shop, one page of listings with options and photos.
import { demoCatalog } from "../lib/catalog.mjs";
import { send, signUp } from "../lib/client.mjs";

const LISTINGS = 1_000;
const PAGE_ROWS = 25; // the console's page size
const STAMP = Date.now().toString(36);

const state = { cookie: "", sellerId: "" };

/** The cookies a response sets, as `name=value` pairs for a Cookie header. */
const cookiesOf = (response) => response.headers.getSetCookie().map((line) => line.split(";")[0]);

/** Signs in through the console's login form, as a browser does: its token cookie, then the form post. */
async function consoleCookie(ctx, { email, password, ip }) {
  const login = await ctx.fetch("/console/login");
  const token = /name="_csrf" value="([^"]+)"/.exec(await login.text())?.[1];
  if (!token) throw new Error("the console's login page has no form token");
  const signedIn = await ctx.fetch("/console/login", {
    method: "POST",
    redirect: "manual",
    headers: {
      cookie: cookiesOf(login).join("; "),
      "content-type": "application/x-www-form-urlencoded",
      "cf-connecting-ip": ip,
    },
    body: new URLSearchParams({ _csrf: token, email, password, next: "/console/listings" }).toString(),
  });
  const session = cookiesOf(signedIn).find((pair) => pair.startsWith("bb_console="));
  if (signedIn.status !== 303 || !session) throw new Error(`console sign-in answered ${signedIn.status}`);
  return session;
}

/** 1,000 listings of the seller on the demo catalog's editions, one INSERT … SELECT (ids as the app makes them). */
async function seedListings(db, sellerId) {
  const now = Date.now();
  await db
    .prepare(
      `INSERT INTO listings (id, seller_id, edition_id, sku, condition, condition_notes, price_amount, currency,
         quantity, available, status, created_at, updated_at)
       SELECT 'lst_' || lower(hex(randomblob(16))), ?1, id, 'CONSOLE-' || ?2 || '-' || n,
         CASE n % 5 WHEN 0 THEN 'new' WHEN 1 THEN 'like_new' WHEN 2 THEN 'very_good' WHEN 3 THEN 'good'
           ELSE 'acceptable' END,
         CASE WHEN n % 3 = 0 THEN 'Light shelf wear.' END, 500 + (n * 37) % 4500, 'EUR',
         n % 9, n % 9, CASE WHEN n % 10 = 0 THEN 'paused' WHEN n % 9 = 0 THEN 'sold_out' ELSE 'active' END,
         ?3 + n, ?3 + n
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM editions) WHERE n <= ?4`,
    )
    .bind(sellerId, STAMP, now, LISTINGS)
    .run();
  const { count } = await db
    .prepare("SELECT count(*) AS count FROM listings WHERE seller_id = ?1")
    .bind(sellerId)
    .first();
  return count;
}

export default {
  name: "console-listings",
  title: "console listings page, 1,000 listings",
  order: 14,
  baseline: "B1",
  route: { method: "GET", path: "/console/listings" },

  async setup(ctx) {
    const { db } = await demoCatalog(ctx);
    const account = await signUp(ctx, { email: `bench-console-${STAMP}@bench.test`, name: "Console Seller" });
    const { body } = await send(
      ctx,
      "POST",
      "/v1/sellers",
      { storeName: `Console Books ${STAMP}`, contactEmail: account.email, shipsFrom: "DE" },
      { headers: { authorization: `Bearer ${account.accessToken}` }, expect: 201 },
    );
    state.sellerId = body.seller.id;
    const seeded = await seedListings(db, state.sellerId);
    if (seeded !== LISTINGS) throw new Error(`seeded ${seeded} listings, not ${LISTINGS}`);
    state.cookie = await consoleCookie(ctx, account);
  },

  requests: () => [{ method: "GET", path: "/console/listings", headers: { cookie: state.cookie } }],

  async verify(ctx, figures) {
    const response = await ctx.fetch("/console/listings", { headers: { cookie: state.cookie } });
    const html = await response.text();
    const rows = (html.match(/<tr id="listing-lst_/g) ?? []).length;
    const timing = response.headers.get("server-timing") ?? "";
    return {
      ok: figures.non2xx === 0 && figures.errors === 0 && response.status === 200 && rows === PAGE_ROWS,
      notes:
        `seller with ${LISTINGS.toLocaleString("en")} listings, signed in with the console cookie; ` +
        `after the run: ${response.status}, ${rows} rows, ${(html.length / 1024).toFixed(0)} KB of HTML; ` +
        `the page's D1 use: ${/desc="([^"]*)"/.exec(timing)?.[1] ?? "no Server-Timing"}`,
    };
  },
};
