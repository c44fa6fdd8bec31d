import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { eventually } from "../support/eventually";
import { api, asSeller, signUp, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, paidOrder } from "../support/orders";

const XSS = "<img src=x onerror=alert(1)>";

/** A paid copy with an inscribed cover, and the print job the queue records for it. */
async function printedCover(seller: TestSeller, inscription: string) {
  const listing = await listBook(seller, {
    coverOptions: [{ name: "Gold inscription", kind: "inscription", price: 500, maxLength: 60 }],
  });
  const buyer = await signUp();
  await addToCart(buyer, listing.id, { coverOptionId: listing.coverOptions[0]!.id, inscription });
  await paidOrder(buyer);
  return eventually(async () => {
    const page = await (await api("/v1/seller/print-jobs", { headers: seller.auth })).json<{
      items: { id: string }[];
    }>();
    return page.items[0];
  });
}

async function consoleOf(seller: TestSeller) {
  const browser = new ConsoleClient();
  await browser.signIn(seller.email, seller.password);
  return browser;
}

describe("console print jobs", () => {
  it("answers another seller's print job, an unknown and a malformed id with the same 404 page", async () => {
    const owner = await asSeller();
    const job = await printedCover(owner, "For Ada");
    const mine = await consoleOf(owner);
    expect((await mine.get(`/console/print-jobs/${job.id}`)).status).toBe(200);

    const rival = await consoleOf(await asSeller());
    const ids = [job.id, `prj_${"0".repeat(32)}`, "not-a-job"];
    const pages = await Promise.all(ids.map((id) => rival.get(`/console/print-jobs/${id}`)));
    for (const [i, page] of pages.entries()) {
      expect(page.status, ids[i]).toBe(404);
      const html = await page.text();
      expect(html, ids[i]).toContain("There is nothing of your shop at this address.");
      expect(html, ids[i]).not.toContain("For Ada");
    }
    expect(await (await rival.get("/console/print-jobs")).text()).not.toContain(job.id);
  });

  it("renders an inscription holding markup as text, in the list and on the job's page", async () => {
    const seller = await asSeller();
    const job = await printedCover(seller, XSS);
    const browser = await consoleOf(seller);
    for (const path of ["/console/print-jobs", `/console/print-jobs/${job.id}`]) {
      const html = await (await browser.get(path)).text();
      expect(html, path).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(html, path).not.toContain(XSS);
    }
  });

  it("shows a status filter the API does not know on the form with 422", async () => {
    const browser = await consoleOf(await asSeller());
    const page = await browser.get("/console/print-jobs?status=lost");
    expect(page.status).toBe(422);
    expect(await page.text()).toMatch(/id="field-status"[^>]*aria-invalid="true"/);
  });
});
