import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../support/http";
import { seedBookshop } from "./fixtures";

beforeAll(async () => {
  await seedBookshop();
});

describe("public catalog reads are safe with hostile input", () => {
  it("treats FTS5 query syntax in q as text, never as an error", async () => {
    for (const q of [
      '"',
      '"hobbit',
      "hobbit*",
      "NEAR(hobbit tolkien)",
      "hobbit OR 1=1",
      "-hobbit",
      "{title}:x",
      "^",
      "a AND",
      "'; DROP TABLE editions; --",
    ]) {
      const response = await api(`/v1/books?q=${encodeURIComponent(q)}`);
      expect(response.status, q).toBe(200);
      const suggest = await api(`/v1/books/suggest?q=${encodeURIComponent(q)}`);
      expect(suggest.status, q).toBe(200);
    }
    const still = await (await api("/v1/books?q=hobbit")).json<{ items: unknown[] }>();
    expect(still.items.length).toBeGreaterThan(0);
  });

  it("serves only generated media keys, so a key cannot reach other stored objects", async () => {
    for (const key of ["..%2F..%2Fetc%2Fpasswd", "imports%2Fimp_x%2F00000.json", "pho_123.jpg", "x.html"]) {
      expect((await api(`/v1/media/${key}`)).status, key).toBe(404);
    }
  });

  it("needs no credentials, and ignores any it is sent", async () => {
    const anonymous = await api("/v1/books/9780261102217");
    const forged = await api("/v1/books/9780261102217", { headers: { authorization: "Bearer forged" } });
    expect(anonymous.status).toBe(200);
    expect(forged.status).toBe(200);
    expect(await forged.json()).toEqual(await anonymous.json());
  });

  it("says browsers must revalidate, so no client keeps a stale price", async () => {
    const response = await api("/v1/books?q=hobbit");
    expect(response.headers.get("cache-control")).toBe("public, max-age=0, must-revalidate");
    expect(response.headers.get("etag")).toMatch(/^W\/"[0-9a-f]{16}"$/);
  });
});
