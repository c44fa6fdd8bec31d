// Issue 7, scenario 5: category browse with filters over the demo catalog. Every request draws a category (any of
// the tree's 36, top-level ones include their subcategories) and a random mix of the filters a storefront offers:
// in stock, condition, price range, format, language, and one of the three browse sorts.
import { demoCatalog } from "../lib/catalog.mjs";

const CONDITIONS = ["new", "like_new", "very_good", "good", "acceptable"];
const SORTS = ["newest", "price_asc", "price_desc"];
const SAMPLE = 30;
let slugs = [];

const random = (n) => Math.floor(Math.random() * n);
const pick = (list) => list[random(list.length)];

export function browseQuery() {
  const query = { category: pick(slugs), sort: pick(SORTS) };
  if (Math.random() < 0.5) query.inStock = "true";
  if (Math.random() < 0.3) query.condition = [...new Set([pick(CONDITIONS), pick(CONDITIONS)])].join(",");
  if (Math.random() < 0.3) {
    query.minPrice = String(100 * random(10));
    query.maxPrice = String(Number(query.minPrice) + 500 + 100 * random(20));
  }
  if (Math.random() < 0.25) query.format = pick(["hardcover", "paperback"]);
  if (Math.random() < 0.2) query.language = "en";
  return query;
}

const pathOf = (query) => `/v1/books?${new URLSearchParams(query)}`;

/** Do the items of a page satisfy the filters that show on a card? */
function honours(query, items) {
  return items.every(
    (item) =>
      (!query.format || item.format === query.format) &&
      (!query.language || item.language === query.language) &&
      (!query.maxPrice || (item.lowestPrice && item.lowestPrice.amount <= Number(query.maxPrice))) &&
      (!query.minPrice || (item.lowestPrice && item.lowestPrice.amount >= Number(query.minPrice))) &&
      (!query.inStock || item.lowestPrice !== null),
  );
}

export default {
  name: "browse",
  title: "category browse with filters",
  order: 5,
  baseline: "B1",
  planetscale: true,
  route: { method: "GET", path: "/v1/books", example: "/v1/books?category=fiction" },

  async setup(ctx) {
    const { rows } = await demoCatalog(ctx);
    slugs = rows.categories.map((category) => category.slug);
  },

  requests: () => [{ method: "GET", setupRequest: (req) => ({ ...req, path: pathOf(browseQuery()) }) }],

  async verify(ctx, figures) {
    let nonEmpty = 0;
    const wrong = [];
    for (let i = 0; i < SAMPLE; i++) {
      const query = browseQuery();
      const page = await (await ctx.fetch(pathOf(query))).json();
      if (page.items?.length) nonEmpty += 1;
      if (!page.items || !honours(query, page.items)) wrong.push(pathOf(query));
    }
    return {
      ok: figures.non2xx === 0 && figures.errors === 0 && wrong.length === 0,
      notes:
        `${slugs.length} categories × random filters and sorts; ${SAMPLE} sample pages checked against their ` +
        `filters, ${nonEmpty} non-empty` +
        (wrong.length ? `; WRONG: ${wrong.slice(0, 2).join(" ")}` : ""),
    };
  },
};
