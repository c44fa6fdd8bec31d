// Issue 15: a page of a work's reviews (The Hobbit's, 200 of them seeded), in each of the four sorts at random,
// held to B1 like the book page: the page is one read of the work by ISBN and one keyset read of the reviews.
import { REVIEW_COUNT, reviewedBook } from "../lib/reviews.mjs";

const SORTS = ["helpful", "newest", "highest", "lowest"];
const pick = () => SORTS[Math.floor(Math.random() * SORTS.length)];

export default {
  name: "reviews",
  title: "GET /v1/books/{isbn}/reviews, 200 reviews, random sort",
  order: 3.5,
  baseline: "B1",
  target: 0.5,
  route: { method: "GET", path: "/v1/books/{isbn}/reviews", example: "/v1/books/9780261102217/reviews" },

  async setup(ctx) {
    ctx.state.book = await reviewedBook(ctx);
  },

  requests: (ctx) => [
    {
      method: "GET",
      setupRequest: (req) => ({ ...req, path: `/v1/books/${ctx.state.book.isbn}/reviews?sort=${pick()}&limit=20` }),
    },
  ],

  async verify(ctx, figures) {
    const response = await ctx.fetch(`/v1/books/${ctx.state.book.isbn}/reviews?sort=newest&limit=20`);
    const page = await response.json();
    return {
      ok: figures.non2xx === 0 && figures.errors === 0 && page.items?.length === 20 && page.nextCursor !== null,
      notes: `${REVIEW_COUNT} published reviews of one work; the first page (20) of a random sort each request`,
    };
  },
};
