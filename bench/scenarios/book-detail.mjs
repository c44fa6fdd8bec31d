// Issue 7, scenario 3: book pages of random editions of the demo catalog (npm start's 1,200 editions, seeded by the
// project's generator). Every ISBN is opened once in setup: the first view of a seeded edition starts its offers'
// StockDOs (a one-off write per listing), which production pays once per listing, not per view.
// Issue 15: The Hobbit's work has 200 reviews (bench/lib/reviews.mjs). The page reads none of them: the work's
// stars come with the work row it reads anyway, so its page costs D1 what an unreviewed book's does (see notes).
import { demoCatalog } from "../lib/catalog.mjs";
import { visitAll } from "../lib/client.mjs";
import { d1Cost, REVIEW_COUNT, reviewedBook } from "../lib/reviews.mjs";

const isbns = [];
const pick = () => isbns[Math.floor(Math.random() * isbns.length)];

export default {
  name: "book-detail",
  title: "GET /v1/books/{isbn}, random ISBNs",
  order: 3,
  baseline: "B1",
  target: 0.5,
  planetscale: true,
  route: { method: "GET", path: "/v1/books/{isbn}", example: "/v1/books/9780261102217" },

  async setup(ctx) {
    const { rows } = await demoCatalog(ctx);
    // --quick draws from a third of the catalog, so opening each page once fits its budget. The PlanetScale twin
    // (--database planetscale) draws the same ISBNs and opens each page once on its own copy of the app.
    const editions = ctx.quick ? rows.editions.filter((_, i) => i % 3 === 0) : rows.editions;
    if (isbns.length === 0) isbns.push(...editions.map((edition) => edition.isbn13));
    const reviewed = await reviewedBook(ctx);
    const unreviewed = isbns.find((isbn) => isbn !== reviewed.isbn);
    // First opens (cold cache, offers' StockDOs started) then second ones (cached page), of both books.
    ctx.state.costs = {};
    for (const visit of ["first", "second"]) {
      ctx.state.costs[visit] = {
        reviewed: await d1Cost(ctx, `/v1/books/${reviewed.isbn}`),
        unreviewed: await d1Cost(ctx, `/v1/books/${unreviewed}`),
      };
    }
    const statuses = await visitAll(
      ctx,
      isbns.map((isbn) => `/v1/books/${isbn}`),
    );
    if (statuses[200] !== isbns.length) throw new Error(`opening every book page once: ${JSON.stringify(statuses)}`);
  },

  requests: () => [{ method: "GET", setupRequest: (req) => ({ ...req, path: `/v1/books/${pick()}` }) }],

  async verify(ctx, figures) {
    const response = await ctx.fetch("/v1/books/9780261102217");
    const body = await response.json();
    const cost = ({ reviewed, unreviewed }) =>
      `${reviewed.queries ?? "?"} vs ${unreviewed.queries ?? "?"} D1 statements`;
    return {
      ok:
        figures.non2xx === 0 &&
        figures.errors === 0 &&
        body.work?.title === "The Hobbit" &&
        body.rating?.count === REVIEW_COUNT,
      notes:
        `${isbns.length.toLocaleString("en")} ISBNs of the demo catalog` +
        `${ctx.quick ? " (every third edition, --quick)" : ""}, uniformly at random; each page opened once in setup. ` +
        `The Hobbit (${REVIEW_COUNT} reviews) vs a book with none: first open ${cost(ctx.state.costs.first)}, ` +
        `cached ${cost(ctx.state.costs.second)}`,
    };
  },
};
