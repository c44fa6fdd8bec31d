import { beforeAll, describe, expect, it } from "vitest";
import { api } from "../support/http";
import { seedBookshop } from "./fixtures";

beforeAll(async () => {
  await seedBookshop();
});

async function problem(path: string, status: number, code: string) {
  const response = await api(path);
  expect(response.status, path).toBe(status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const body = await response.json<{ code: string; requestId: string }>();
  expect(body.code, path).toBe(code);
  return body;
}

describe("catalog read errors", () => {
  it("answers 422 invalid_isbn for a bad check digit and 404 for an ISBN not in the catalog", async () => {
    await problem("/v1/books/978-0-261-10221-8", 422, "invalid_isbn");
    await problem("/v1/books/0-261-10221-5", 422, "invalid_isbn");
    await problem("/v1/books/9780140449136", 404, "not_found");
  });

  it("refuses bad browse parameters with 400", async () => {
    await problem("/v1/books?sort=popularity", 400, "validation_failed");
    await problem("/v1/books?limit=0", 400, "validation_failed");
    await problem("/v1/books?limit=101", 400, "validation_failed");
    await problem("/v1/books?minPrice=-1", 400, "validation_failed");
    await problem("/v1/books?minPrice=500&maxPrice=100", 400, "validation_failed");
    await problem("/v1/books?condition=mint", 400, "validation_failed");
    await problem("/v1/books?format=ebook", 400, "validation_failed");
    await problem("/v1/books?language=english", 400, "validation_failed");
    await problem("/v1/books?inStock=yes", 400, "validation_failed");
    await problem("/v1/books?category=no-such-category", 400, "validation_failed");
  });

  it("refuses a forged or foreign cursor with 400 invalid_cursor", async () => {
    await problem("/v1/books?cursor=not-a-cursor", 400, "invalid_cursor");
    const page = await (await api("/v1/books?limit=1&sort=price_asc")).json<{ nextCursor: string }>();
    await problem(`/v1/books?limit=1&sort=newest&cursor=${page.nextCursor}`, 400, "invalid_cursor");
  });

  it("answers 404 for an unknown listing, 400 for a malformed listing id", async () => {
    await problem(`/v1/listings/lst_${"0".repeat(32)}`, 404, "not_found");
    await problem(`/v1/listings/lst_${"0".repeat(32)}/price-history`, 404, "not_found");
    await problem("/v1/listings/123", 400, "validation_failed");
  });

  it("answers an empty list, not an error, for a suggestion of nothing", async () => {
    const response = await api("/v1/books/suggest?q=%20");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ items: [] });
    await problem("/v1/books/suggest", 400, "validation_failed");
  });
});
