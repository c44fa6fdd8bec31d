// B0: the cheapest Worker on our stack: a Hono hello world. Every other figure is also read against it.
import { Hono } from "hono";

const app = new Hono();
app.get("/", (c) => c.text("Hello, Book Bazaar!"));

export default app;
