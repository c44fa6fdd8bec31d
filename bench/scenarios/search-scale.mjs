// Issue 7, scenario 9: the same search load on a catalog ten times larger. Two copies of the app, each with its own
// D1 database seeded by the project's generator (the `npm run db:seed -- --books N` catalog): 10,000 and 100,000
// editions (--quick: 2,000 and 20,000, so its setup stays within the quick budget). The larger catalog starts with
// the smaller one's editions, and every request draws one of the four query kinds of scenario 4 from those shared
// editions, so both rows answer the same queries. The second row compares itself with the first.
import { applyMigrations, seedCatalog } from "../lib/catalog.mjs";
import { finds, QUERY_KINDS, queryMakers, searchPath } from "../lib/queries.mjs";

const SIZES = { full: [10_000, 100_000], quick: [2_000, 20_000] };
const PAGE_SIZE = 20; // GET /v1/books's default limit
const SAMPLE = 10; // per kind, after the run

const sizesOf = (ctx) => SIZES[ctx.quick ? "quick" : "full"];
const shared = { makers: undefined, smallBooks: 0, figures: {}, seeded: {} };

const fmt = (n) => n.toLocaleString("en");
const times = (a, b) => (a > 0 && b != null ? `×${(b / a).toFixed(2)}` : "—");

const anyKind = () => QUERY_KINDS[Math.floor(Math.random() * QUERY_KINDS.length)];

/** Of a sample of each kind, how many found the book they were made from on page 1. */
async function foundShare(ctx) {
  let hits = 0;
  for (const kind of QUERY_KINDS) {
    for (let i = 0; i < SAMPLE; i++) {
      const made = shared.makers[kind]();
      const page = await (await ctx.fetch(searchPath(made.q))).json();
      if (finds(kind, made, page.items ?? [])) hits += 1;
    }
  }
  return `${hits}/${SAMPLE * QUERY_KINDS.length}`;
}

function row(size) {
  const app = `search-${size}`;
  return {
    name: `search-scale-${size}`,
    group: "search-scale",
    title: (ctx) => `search, mixed kinds, at ${fmt(sizesOf(ctx)[size === "small" ? 0 : 1])} editions`,
    order: size === "small" ? 9 : 9.1,
    baseline: "B1",
    route: { method: "GET", path: "/v1/books", example: "/v1/books?q=hobbit" },
    apps: [app],
    app,

    async setup(ctx) {
      const books = sizesOf(ctx)[size === "small" ? 0 : 1];
      const db = await ctx.d1("DB", app);
      await applyMigrations(db);
      const seeded = await seedCatalog(db, { books });
      shared.seeded[size] = { ...seeded, books };
      if (size === "small") {
        shared.smallBooks = books;
        shared.makers = queryMakers(seeded.rows);
      } else if (shared.seeded.small) {
        // The larger catalog must start with the smaller one's editions, or the two rows answer different queries.
        const small = shared.seeded.small.rows.editions;
        const prefix = seeded.rows.editions.slice(0, small.length);
        if (prefix.some((edition, i) => edition.isbn13 !== small[i].isbn13)) {
          throw new Error("the larger catalog does not start with the smaller one's editions");
        }
      }
      // Keep only what the queries need: the generated rows of 100,000 editions are hundreds of MB.
      shared.seeded[size].rows = size === "small" ? seeded.rows : undefined;
    },

    requests: () => [
      { method: "GET", setupRequest: (req) => ({ ...req, path: searchPath(shared.makers[anyKind()]().q) }) },
    ],

    async verify(ctx, figures) {
      shared.figures[size] = figures;
      const found = await foundShare(ctx);
      const seeded = shared.seeded[size];
      const rows = figures.rowsReadPerRequest;
      const notes = [
        `${fmt(seeded.books)} editions seeded in ${seeded.seconds.toFixed(1)} s; ${found} sample queries found their book`,
        `rows/req ${rows == null ? "—" : rows.toFixed(1)} (target ≤ ${5 * PAGE_SIZE}: ${rows != null && rows <= 5 * PAGE_SIZE ? "met" : "MISSED"})`,
      ];
      const small = shared.figures.small;
      if (size === "large" && small) {
        const p50 = figures.p50 / small.p50;
        const p99 = figures.p99 / small.p99;
        notes.push(
          `vs ${fmt(shared.seeded.small.books)}: p50 ${small.p50}→${figures.p50} ms ${times(small.p50, figures.p50)}, ` +
            `p99 ${small.p99}→${figures.p99} ms ${times(small.p99, figures.p99)}, ` +
            `rows/req ${times(small.rowsReadPerRequest, rows)}, req/s ${times(small.rps, figures.rps)} ` +
            `(target latency ≤ ×1.5: ${p50 <= 1.5 && p99 <= 1.5 ? "met" : "MISSED"})`,
        );
        if (ctx.quick) notes.push("--quick seeds 2,000 and 20,000 editions; the full run compares 10,000 and 100,000");
      }
      return { ok: figures.non2xx === 0 && figures.errors === 0, notes: notes.join("; ") };
    },
  };
}

export default [row("small"), row("large")];
