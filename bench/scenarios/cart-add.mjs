// Issue 7, scenario 6: add to cart, many users. Setup, all through the API: a seller lists 100 copies-rich listings
// (100,000 copies each, on demo-catalog editions) so no add is refused for stock; buyers register and log in
// (argon2id twice each, so 200 of them, 30 with --quick, their tokens shared by all connections); 100 guest carts
// are opened with a first add and then addressed by their X-Cart-Token. Each request adds one copy of a random
// listing to a random cart: 3 in 4 to a signed-in buyer's cart (Bearer token: JWT check plus the session read),
// 1 in 4 to a guest cart. After the run, every cart object is read back: the copies in all carts must account for
// every add the app accepted, and no more than were sent. Since issue 17 an automatic marketplace promotion runs
// (bench/lib/pricing.mjs): adding prices nothing, the cart view and the checkout do.
import { benchSeller, buyers as buyerPool } from "../lib/accounts.mjs";
import { demoCatalog } from "../lib/catalog.mjs";
import { inParallel, send } from "../lib/client.mjs";
import { marketplacePromotion } from "../lib/pricing.mjs";

const LISTINGS = 100;
const COPIES = 100_000;
const GUESTS = 100;
const GUEST_SHARE = 0.25;

let buyers = [];
const guests = []; // { token, cartId }
const listingIds = [];
let accepted = 0; // 201s seen by the load generator (warm-up and rounds)
let built = 0; // requests built: an upper bound of those sent
let setupAdds = 0;

const fmt = (n) => n.toLocaleString("en");
const random = (n) => Math.floor(Math.random() * n);
const pick = (list) => list[random(list.length)];

export default {
  name: "cart-add",
  title: "add to cart, many users",
  order: 6,
  baseline: "B2",
  target: 0.5,
  route: { method: "POST", path: "/v1/cart/items" },

  async setup(ctx) {
    const { rows } = await demoCatalog(ctx);
    const isbns = rows.editions.filter((_, i) => i % 7 === 0).map((edition) => edition.isbn13);
    const seller = await benchSeller(ctx);
    ctx.state.promotion = await marketplacePromotion(ctx);
    listingIds.push(
      ...(await inParallel(LISTINGS, 8, (i) =>
        seller.list({ isbn: isbns[i % isbns.length], quantity: COPIES, price: 999 + 50 * (i % 20) }),
      )),
    );

    const started = Date.now();
    buyers = await buyerPool(ctx, ctx.quick ? 30 : 200);
    ctx.state.signUpSeconds = (Date.now() - started) / 1000;

    // A guest cart is opened by its first add, which hands out its token.
    guests.push(
      ...(await inParallel(GUESTS, 8, async () => {
        const body = { listingId: pick(listingIds), quantity: 1 };
        const { response } = await send(ctx, "POST", "/v1/cart/items", body, { expect: 201 });
        const token = response.headers.get("x-cart-token");
        return { token, cartId: token.split(".")[0] };
      })),
    );
    setupAdds = GUESTS;
  },

  requests: () => [
    {
      method: "POST",
      path: "/v1/cart/items",
      setupRequest: (req) => {
        built += 1;
        const headers = { "content-type": "application/json" };
        if (Math.random() < GUEST_SHARE) headers["x-cart-token"] = pick(guests).token;
        else headers.authorization = `Bearer ${pick(buyers).accessToken}`;
        return { ...req, headers, body: JSON.stringify({ listingId: pick(listingIds), quantity: 1 }) };
      },
    },
  ],

  load: {
    setupClient: (client) => {
      client.on("response", (statusCode) => {
        if (statusCode === 201) accepted += 1;
      });
    },
  },

  async verify(ctx, figures) {
    const carts = await ctx.durableObjects("CART");
    const names = [...buyers.map((b) => `user:${b.userId}`), ...guests.map((g) => `guest:${g.cartId}`)];
    const lines = await inParallel(names.length, 25, (i) => carts.get(carts.idFromName(names[i])).lines());
    const copies = lines.flat().reduce((sum, line) => sum + line.quantity, 0);
    // A run stops with requests in flight: the app may have applied them without the load generator seeing the
    // answer. So the copies must lie between the adds answered 201 and the adds sent.
    const low = accepted + setupAdds;
    const high = built + setupAdds;
    const consistent = copies >= low && copies <= high;
    const statuses = Object.entries(
      figures.runs.reduce((all, run) => {
        for (const [code, n] of Object.entries(run.statusCodes)) all[code] = (all[code] ?? 0) + n;
        return all;
      }, {}),
    )
      .map(([code, n]) => `${code}×${n}`)
      .join(" ");
    return {
      ok: figures.non2xx === 0 && figures.errors === 0 && consistent,
      notes:
        `${buyers.length} signed-in buyers (sign-up and login took ${ctx.state.signUpSeconds.toFixed(1)} s) and ` +
        `${guests.length} guest carts, ${Math.round(GUEST_SHARE * 100)}% of adds to guests; ${LISTINGS} listings of ` +
        `${COPIES.toLocaleString("en")} copies; statuses in the rounds ${statuses}; copies in all carts ${fmt(copies)}, adds answered ` +
        `201 ${fmt(low)}, sent ≤ ${fmt(high)} (in flight at the end of a run): ${consistent ? "consistent" : "INCONSISTENT"}`,
    };
  },
};
