import { describe, expect, it } from "vitest";
import { api } from "../support/http";

const MALFORMED = {
  "too long": "a".repeat(129),
  "not hex": "00000001-zzzz",
  "a stray character": "00000001-00000002;drop",
  "upper case": "0000000A-0000000B",
  "a dangling hyphen": "00000001-",
};

describe("a malformed x-d1-bookmark", () => {
  for (const [what, bookmark] of Object.entries(MALFORMED)) {
    it(`is refused by catalog reads as 400 validation_failed (${what})`, async () => {
      for (const path of ["/v1/books?q=atlas", "/v1/books/9780261102217", "/v1/categories"]) {
        const response = await api(path, { headers: { "x-d1-bookmark": bookmark } });
        expect(response.status, path).toBe(400);
        expect(response.headers.get("content-type")).toBe("application/problem+json");
        const problem = await response.json<{ code: string; errors: { path: string }[] }>();
        expect(problem.code).toBe("validation_failed");
        expect(problem.errors.map((error) => error.path)).toEqual(["x-d1-bookmark"]);
        expect(response.headers.get("x-d1-bookmark"), "a refused bookmark is never echoed").not.toBe(bookmark);
      }
    });
  }

  it("never reaches D1 from a route that does not read it: the answer carries the database's own bookmark", async () => {
    const response = await api("/v1/health", { headers: { "x-d1-bookmark": MALFORMED["a stray character"] } });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-d1-bookmark")).toMatch(/^[0-9a-f]+(?:-[0-9a-f]+)*$/);
  });

  it("is no bookmark at all when empty: the catalog read is served from any replica", async () => {
    const response = await api("/v1/categories", { headers: { "x-d1-bookmark": "" } });
    expect(response.status).toBe(200);
  });
});
