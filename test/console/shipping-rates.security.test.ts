import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { api, asSeller } from "../support/identity";

async function signedInSeller() {
  const seller = await asSeller();
  const browser = new ConsoleClient();
  await browser.signIn(seller.email, seller.password);
  return { seller, browser, _csrf: await browser.formToken("/console/shipping-rates") };
}

const ratesOf = async (auth: Record<string, string>) =>
  (await api("/v1/seller/shipping-rates", { headers: auth })).json<Record<string, unknown>>();

const good = {
  countries: "de, at FR",
  domesticFirst: "4.50",
  domesticAdditional: "1",
  internationalFirst: "12,00",
  internationalAdditional: "3.5",
  expressFirst: "",
  expressAdditional: "",
};

describe("console shipping rates", () => {
  it("saves the rates typed into the form, as the API stores them", async () => {
    const { seller, browser, _csrf } = await signedInSeller();
    const page = await (await browser.get("/console/shipping-rates")).text();
    expect(page).toContain("default rates");

    const saved = await browser.post("/console/shipping-rates", { _csrf, ...good });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/console/shipping-rates?saved");
    expect(await ratesOf(seller.auth)).toMatchObject({
      source: "seller",
      countries: ["AT", "DE", "FR"],
      domestic: { first: { amount: 450 }, additional: { amount: 100 } },
      international: { first: { amount: 1200 }, additional: { amount: 350 } },
      express: null,
    });
    const again = await (await browser.get("/console/shipping-rates?saved")).text();
    expect(again).toContain('value="AT, DE, FR"');
    expect(again).toContain('value="12.00"');
    expect(again).toContain("Your shipping rates are saved");
  });

  it("answers an htmx submit with the editor alone", async () => {
    const { seller, browser, _csrf } = await signedInSeller();
    const answer = await browser.post(
      "/console/shipping-rates",
      { ...good, expressFirst: "14.90", expressAdditional: "3" },
      { headers: { "hx-request": "true", "x-csrf-token": _csrf } },
    );
    expect(answer.status).toBe(200);
    const html = await answer.text();
    expect(html).toMatch(/^<div id="shipping-rates-editor">/);
    expect(html).toContain("Your shipping rates are saved");
    expect(await ratesOf(seller.auth)).toMatchObject({ express: { first: { amount: 1490 } } });
  });

  it("shows refused input on its fields with 422 and keeps the stored rates", async () => {
    const { seller, browser, _csrf } = await signedInSeller();
    await browser.post("/console/shipping-rates", { _csrf, ...good });
    const refused = await browser.post("/console/shipping-rates", {
      _csrf,
      ...good,
      countries: "Germany",
      domesticFirst: "four",
      expressFirst: "9.90",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    for (const field of ["countries", "domesticFirst", "expressAdditional"]) {
      expect(html, field).toMatch(new RegExp(`id="field-${field}"[^>]*aria-invalid="true"`));
    }
    expect(html).toContain("Enter an amount in euros");
    expect(html).toContain('value="Germany"');
    expect(await ratesOf(seller.auth)).toMatchObject({ countries: ["AT", "DE", "FR"], express: null });

    const empty = await browser.post("/console/shipping-rates", { _csrf, ...good, countries: " " });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain("List at least one country");
  });

  it("refuses a submit without the form token (403) and changes nothing", async () => {
    const { seller, browser } = await signedInSeller();
    const forged = await browser.post("/console/shipping-rates", good);
    expect(forged.status).toBe(403);
    expect(await ratesOf(seller.auth)).toMatchObject({ source: "default" });
  });
});
