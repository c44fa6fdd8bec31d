// B2: one Durable Object RPC that writes the object's SQLite storage, the floor under any stock or cart write.
import { DurableObject } from "cloudflare:workers";
import { Hono } from "hono";

export class CounterDO extends DurableObject {
  constructor(ctx, env) {
    super(ctx, env);
    ctx.storage.sql.exec(
      "CREATE TABLE IF NOT EXISTS hits (id INTEGER PRIMARY KEY CHECK (id = 1), count INTEGER NOT NULL)",
    );
  }

  hit() {
    this.ctx.storage.sql.exec(
      "INSERT INTO hits (id, count) VALUES (1, 1) ON CONFLICT (id) DO UPDATE SET count = count + 1",
    );
    return this.ctx.storage.sql.exec("SELECT count FROM hits").one().count;
  }
}

const app = new Hono();
app.post("/counters/:name", async (c) => {
  const counter = c.env.COUNTER.get(c.env.COUNTER.idFromName(c.req.param("name")));
  return c.json({ count: await counter.hit() });
});

export default app;
