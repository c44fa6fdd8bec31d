// Issue 7, scenario 4: search over the demo catalog, one row per kind of query (exact title, title with a typo,
// author, ISBN), each drawn at random from the catalog's own editions for every request. After the run a sample
// of each kind is checked for the book it was made from, so a fast answer that finds nothing does not pass.
import { demoCatalog } from "../lib/catalog.mjs";
import { finds, QUERY_KINDS, queryMakers, searchPath } from "../lib/queries.mjs";

const SAMPLE = 40;
let makers;

const TITLES = {
  title: "search: exact title",
  typo: "search: title with a typo",
  author: "search: author",
  isbn: "search: ISBN (13, with or without hyphens)",
};

/** Does each query of a sample of this kind find, on page 1, the book it was made from? */
async function found(ctx, kind) {
  let hits = 0;
  const misses = [];
  for (let i = 0; i < SAMPLE; i++) {
    const made = makers[kind]();
    const page = await (await ctx.fetch(searchPath(made.q))).json();
    if (finds(kind, made, page.items ?? [])) hits += 1;
    else if (misses.length < 2) misses.push(made.q);
  }
  return { hits, misses };
}

const scenarios = QUERY_KINDS.map((kind, i) => ({
  name: `search-${kind}`,
  group: "search",
  title: TITLES[kind],
  order: 4 + i / 10,
  baseline: "B1",
  target: 0.25,
  planetscale: true,
  route: { method: "GET", path: "/v1/books", example: "/v1/books?q=hobbit" },

  async setup(ctx) {
    const { rows } = await demoCatalog(ctx);
    makers ??= queryMakers(rows);
  },

  requests: () => [{ method: "GET", setupRequest: (req) => ({ ...req, path: searchPath(makers[kind]().q) }) }],

  async verify(ctx, figures) {
    const { hits, misses } = await found(ctx, kind);
    // A typo can land on another word of the vocabulary ("gardens" for "gardn"): most, not all, must find the book.
    const enough = kind === "typo" ? hits >= SAMPLE * 0.75 : hits === SAMPLE;
    return {
      ok: figures.non2xx === 0 && figures.errors === 0 && enough,
      notes:
        `${hits}/${SAMPLE} sample queries found their book on page 1` +
        (misses.length ? ` (missed e.g. ${misses.map((q) => JSON.stringify(q)).join(", ")})` : ""),
    };
  },
}));

export default scenarios;
