import { beforeAll, describe, expect, it } from "vitest";
import type { BookAlertView } from "../../workers/notifications/schemas";
import { offer } from "../support/alerts";
import { testIsbn } from "../support/catalog";
import { api, asSeller, json, signUp } from "../support/identity";

/** POST /v1/books/{isbn}/alerts, GET /v1/me/alerts, DELETE /v1/me/alerts/{id}: the happy paths. */

const ISBN = testIsbn(16_800 + Math.floor(Math.random() * 100_000) * 10);

beforeAll(async () => {
  await offer(await asSeller(), ISBN, { quantity: 0, title: "Tehanu" });
});

const setAlert = (auth: Record<string, string>, body: Record<string, unknown>, isbn: string = ISBN) =>
  api(`/v1/books/${isbn}/alerts`, json(body, { headers: auth }));

describe("book alerts", () => {
  it("sets an alert on a book by any ISBN notation, and answers the same open alert set again", async () => {
    const reader = await signUp();
    const response = await setAlert(reader.auth, { kind: "back_in_stock" }, `${ISBN.slice(0, 3)}-${ISBN.slice(3)}`);
    expect(response.status).toBe(201);
    const alert = await response.json<BookAlertView>();
    expect(alert).toMatchObject({
      isbn13: ISBN,
      kind: "back_in_stock",
      price: null,
      condition: null,
      firedAt: null,
      firedListingId: null,
    });
    expect(alert.id).toMatch(/^bal_[0-9a-f]{32}$/);

    const again = await setAlert(reader.auth, { kind: "back_in_stock" });
    expect(again.status).toBe(200);
    expect((await again.json<BookAlertView>()).id).toBe(alert.id);
  });

  it("sets a price-below alert with a condition, a separate alert from a back-in-stock one", async () => {
    const reader = await signUp();
    await setAlert(reader.auth, { kind: "back_in_stock" });
    const response = await setAlert(reader.auth, {
      kind: "price_below",
      price: { amount: 899, currency: "EUR" },
      condition: "like_new",
    });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({
      kind: "price_below",
      price: { amount: 899, currency: "EUR" },
      condition: "like_new",
    });
    const other = await setAlert(reader.auth, { kind: "price_below", price: { amount: 700, currency: "EUR" } });
    expect(other.status).toBe(201);
  });

  it("lists the reader's alerts newest first, page by page", async () => {
    const reader = await signUp();
    const ids: string[] = [];
    for (const amount of [500, 600, 700]) {
      const response = await setAlert(reader.auth, { kind: "price_below", price: { amount, currency: "EUR" } });
      ids.push((await response.json<BookAlertView>()).id);
    }
    const first = await api("/v1/me/alerts?limit=2", { headers: reader.auth });
    expect(first.status).toBe(200);
    const page = await first.json<{ items: BookAlertView[]; nextCursor: string | null }>();
    expect(page.items.map((alert) => alert.id)).toEqual([ids[2], ids[1]]);
    expect(page.nextCursor).not.toBeNull();
    const next = await api(`/v1/me/alerts?limit=2&cursor=${page.nextCursor}`, { headers: reader.auth });
    const rest = await next.json<{ items: BookAlertView[]; nextCursor: string | null }>();
    expect(rest).toMatchObject({ items: [{ id: ids[0], price: { amount: 500, currency: "EUR" } }], nextCursor: null });
  });

  it("deletes an alert: it is no longer listed", async () => {
    const reader = await signUp();
    const alert = await (await setAlert(reader.auth, { kind: "back_in_stock" })).json<BookAlertView>();
    const deleted = await api(`/v1/me/alerts/${alert.id}`, { method: "DELETE", headers: reader.auth });
    expect(deleted.status).toBe(204);
    const listed = await (await api("/v1/me/alerts", { headers: reader.auth })).json<{ items: BookAlertView[] }>();
    expect(listed.items).toEqual([]);
  });
});
