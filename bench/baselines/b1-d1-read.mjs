// B1: one D1 primary-key read, the floor under any route that reads D1 once.
import { Hono } from "hono";

const app = new Hono();
app.get("/books/:id", async (c) => {
  const { results, meta } = await c.env.DB.prepare("SELECT id, title FROM books WHERE id = ?")
    .bind(Number(c.req.param("id")))
    .all();
  // The same Server-Timing entry the app sends in bench mode, so the runner reads both the same way.
  c.header("server-timing", `d1;dur=${meta.duration};desc="queries=1 rows_read=${meta.rows_read} rows_written=0"`);
  return results[0] ? c.json(results[0]) : c.json({ error: "no such book" }, 404);
});

export default app;
