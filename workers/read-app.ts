import { catalogReadRoutes } from "./catalog";
import { docsRoutes } from "./docs";
import { healthRoutes } from "./health";
import { apiShell, withDocumentAndErrors } from "./http/api-shell";
import { bookPageExtras } from "./insights";

/**
 * The read-only API (health and the public catalog reads), with the same routes and middleware as the Worker,
 * for a Web-standard server on Bun or Deno (servers/). Writes, carts and stock need Durable Objects: not here.
 */
export function createReadApp() {
  const app = apiShell();
  app.route("/", healthRoutes);
  app.route("/", catalogReadRoutes(bookPageExtras));
  app.route("/", docsRoutes);
  return withDocumentAndErrors(app);
}
