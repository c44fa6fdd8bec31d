// The three baselines as the runner drives them: the Worker each one is, and the load it gets.
const BOOKS = 1_000;
const COUNTERS = 1_000;
const pick = (n) => 1 + Math.floor(Math.random() * n);

export const baselines = [
  {
    id: "B0",
    title: "B0 Hono hello world",
    requests: () => [{ method: "GET", path: "/" }],
  },
  {
    id: "B1",
    title: "B1 one D1 primary-key read",
    async setup(ctx) {
      const db = await ctx.d1("DB", "bench-b1");
      await db.exec("CREATE TABLE IF NOT EXISTS books (id INTEGER PRIMARY KEY, title TEXT NOT NULL)");
      const insert = db.prepare("INSERT OR REPLACE INTO books (id, title) VALUES (?, ?)");
      for (let from = 1; from <= BOOKS; from += 100) {
        await db.batch(Array.from({ length: 100 }, (_, i) => insert.bind(from + i, `Book ${from + i}`)));
      }
    },
    requests: () => [{ method: "GET", setupRequest: (request) => ({ ...request, path: `/books/${pick(BOOKS)}` }) }],
  },
  {
    id: "B2",
    title: "B2 one DO RPC writing SQLite",
    // Spread over many objects, like carts and listings are; a scenario wanting one hot object can load
    // `${ctx.urls.B2}/counters/hot` itself.
    requests: () => [
      { method: "POST", setupRequest: (request) => ({ ...request, path: `/counters/c${pick(COUNTERS)}` }) },
    ],
  },
];
