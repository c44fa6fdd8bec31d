import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import {
  addPhotos,
  consoleShop,
  htmxPost,
  JPEG,
  listingOf,
  listTitled,
  postMultipart,
} from "../support/console-listings";

const NOT_FOUND = "There is nothing of your shop at this address.";

describe("console listings: a seller sees and changes only their own shop", () => {
  it("answers another seller's listing with the 404 page on the editor, inline edit, bulk and photos, changing nothing", async () => {
    const owner = await consoleShop({ price: 1200, quantity: 4 });
    const [photo] = await addPhotos(owner.seller, owner.listingId, 1);
    const intruder = await consoleShop();
    const id = owner.listingId;
    const before = await listingOf(owner.seller, id);

    const editor = await intruder.browser.get(`/console/listings/${id}`);
    expect(editor.status).toBe(404);
    expect(await editor.text()).toContain(NOT_FOUND);

    const attempts = [
      intruder.browser.post(`/console/listings/${id}/quick-edit`, {
        _csrf: intruder.token,
        price: "1.00",
        quantity: "0",
      }),
      htmxPost(
        intruder.browser,
        `/console/listings/${id}/quick-edit`,
        { price: "1.00", quantity: "0" },
        intruder.token,
      ),
      // A value the form refuses still does not tell the intruder the listing exists.
      htmxPost(intruder.browser, `/console/listings/${id}/quick-edit`, { price: "x", quantity: "0" }, intruder.token),
      intruder.browser.post("/console/listings/status", { _csrf: intruder.token, ids: id, status: "paused" }),
      intruder.browser.post(`/console/listings/${id}`, {
        _csrf: intruder.token,
        condition: "acceptable",
        price: "1.00",
        quantity: "0",
      }),
      intruder.browser.post(`/console/listings/${id}/status`, { _csrf: intruder.token, status: "paused" }),
      intruder.browser.post(`/console/listings/${id}/photos/${photo}/up`, { _csrf: intruder.token }),
      intruder.browser.post(`/console/listings/${id}/photos/${photo}/delete`, { _csrf: intruder.token }),
    ];
    const upload = new FormData();
    upload.set("_csrf", intruder.token);
    upload.set("photo", new File([JPEG], "copy.jpg", { type: "image/jpeg" }));
    attempts.push(postMultipart(intruder.browser, `/console/listings/${id}/photos`, upload));
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status, answer.url).toBe(404);
      expect(await answer.text()).toContain(NOT_FOUND);
    }

    expect(await listingOf(owner.seller, id)).toEqual(before);
  });

  it("leaves another seller's listing alone when a bulk form names it beside the seller's own", async () => {
    const owner = await consoleShop();
    const seller = await consoleShop();
    const answer = await seller.browser.post("/console/listings/status", {
      _csrf: seller.token,
      ids: seller.listingId,
      status: "paused",
    });
    expect(answer.status).toBe(303);
    const mixed = new URLSearchParams([
      ["_csrf", seller.token],
      ["ids", seller.listingId],
      ["ids", owner.listingId],
      ["status", "active"],
    ]);
    const both = await seller.browser.fetch("/console/listings/status", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: mixed.toString(),
    });
    expect(both.status).toBe(303);
    expect(both.headers.get("location")).toContain("missing=1");
    expect((await listingOf(seller.seller, seller.listingId)).status).toBe("active");
    expect((await listingOf(owner.seller, owner.listingId)).status).toBe("active");
  });

  it("refuses every write without the session's form token (403), changing nothing", async () => {
    const shop = await consoleShop({ price: 1200, quantity: 4 });
    const [photo] = await addPhotos(shop.seller, shop.listingId, 2);
    const id = shop.listingId;
    const before = await listingOf(shop.seller, id);
    const forged = "x".repeat(43);
    const upload = new FormData();
    upload.set("photo", new File([JPEG], "copy.jpg", { type: "image/jpeg" }));
    const newListing = new FormData();
    newListing.set("isbn", "9780261102217");
    newListing.set("sku", "FORGED-1");
    newListing.set("condition", "new");
    newListing.set("price", "1.00");
    newListing.set("quantity", "1");
    const answers = await Promise.all([
      shop.browser.post(`/console/listings/${id}/quick-edit`, { price: "1.00", quantity: "0" }),
      shop.browser.post(`/console/listings/${id}/quick-edit`, { _csrf: forged, price: "1.00", quantity: "0" }),
      htmxPost(shop.browser, `/console/listings/${id}/quick-edit`, { price: "1.00", quantity: "0" }, forged),
      shop.browser.post("/console/listings/status", { ids: id, status: "paused" }),
      shop.browser.post(`/console/listings/${id}`, { condition: "acceptable", price: "1.00", quantity: "0" }),
      shop.browser.post(`/console/listings/${id}/status`, { status: "paused" }),
      shop.browser.post(`/console/listings/${id}/photos/${photo}/down`, {}),
      shop.browser.post(`/console/listings/${id}/photos/${photo}/delete`, {}),
      postMultipart(shop.browser, `/console/listings/${id}/photos`, upload),
      postMultipart(shop.browser, "/console/listings/new", newListing),
    ]);
    for (const answer of answers) expect(answer.status).toBe(403);
    expect(await listingOf(shop.seller, id)).toEqual(before);
    const table = await (await shop.browser.get("/console/listings?q=FORGED-1")).text();
    expect(table).toContain("No listing matches these filters.");
  });

  it("shows a title holding markup as text, in the table and in the editor", async () => {
    const shop = await consoleShop();
    const title = "<img src=x onerror=alert(1)>";
    const id = await listTitled(shop.seller, title);
    const escaped = "&lt;img src=x onerror=alert(1)&gt;";
    for (const path of ["/console/listings", `/console/listings/${id}`]) {
      const page = await shop.browser.get(path);
      expect(page.status, path).toBe(200);
      const html = await page.text();
      expect(html, path).toContain(escaped);
      expect(html, path).not.toContain(title);
    }
    const row = await htmxPost(
      shop.browser,
      `/console/listings/${id}/quick-edit`,
      { price: "abc", quantity: "1" },
      shop.token,
    );
    expect(row.status).toBe(422);
    const fragment = await row.text();
    expect(fragment).toContain(escaped);
    expect(fragment).not.toContain(title);
  });

  it("sends a visitor without a session to sign in, from every listings page", async () => {
    const shop = await consoleShop();
    const stranger = new ConsoleClient();
    for (const path of ["/console/listings", "/console/listings/new", `/console/listings/${shop.listingId}`]) {
      const answer = await stranger.get(path);
      expect(answer.status, path).toBe(303);
      expect(answer.headers.get("location"), path).toMatch(/^\/console\/login\?next=/);
    }
  });
});
