// `npm run db:seed [-- --books N]`: loads a deterministic demo catalog into the local D1 database, and on it
// weeks of history: readers, their paid orders, reviews, views and cart adds, the recommender's daily build.
//   --if-empty   do nothing when the catalog already has editions (what `npm start` runs every time)
//   --books N    number of editions (default 1,200; `--books 100000` for benchmarks)
//   --seed S     another deterministic catalog
// Without --if-empty the catalog tables (and the demo sellers, readers and their history) are emptied first. Stop `npm start` before
// reseeding: both would write the same local database.
//
// The data is written as SQL files under .wrangler/seed/ and applied with `wrangler d1 execute --local
// --file`, a few megabytes at a time. Sellers are identity's data; this operator tool writes their rows too.
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { HISTORY_WEEKS } from "./seed/history.mjs";
import { READER_PASSWORD, readerPasswordHash } from "./seed/password.mjs";
import { historyStatements, seedStatements } from "./seed/statements.mjs";

const { values } = parseArgs({
  options: {
    "if-empty": { type: "boolean", default: false },
    books: { type: "string", default: "1200" },
    seed: { type: "string", default: "20250101" },
  },
});
const books = Number(values.books);
if (!Number.isInteger(books) || books < 50 || books > 1_000_000) {
  console.error("--books must be a whole number between 50 and 1,000,000");
  process.exit(2);
}

function wrangler(args, { capture = false } = {}) {
  const result = spawnSync("wrangler", ["d1", "execute", "DB", "--local", ...args], {
    encoding: "utf8",
    stdio: capture ? ["ignore", "pipe", "pipe"] : ["ignore", "ignore", "pipe"],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) {
    console.error(result.stderr || result.stdout);
    process.exit(result.status ?? 1);
  }
  return result.stdout;
}

function query(sql) {
  const out = wrangler(["--json", "--command", sql], { capture: true });
  return JSON.parse(out)[0].results;
}

const tables = new Set(query("SELECT name FROM sqlite_master WHERE type = 'table'").map((row) => row.name));
if (!tables.has("editions")) {
  console.error("The catalog tables are missing: apply the migrations first (npm run db:migrate).");
  process.exit(1);
}
const [{ editions }] = query("SELECT count(*) AS editions FROM editions");
if (values["if-empty"] && editions > 0) process.exit(0);

const started = Date.now();
console.log(`Generating a demo catalog of ${books.toLocaleString("en")} editions…`);
const withIdentity = tables.has("sellers") && tables.has("users") && tables.has("user_roles");
if (!withIdentity) console.warn("No identity tables yet: listings are seeded without seller profiles.");
const { rows, statements } = seedStatements({ books, seed: Number(values.seed), withIdentity });

const dir = join(".wrangler", "seed");
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const files = [];
let current = [];
let currentSize = 0;
const flush = () => {
  if (current.length === 0) return;
  const file = join(dir, `${String(files.length + 1).padStart(3, "0")}.sql`);
  writeFileSync(file, `${current.join("\n")}\n`);
  files.push(file);
  current = [];
  currentSize = 0;
};
const add = (statement) => {
  current.push(statement);
  currentSize += statement.length;
  if (currentSize > 24 * 1024 * 1024) flush();
};
for (const statement of statements) add(statement);
const withHistory = withIdentity && ["orders", "reviews", "insights_edition_purchases"].every((t) => tables.has(t));
const history = withHistory
  ? historyStatements({
      catalog: rows,
      seed: Number(values.seed),
      now: Date.now(),
      passwordHash: await readerPasswordHash(Number(values.seed)),
    })
  : undefined;
for (const statement of history?.statements ?? []) add(statement);
flush();

for (const [index, file] of files.entries()) {
  process.stdout.write(`Loading ${file} (${index + 1}/${files.length})…\n`);
  wrangler(["--file", file]);
}
const listingCount = rows.listings.length.toLocaleString("en");
console.log(
  `Seeded ${rows.editions.length.toLocaleString("en")} editions, ${listingCount} listings from ${rows.sellers.length} sellers, ` +
    `${rows.categories.length} categories in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
if (history) {
  const { users, orders, reviews } = history.rows;
  console.log(
    `History: ${users.length} readers and the sellers (password "${READER_PASSWORD}"), ${orders.length} paid orders, ` +
      `${reviews.length} reviews over the last ${HISTORY_WEEKS} complete weeks and this one; recommendations built.`,
  );
}
