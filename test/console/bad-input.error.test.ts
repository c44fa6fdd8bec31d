import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { asSeller } from "../support/identity";

const LISTING = `lst_${"0".repeat(32)}`;
const PHOTO = `pho_${"0".repeat(32)}`;
const SELLER_ORDER = `sor_${"0".repeat(32)}`;

/** Every page with query strings no form would send. */
const PAGES = [
  "/console?x=%00",
  "/console/listings?q=%25%5F%27%22&status=nope&condition=bad&sort=sideways&cursor=%7B%7D",
  "/console/listings?cursor=not-a-cursor",
  `/console/listings/${LISTING}`,
  "/console/listings/lst_zz",
  "/console/listings/new?isbn=12345",
  "/console/listings/new?isbn=%3Cscript%3E",
  "/console/imports?cursor=garbage",
  "/console/imports/imp_zz",
  `/console/imports/imp_${"0".repeat(32)}/failed-rows.csv`,
  "/console/orders?status=%3Cb%3E&cursor=x",
  `/console/orders/${SELLER_ORDER}`,
  "/console/orders/nope/packing-slip",
  "/console/print-jobs?status=melted&cursor=%FF",
  "/console/print-jobs/prj_zz",
  "/console/activity?action=melted&cursor=%FF",
  "/console/activity?cursor=garbage",
  "/console/reports/sales?from=2026-02-31&to=yesterday&period=fortnight",
  "/console/reports/sales.csv?from=2020-01-01&to=2026-12-01",
  "/console/shipping-rates?x=1",
  "/console/profile?x=1",
  "/console/dev/mailbox?to=not-an-email",
];

/** Every write with fields that are missing, too long, or of the wrong kind. */
const WRITES: [string, Record<string, string>][] = [
  ["/console/listings/new", { isbn: "x".repeat(5000), price: "-1", quantity: "many", condition: "mint" }],
  ["/console/listings/new", {}],
  [`/console/listings/${LISTING}`, { price: "1e9", quantity: "-3", lowStockThreshold: "x" }],
  [`/console/listings/${LISTING}/quick-edit`, { price: "", quantity: "" }],
  [`/console/listings/${LISTING}/status`, { status: "gone" }],
  [`/console/listings/${LISTING}/photos`, { photo: "not a file" }],
  [`/console/listings/${LISTING}/photos/${PHOTO}/up`, {}],
  [`/console/listings/${LISTING}/photos/${PHOTO}/delete`, {}],
  ["/console/listings/status", { ids: "lst_bad", status: "paused" }],
  ["/console/listings/status", { status: "active" }],
  ["/console/imports", { file: "not a file" }],
  [`/console/orders/${SELLER_ORDER}/ship`, { carrier: "", trackingNumber: "x".repeat(500) }],
  [`/console/orders/${SELLER_ORDER}/delivered`, {}],
  [`/console/orders/${SELLER_ORDER}/refunds`, { lineId: "oln_x", quantity: "-1", idempotencyKey: "" }],
  ["/console/shipping-rates", { countries: "Narnia", domesticFirst: "free", internationalFirst: "-2" }],
  ["/console/profile", { storeName: "", contactEmail: "nope", shipsFrom: "Atlantis" }],
  ["/console/onboarding", { storeName: "x" }],
];

describe("console pages and forms given input no form would send", () => {
  it("answer every page with a 2xx, 3xx or 4xx page, never a 500", async () => {
    const seller = await asSeller();
    const browser = new ConsoleClient();
    await browser.signIn(seller.email, seller.password);
    for (const path of PAGES) {
      const response = await browser.get(path);
      expect(response.status, path).toBeLessThan(500);
    }
  });

  it("answer every write with the form again or a 4xx page, never a 500", async () => {
    const seller = await asSeller();
    const browser = new ConsoleClient();
    await browser.signIn(seller.email, seller.password);
    const _csrf = await browser.formToken("/console/profile");
    for (const [path, fields] of WRITES) {
      const response = await browser.post(path, { _csrf, ...fields });
      expect(response.status, path).toBeLessThan(500);
      expect(response.headers.get("content-type") ?? "text/html", path).not.toContain("problem+json");
    }
  });

  it("answer uploads that are not what they say with the form again, never a 500", async () => {
    const seller = await asSeller();
    const browser = new ConsoleClient();
    await browser.signIn(seller.email, seller.password);
    const _csrf = await browser.formToken("/console/imports");
    const uploads: [string, string, Blob][] = [
      ["/console/imports", "file", new Blob([new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x80])], { type: "text/csv" })],
      ["/console/imports", "file", new Blob(['isbn,price\n"unclosed'], { type: "text/csv" })],
      [`/console/listings/${LISTING}/photos`, "photo", new Blob(["<svg onload=alert(1)>"], { type: "image/svg+xml" })],
    ];
    for (const [path, field, blob] of uploads) {
      const form = new FormData();
      form.set("_csrf", _csrf);
      form.set(field, blob, "upload.bin");
      const response = await browser.fetch(path, {
        method: "POST",
        body: form,
        headers: { origin: "http://bazaar.test" },
      });
      expect(response.status, path).toBeLessThan(500);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
    }
  });
});
