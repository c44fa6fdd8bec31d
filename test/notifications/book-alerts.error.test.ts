import { beforeAll, describe, expect, it } from "vitest";
import { bookAlerts } from "../../schema/notifications";
import { chunked, rowsPerInsert } from "../../workers/lib/chunked";
import { newId } from "../../workers/lib/ids";
import { MAX_OPEN_ALERTS } from "../../workers/notifications/service/book-alerts";
import { db, offer } from "../support/alerts";
import { testIsbn } from "../support/catalog";
import { api, asSeller, json, signUp, type TestAccount } from "../support/identity";

/** Book alert routes refuse what they cannot keep with a problem, never a 500. */

const ISBN = testIsbn(16_850 + Math.floor(Math.random() * 100_000) * 10);
let reader: TestAccount;

beforeAll(async () => {
  await offer(await asSeller(), ISBN, { quantity: 0 });
  reader = await signUp();
});

async function problemOf(response: Response) {
  expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
  return response.json<{ status: number; code: string; errors?: { path: string }[] }>();
}

const setAlert = (body: unknown, isbn: string = ISBN) =>
  api(`/v1/books/${isbn}/alerts`, json(body, { headers: reader.auth }));

describe("setting a book alert", () => {
  it("refuses a price-below alert without a price, of 0, or a back-in-stock alert with one (400)", async () => {
    for (const [body, path] of [
      [{ kind: "price_below" }, "price"],
      [{ kind: "price_below", price: { amount: 0, currency: "EUR" } }, "price.amount"],
      [{ kind: "back_in_stock", price: { amount: 500, currency: "EUR" } }, "price"],
    ] as const) {
      const response = await setAlert(body);
      expect(response.status).toBe(400);
      const problem = await problemOf(response);
      expect(problem.code).toBe("validation_failed");
      expect(problem.errors?.map((error) => error.path)).toEqual([path]);
    }
  });

  it("refuses an unknown kind or condition, a float price and fields it does not know (400)", async () => {
    for (const body of [
      { kind: "cheaper" },
      { kind: "back_in_stock", condition: "mint" },
      { kind: "price_below", price: { amount: 9.5, currency: "EUR" } },
      { kind: "back_in_stock", firedAt: "2026-01-01T00:00:00Z" },
      [],
    ]) {
      const response = await setAlert(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await problemOf(response)).code).toBe("validation_failed");
    }
  });

  it("refuses a price in another currency than the marketplace's (422)", async () => {
    const response = await setAlert({ kind: "price_below", price: { amount: 900, currency: "USD" } });
    expect(response.status).toBe(422);
    expect(await problemOf(response)).toMatchObject({
      code: "unsupported_currency",
      errors: [{ path: "price.currency" }],
    });
  });

  it("answers 422 for a malformed ISBN and 404 for one no edition has", async () => {
    const malformed = await setAlert({ kind: "back_in_stock" }, "9780000000000");
    expect(malformed.status).toBe(422);
    expect((await problemOf(malformed)).code).toBe("invalid_isbn");
    const unknown = await setAlert({ kind: "back_in_stock" }, testIsbn(16_899_999));
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).code).toBe("not_found");
  });

  it("refuses a body that is not JSON (415)", async () => {
    const response = await api(`/v1/books/${ISBN}/alerts`, {
      method: "POST",
      headers: { ...reader.auth, "content-type": "text/plain" },
      body: "back_in_stock",
    });
    expect(response.status).toBe(415);
  });

  it(`refuses an open alert past ${MAX_OPEN_ALERTS} (422), counting none that were met`, async () => {
    const busy = await signUp();
    const rows = Array.from({ length: MAX_OPEN_ALERTS }, (_, i) => ({
      id: newId("bal"),
      userId: busy.userId,
      editionId: newId("edn"),
      isbn13: ISBN,
      kind: "price_below" as const,
      priceAmount: 100 + i,
      currency: "EUR",
      condition: null,
      createdAt: Date.now(),
      firedAt: i === 0 ? Date.now() : null,
      firedListingId: null,
    }));
    for (const part of chunked(rows, rowsPerInsert(11))) await db.insert(bookAlerts).values(part);
    const last = await api(`/v1/books/${ISBN}/alerts`, json({ kind: "back_in_stock" }, { headers: busy.auth }));
    expect(last.status).toBe(201);
    const past = await api(
      `/v1/books/${ISBN}/alerts`,
      json({ kind: "back_in_stock", condition: "good" }, { headers: busy.auth }),
    );
    expect(past.status).toBe(422);
    expect((await problemOf(past)).code).toBe("unprocessable");
  });
});

describe("listing and deleting book alerts", () => {
  it("refuses a malformed cursor or limit (400)", async () => {
    for (const query of ["cursor=not-a-cursor", "limit=0", "limit=101"]) {
      const response = await api(`/v1/me/alerts?${query}`, { headers: reader.auth });
      expect(response.status, query).toBe(400);
      await problemOf(response);
    }
  });

  it("answers 400 for a malformed alert id and 404 for an unknown one", async () => {
    const malformed = await api("/v1/me/alerts/lst_0192f0c4a1b27c3e8d5f6a7b8c9d0e1f", {
      method: "DELETE",
      headers: reader.auth,
    });
    expect(malformed.status).toBe(400);
    const unknown = await api(`/v1/me/alerts/${newId("bal")}`, { method: "DELETE", headers: reader.auth });
    expect(unknown.status).toBe(404);
    expect((await problemOf(unknown)).code).toBe("not_found");
  });
});
