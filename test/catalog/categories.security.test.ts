import { describe, expect, it } from "vitest";
import { api, asSeller, json, signUp } from "../support/identity";

const id = `cat_${"0".repeat(32)}`;
const routes: [string, string, unknown?][] = [
  ["POST", "/v1/admin/categories", { name: "Sneaky" }],
  ["PATCH", `/v1/admin/categories/${id}`, { name: "Sneaky" }],
  ["DELETE", `/v1/admin/categories/${id}`],
];

const send = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
  body === undefined ? api(path, { method, headers }) : api(path, json(body, { method, headers }));

describe("category administration is for admins only", () => {
  it("answers 401 without a token and 403 to buyers and sellers", async () => {
    const [buyer, seller] = await Promise.all([signUp(), asSeller()]);
    for (const [method, path, body] of routes) {
      expect((await send(method, path, body, {})).status, `${method} ${path}`).toBe(401);
      expect((await send(method, path, body, buyer.auth)).status, `${method} ${path}`).toBe(403);
      expect((await send(method, path, body, seller.auth)).status, `${method} ${path}`).toBe(403);
    }
    const tree = await (await api("/v1/categories")).json<{ items: { slug: string }[] }>();
    expect(tree.items.map((c) => c.slug)).not.toContain("sneaky");
  });
});
