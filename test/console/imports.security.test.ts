import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { eventually } from "../support/eventually";
import { api, asSeller, type TestSeller } from "../support/identity";

const HEADER = "isbn,sku,condition,price,currency,quantity,title,authors";
const GOOD_ROW = (sku: string) => `9780261102217,${sku},new,4.00,EUR,1,The Hobbit,J. R. R. Tolkien`;

async function signedIn(seller: TestSeller) {
  const browser = new ConsoleClient();
  await browser.signIn(seller.email, seller.password);
  return browser;
}

/** Posts the upload form as a browser does: multipart, with the page's form token unless told otherwise. */
async function upload(browser: ConsoleClient, csv: string, token?: string | null) {
  const form = new FormData();
  if (token !== null) form.set("_csrf", token ?? (await browser.formToken("/console/imports")));
  form.set("file", new File([csv], "listings.csv", { type: "text/csv" }));
  return browser.fetch("/console/imports", { method: "POST", body: form, headers: { origin: "http://bazaar.test" } });
}

async function importsOf(seller: TestSeller) {
  const page = await (await api("/v1/seller/imports", { headers: seller.auth })).json<{ items: { id: string }[] }>();
  return page.items.map((item) => item.id);
}

async function startedImport(browser: ConsoleClient, csv: string) {
  const answer = await upload(browser, csv);
  expect(answer.status).toBe(303);
  const location = answer.headers.get("location") ?? "";
  expect(location).toMatch(/^\/console\/imports\/imp_[0-9a-f]{32}$/);
  return location;
}

describe("console imports belong to their shop", () => {
  it("answers another seller's import, its progress and its refused rows with the 404 page", async () => {
    const [owner, stranger] = await Promise.all([asSeller(), asSeller()]);
    const path = await startedImport(
      await signedIn(owner),
      `${HEADER}\n${GOOD_ROW("A-1")}\nnot-an-isbn,B-1,new,1,EUR,1,,`,
    );
    const other = await signedIn(stranger);
    for (const request of [
      other.get(path),
      other.fetch(path, { headers: { "hx-request": "true" } }),
      other.get(`${path}/failed-rows.csv`),
    ]) {
      const answer = await request;
      expect(answer.status).toBe(404);
      expect(await answer.text()).toContain("There is nothing of your shop at this address.");
    }
    expect(await (await other.get("/console/imports")).text()).not.toContain(path);
    expect((await other.get("/console/imports/imp_00000000000000000000000000000000")).status).toBe(404);
  });

  it("refuses an upload without the form token (a cross-site form) and starts no import", async () => {
    const seller = await asSeller();
    const browser = await signedIn(seller);
    expect((await upload(browser, `${HEADER}\n${GOOD_ROW("C-1")}`, null)).status).toBe(403);
    expect((await upload(browser, `${HEADER}\n${GOOD_ROW("C-1")}`, "x".repeat(43))).status).toBe(403);
    expect(await importsOf(seller)).toEqual([]);
  });

  it("shows a refused row's text escaped", async () => {
    const seller = await asSeller();
    const browser = await signedIn(seller);
    const path = await startedImport(browser, `${HEADER}\n<img src=x onerror=alert(1)>,D-1,new,1.00,EUR,1,,`);
    const html = await eventually(async () => {
      const page = await (await browser.get(path)).text();
      return page.includes("is not a valid ISBN") ? page : undefined;
    }, 15_000);
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).not.toContain("<img src=x");
  });
});

describe("console import errors", () => {
  it("shows a file without the required columns on the form (422) and starts nothing", async () => {
    const seller = await asSeller();
    const browser = await signedIn(seller);
    const refused = await upload(browser, "isbn,sku\n9780261102217,E-1");
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain("The file lacks the column(s): condition, price, currency, quantity.");
    const empty = await upload(browser, "");
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("Choose a CSV file to upload.");
    expect(await importsOf(seller)).toEqual([]);
  });
});

describe("console import progress", () => {
  it("answers htmx's poll with the progress fragment alone, which stops polling once the import completes", async () => {
    const seller = await asSeller();
    const browser = await signedIn(seller);
    const path = await startedImport(browser, `${HEADER}\n${GOOD_ROW("F-1")}\nbad,F-2,new,1.00,EUR,1,,`);
    const poll = () => browser.fetch(path, { headers: { "hx-request": "true" } }).then((answer) => answer.text());
    const first = await poll();
    expect(first).not.toContain("<html");
    expect(first).toMatch(/<progress id="import-progress-bar" max="2" value="[0-2]"/);
    const done = await eventually(async () => {
      const fragment = await poll();
      return fragment.includes("The import is complete") ? fragment : undefined;
    }, 15_000);
    expect(done).not.toContain("hx-trigger");
    expect(done).toContain("1 of 2 rows were refused");

    const csv = await browser.get(`${path}/failed-rows.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(
      /^attachment; filename="imp_[0-9a-f]{32}-failed-rows\.csv"$/,
    );
    const [header, row, ...rest] = (await csv.text()).trim().split(/\r?\n/);
    expect(header).toBe(`${HEADER},row,error`);
    expect(row).toBe('bad,F-2,new,1.00,EUR,1,,,3,"isbn: ""bad"" is not a valid ISBN-10 or ISBN-13"');
    expect(rest).toEqual([]);

    const list = await (await browser.get("/console/imports")).text();
    expect(list).toContain(path);
    expect(list).toContain(`${path}/failed-rows.csv`);
  });
});
