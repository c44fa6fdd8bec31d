import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { api, asSeller } from "../support/identity";

async function signedInSeller() {
  const seller = await asSeller();
  const browser = new ConsoleClient();
  await browser.signIn(seller.email, seller.password);
  return { seller, browser, _csrf: await browser.formToken("/console/profile") };
}

const profileOf = async (auth: Record<string, string>) =>
  (await api("/v1/seller/profile", { headers: auth })).json<{
    storeName: string;
    contactEmail: string;
    shipsFrom: string;
  }>();

const suffix = () => crypto.randomUUID().slice(0, 8);

describe("console store profile", () => {
  it("saves a new store name, contact email and ships-from country, and shows them", async () => {
    const { seller, browser, _csrf } = await signedInSeller();
    const storeName = `Second Chapter ${suffix()}`;
    const email = `shop-${suffix()}@bazaar.test`;
    const saved = await browser.post("/console/profile", { _csrf, storeName, contactEmail: email, shipsFrom: "fr" });
    expect(saved.status).toBe(303);
    expect(saved.headers.get("location")).toBe("/console/profile?saved");
    expect(await profileOf(seller.auth)).toMatchObject({ storeName, contactEmail: email, shipsFrom: "FR" });
    const page = await (await browser.get("/console/profile?saved")).text();
    expect(page).toContain("Your store profile is saved");
    expect(page).toContain(`value="${storeName}"`);
    expect(page).toContain('value="FR"');
  });

  it("shows refused fields with 422, and a taken store name beside its field, saving nothing", async () => {
    const { seller, browser, _csrf } = await signedInSeller();
    const before = await profileOf(seller.auth);
    const refused = await browser.post("/console/profile", {
      _csrf,
      storeName: "x",
      contactEmail: "not an address",
      shipsFrom: "Germany",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    for (const field of ["storeName", "contactEmail", "shipsFrom"]) {
      expect(html, field).toMatch(new RegExp(`id="field-${field}"[^>]*aria-invalid="true"`));
    }
    expect(html).toContain('value="not an address"');

    const other = await asSeller({ storeName: `Taken Books ${suffix()}` });
    const taken = await browser.post(
      "/console/profile",
      { ...before, storeName: (await profileOf(other.auth)).storeName.toUpperCase() },
      { headers: { "hx-request": "true", "x-csrf-token": _csrf } },
    );
    expect(taken.status).toBe(422);
    const fragment = await taken.text();
    expect(fragment).toMatch(/^<div id="profile-editor">/);
    expect(fragment).toMatch(/id="field-storeName"[^>]*aria-invalid="true"/);
    expect(fragment).toContain("Another seller already uses that store name.");
    expect(await profileOf(seller.auth)).toEqual(before);
  });

  it("answers a saved htmx submit with a full page load, so the top bar shows the new name", async () => {
    const { seller, browser, _csrf } = await signedInSeller();
    const before = await profileOf(seller.auth);
    const answer = await browser.post(
      "/console/profile",
      { ...before, shipsFrom: "AT" },
      { headers: { "hx-request": "true", "x-csrf-token": _csrf } },
    );
    expect(answer.status).toBe(204);
    expect(answer.headers.get("hx-redirect")).toBe("/console/profile?saved");
    expect((await profileOf(seller.auth)).shipsFrom).toBe("AT");
  });

  it("refuses a submit without the form token (403) and changes nothing", async () => {
    const { seller, browser } = await signedInSeller();
    const before = await profileOf(seller.auth);
    const forged = await browser.post("/console/profile", { ...before, storeName: `Forged ${suffix()}` });
    expect(forged.status).toBe(403);
    expect(await profileOf(seller.auth)).toEqual(before);
  });

  it("renders a store name holding markup as text, on the profile and in the top bar", async () => {
    const { browser, _csrf, seller } = await signedInSeller();
    const storeName = `<img src=x onerror=alert(1)> ${suffix()}`;
    const saved = await browser.post("/console/profile", {
      _csrf,
      storeName,
      contactEmail: seller.email,
      shipsFrom: "DE",
    });
    expect(saved.status).toBe(303);
    for (const path of ["/console/profile", "/console/shipping-rates"]) {
      const html = await (await browser.get(path)).text();
      expect(html, path).toContain("&lt;img src=x onerror=alert(1)&gt;");
      expect(html, path).not.toContain("<img src=x");
    }
  });
});
