import { describe, expect, it } from "vitest";
import {
  addPhotos,
  consoleShop,
  htmxPost,
  JPEG,
  listingOf,
  listTitled,
  postMultipart,
} from "../support/console-listings";
import { api } from "../support/identity";
import { listBook } from "../support/listings";

const freshIsbn = () => {
  const body = `979${String(Math.floor(Math.random() * 1e9)).padStart(9, "0")}`;
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * (i % 2 === 0 ? 1 : 3), 0);
  return `${body}${(10 - (sum % 10)) % 10}`;
};

const idsIn = (html: string) => [...html.matchAll(/<tr id="listing-(lst_[0-9a-f]{32})"/g)].map((m) => m[1]);

describe("console listings table", () => {
  it("saves a row's price and quantity in place, and refuses a bad value on that row (422, nothing saved)", async () => {
    const shop = await consoleShop({ price: 1200, quantity: 4 });
    const path = `/console/listings/${shop.listingId}/quick-edit`;

    const saved = await htmxPost(shop.browser, path, { price: "14,5", quantity: "7" }, shop.token);
    expect(saved.status).toBe(200);
    const row = await saved.text();
    expect(row).toMatch(new RegExp(`^<tr id="listing-${shop.listingId}"`));
    expect(row).toContain('value="14.50"');
    expect(row).toContain("Saved");
    expect(await listingOf(shop.seller, shop.listingId)).toMatchObject({ price: { amount: 1450 }, quantity: 7 });

    const refused = await htmxPost(shop.browser, path, { price: "cheap", quantity: "-2" }, shop.token);
    expect(refused.status).toBe(422);
    const refusedRow = await refused.text();
    expect(refusedRow).toContain('class="row-error"');
    expect(refusedRow).toContain("Enter a price such as 12.50.");
    expect(refusedRow).toContain("Enter a whole number of copies.");
    expect(refusedRow).toContain('value="cheap"');
    expect(refusedRow).toContain('aria-invalid="true"');

    const tooMany = await htmxPost(shop.browser, path, { price: "3.00", quantity: "100001" }, shop.token);
    expect(tooMany.status).toBe(422);
    expect(await listingOf(shop.seller, shop.listingId)).toMatchObject({ price: { amount: 1450 }, quantity: 7 });

    // Without JavaScript: a saved row goes back to the table, a refused one shows the table with its error.
    const back = "/console/listings?status=active&sort=price";
    const plain = await shop.browser.post(path, { _csrf: shop.token, price: "9.99", quantity: "2", back });
    expect(plain.status).toBe(303);
    expect(plain.headers.get("location")).toBe(`${back}#listing-${shop.listingId}`);
    const plainRefused = await shop.browser.post(path, { _csrf: shop.token, price: "", quantity: "2", back });
    expect(plainRefused.status).toBe(422);
    const page = await plainRefused.text();
    expect(page).toContain("<h1");
    expect(page).toContain("Enter a price.");
    expect((await listingOf(shop.seller, shop.listingId)).price.amount).toBe(999);
  });

  it("searches by title, ISBN and SKU, filters by status and condition, sorts, and pages with a cursor", async () => {
    const shop = await consoleShop({ price: 1200 });
    const stamp = crypto.randomUUID().slice(0, 6);
    const moth = await listTitled(shop.seller, `Moth Atlas ${stamp}`);
    const mothView = await (await api(`/v1/seller/listings/${moth}`, { headers: shop.seller.auth })).json<{
      isbn13: string;
      sku: string;
    }>();
    for (const q of [`moth atlas ${stamp}`, mothView.isbn13, mothView.sku]) {
      const html = await (await shop.browser.get(`/console/listings?q=${encodeURIComponent(q)}`)).text();
      expect(idsIn(html), q).toEqual([moth]);
    }
    await shop.browser.post("/console/listings/status", { _csrf: shop.token, ids: moth, status: "paused" });
    const paused = await (await shop.browser.get("/console/listings?status=paused")).text();
    expect(idsIn(paused)).toEqual([moth]);
    expect(paused).toContain('<option value="paused" selected');
    const good = await (await shop.browser.get("/console/listings?condition=good")).text();
    expect(idsIn(good)).toEqual([moth]); // listTitled lists "good" copies, listBook "very_good" ones
    const cheapest = await (await shop.browser.get("/console/listings?sort=price")).text();
    expect(idsIn(cheapest)).toEqual([moth, shop.listingId]);

    for (let i = 0; i < 24; i++) await listBook(shop.seller, { price: 2000 + i });
    const first = await (await shop.browser.get("/console/listings?sort=-price")).text();
    expect(idsIn(first)).toHaveLength(25);
    const next = /href="(\/console\/listings\?sort=-price&amp;cursor=[^"]+)">Next page/.exec(first)?.[1];
    expect(next).toBeDefined();
    const second = await (await shop.browser.get(next!.replaceAll("&amp;", "&"))).text();
    expect(idsIn(second)).toEqual([moth]);
    expect(second).toContain("First page");

    const unknown = await shop.browser.get("/console/listings?status=lost&cursor=garbage");
    expect(unknown.status).toBe(200);
    expect(await unknown.text()).toContain("here is every listing");
  });

  it("pauses and resumes many listings in one submit, and asks for a selection when there is none", async () => {
    const shop = await consoleShop();
    const second = (await listBook(shop.seller)).id;
    const form = (status: string) =>
      new URLSearchParams([
        ["_csrf", shop.token],
        ["back", "/console/listings?q=Test"],
        ["ids", shop.listingId],
        ["ids", second],
        ["status", status],
      ]).toString();
    const post = (body: string) =>
      shop.browser.fetch("/console/listings/status", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body,
      });

    const paused = await post(form("paused"));
    expect(paused.status).toBe(303);
    expect(paused.headers.get("location")).toBe("/console/listings?q=Test&done=paused&count=2");
    expect((await listingOf(shop.seller, shop.listingId)).status).toBe("paused");
    expect((await listingOf(shop.seller, second)).status).toBe("paused");
    const notice = await (await shop.browser.get(paused.headers.get("location")!)).text();
    expect(notice).toContain("2 listings paused.");

    expect((await post(form("active"))).status).toBe(303);
    expect((await listingOf(shop.seller, second)).status).toBe("active");

    const none = await shop.browser.post("/console/listings/status", { _csrf: shop.token, status: "paused" });
    expect(none.headers.get("location")).toBe("/console/listings?done=none");
  });
});

describe("console listing editor", () => {
  it("finds a known edition by ISBN, and refuses one that is not an ISBN", async () => {
    const shop = await consoleShop();
    const known = await (await api(`/v1/seller/listings/${shop.listingId}`, { headers: shop.seller.auth })).json<{
      isbn13: string;
      title: string;
    }>();
    const found = await shop.browser.get(`/console/listings/new?isbn=${known.isbn13}`);
    expect(found.status).toBe(200);
    const html = await found.text();
    expect(html).toContain(known.title);
    expect(html).toContain("2. Your copy");
    expect(html).not.toContain("is not in the catalogue yet");

    const fragment = await shop.browser.fetch(`/console/listings/new?isbn=${freshIsbn()}`, {
      headers: { "hx-request": "true" },
    });
    const part = await fragment.text();
    expect(part).toMatch(/^<div id="new-listing">/);
    expect(part).toContain("is not in the catalogue yet");

    const refused = await shop.browser.get("/console/listings/new?isbn=12345");
    expect(refused.status).toBe(422);
    const page = await refused.text();
    expect(page).toContain("is not a valid ISBN-10 or ISBN-13");
    expect(page).not.toContain("2. Your copy");
  });

  it("lists a new edition with a cover option and a photo from one form", async () => {
    const shop = await consoleShop();
    const isbn = freshIsbn();
    const form = new FormData();
    for (const [name, value] of Object.entries({
      _csrf: shop.token,
      isbn,
      title: "The Lantern Road",
      authors: "Mira Hale\nJon Reed\n",
      sku: `LANTERN-${crypto.randomUUID().slice(0, 6)}`,
      condition: "like_new",
      price: "18.00",
      quantity: "3",
      lowStockThreshold: "1",
      conditionNotes: "Signed by the author.",
      "option-0-name": "Gold inscription",
      "option-0-kind": "inscription",
      "option-0-price": "4.50",
      "option-0-maxLength": "30",
      "option-1-name": "",
      "option-1-kind": "material",
      "option-1-price": "",
    })) {
      form.set(name, value);
    }
    form.set("photo", new File([JPEG], "copy.jpg", { type: "image/jpeg" }));
    const created = await postMultipart(shop.browser, "/console/listings/new", form);
    expect(created.status).toBe(303);
    const location = created.headers.get("location")!;
    const id = /\/console\/listings\/(lst_[0-9a-f]{32})\?done=created$/.exec(location)?.[1];
    expect(id).toBeDefined();
    const listing = await listingOf(shop.seller, id!);
    expect(listing).toMatchObject({
      title: "The Lantern Road",
      quantity: 3,
      lowStockThreshold: 1,
      price: { amount: 1800 },
      coverOptions: [{ name: "Gold inscription", kind: "inscription", price: { amount: 450 }, maxLength: 30 }],
    });
    expect(listing.photos).toHaveLength(1);

    const editor = await (await shop.browser.get(location)).text();
    expect(editor).toContain("Your listing is saved.");
    expect(editor).toContain("Mira Hale, Jon Reed");
    expect(editor).toContain('data-chart="price-history-data"');
    expect(editor).toContain(new URL(listing.photos[0]!.url).pathname);
  });

  it("keeps a new listing whose photo is refused, and says so on its editor", async () => {
    const shop = await consoleShop();
    const form = new FormData();
    const sku = `NOPHOTO-${crypto.randomUUID().slice(0, 6)}`;
    for (const [name, value] of Object.entries({
      _csrf: shop.token,
      isbn: freshIsbn(),
      title: "A Book Without Its Photo",
      authors: "Ada Author",
      sku,
      condition: "good",
      price: "7.00",
      quantity: "1",
    })) {
      form.set(name, value);
    }
    form.set("photo", new File(["GIF89a not allowed"], "copy.gif", { type: "image/gif" }));
    const answer = await postMultipart(shop.browser, "/console/listings/new", form);
    expect(answer.status).toBe(415);
    const page = await answer.text();
    expect(page).toContain("Your listing is saved, but not its photo");
    expect(page).toMatch(/id="field-photo"[^>]*aria-invalid="true"/);
    const table = await (await shop.browser.get(`/console/listings?q=${sku}`)).text();
    expect(idsIn(table)).toHaveLength(1);
  });

  it("shows a refused new listing again with each message beside its field", async () => {
    const shop = await consoleShop();
    const taken = await (await api(`/v1/seller/listings/${shop.listingId}`, { headers: shop.seller.auth })).json<{
      sku: string;
    }>();
    const base = { _csrf: shop.token, condition: "new", quantity: "1" };

    const untitled = await shop.browser.post("/console/listings/new", {
      ...base,
      isbn: freshIsbn(),
      sku: "A-1",
      price: "5",
    });
    expect(untitled.status).toBe(422);
    const page = await untitled.text();
    expect(page).toContain("Required for a new ISBN");
    expect(page).toMatch(/id="field-title"[^>]*aria-invalid="true"/);

    const badPrice = await shop.browser.post("/console/listings/new", {
      ...base,
      isbn: freshIsbn(),
      sku: "A-2",
      price: "5 euros",
      title: "A Title",
      authors: "An Author",
      "option-0-name": "Linen",
      "option-0-kind": "material",
    });
    expect(badPrice.status).toBe(422);
    const refused = await badPrice.text();
    expect(refused).toContain("Enter a price such as 12.50.");
    expect(refused).toContain("Enter the option&#39;s price");

    const duplicate = await shop.browser.post("/console/listings/new", {
      ...base,
      isbn: freshIsbn(),
      sku: taken.sku,
      price: "5.00",
      title: "A Title",
      authors: "An Author",
    });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.text()).toMatch(/id="field-sku"[^>]*aria-invalid="true"/);

    const table = await (await shop.browser.get("/console/listings")).text();
    expect(idsIn(table)).toEqual([shop.listingId]);
  });

  it("changes a listing's copy and cover options, and charts its prices", async () => {
    const shop = await consoleShop({ price: 1200 });
    const id = shop.listingId;
    const fields = {
      _csrf: shop.token,
      condition: "good",
      price: "15.00",
      quantity: "6",
      lowStockThreshold: "2",
      conditionNotes: "A little foxing.",
      "option-0-name": "Cloth",
      "option-0-kind": "material",
      "option-0-price": "3.00",
    };
    const saved = await shop.browser.post(`/console/listings/${id}`, fields);
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe(`/console/listings/${id}?done=saved`);
    const listing = await listingOf(shop.seller, id);
    expect(listing).toMatchObject({ quantity: 6, lowStockThreshold: 2, price: { amount: 1500 } });
    const [cloth] = listing.coverOptions as unknown as { id: string; name: string }[];
    expect(cloth?.name).toBe("Cloth");

    const editor = await (await shop.browser.get(`/console/listings/${id}`)).text();
    expect(editor).toContain(`name="option-0-id" value="${cloth!.id}"`);
    expect(editor).toContain("12.00 EUR");
    expect(editor).toContain("15.00 EUR");
    const chart = /<script type="application\/json" id="price-history-data">([^<]+)<\/script>/.exec(editor)?.[1];
    expect(JSON.parse(chart!).series[0].values).toEqual([1200, 1500, 1500]);

    const removed = await shop.browser.post(`/console/listings/${id}`, {
      ...fields,
      "option-0-id": cloth!.id,
      "option-0-remove": "1",
    });
    expect(removed.status).toBe(303);
    expect((await listingOf(shop.seller, id)).coverOptions).toEqual([]);

    const refused = await shop.browser.post(`/console/listings/${id}`, { ...fields, quantity: "many" });
    expect(refused.status).toBe(422);
    expect(await refused.text()).toContain("Enter a whole number of copies.");

    const paused = await shop.browser.post(`/console/listings/${id}/status`, { _csrf: shop.token, status: "paused" });
    expect(paused.headers.get("location")).toBe(`/console/listings/${id}?done=paused`);
    expect((await listingOf(shop.seller, id)).status).toBe("paused");
  });

  it("adds, reorders and deletes photos, and refuses a file that is not an image", async () => {
    const shop = await consoleShop();
    const id = shop.listingId;
    const [first, second] = await addPhotos(shop.seller, id, 2);

    const moved = await htmxPost(shop.browser, `/console/listings/${id}/photos/${first}/down`, {}, shop.token);
    expect(moved.status).toBe(200);
    expect(await moved.text()).toMatch(/^<section id="photos"/);
    expect((await listingOf(shop.seller, id)).photos.map((p) => p.id)).toEqual([second, first]);

    const deleted = await shop.browser.post(`/console/listings/${id}/photos/${second}/delete`, { _csrf: shop.token });
    expect(deleted.status).toBe(303);
    expect((await listingOf(shop.seller, id)).photos.map((p) => p.id)).toEqual([first]);

    const upload = new FormData();
    upload.set("_csrf", shop.token);
    upload.set("photo", new File(["<html>not a photo</html>"], "copy.jpg", { type: "image/jpeg" }));
    const refused = await postMultipart(shop.browser, `/console/listings/${id}/photos`, upload);
    expect(refused.status).toBe(415);
    expect(await refused.text()).toContain("Send a JPEG, PNG or WebP image.");

    const empty = new FormData();
    empty.set("_csrf", shop.token);
    empty.set("photo", new File([], ""));
    expect((await postMultipart(shop.browser, `/console/listings/${id}/photos`, empty)).status).toBe(422);
    expect((await listingOf(shop.seller, id)).photos).toHaveLength(1);
  });
});
