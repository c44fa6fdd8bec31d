import { describe, expect, it } from "vitest";
import { api, asSeller } from "../support/identity";

const sellerPromise = asSeller();

async function upload(body: string, contentType = "text/csv") {
  const seller = await sellerPromise;
  return api("/v1/seller/imports", { method: "POST", headers: { ...seller.auth, "content-type": contentType }, body });
}

async function problem(response: Response, status: number, code: string) {
  expect(response.status).toBe(status);
  const body = await response.json<{ code: string; detail: string; errors?: { path: string }[] }>();
  expect(body.code).toBe(code);
  return body;
}

describe("import errors", () => {
  it("refuses a file without the required columns, naming them", async () => {
    const body = await problem(await upload("isbn,sku,price\n9780261102217,A,1.00"), 422, "unprocessable");
    expect(body.errors?.map((e) => e.path)).toEqual(["condition", "currency", "quantity"]);
  });

  it("refuses an empty file, a header alone, and broken quoting", async () => {
    await problem(await upload(""), 422, "unprocessable");
    await problem(await upload("isbn,sku,condition,price,currency,quantity\n"), 422, "unprocessable");
    const broken = await problem(
      await upload('isbn,sku,condition,price,currency,quantity\n"9780261102217,A,new,1.00,EUR,1'),
      422,
      "unprocessable",
    );
    expect(broken.detail).toMatch(/not readable as CSV/);
  });

  it("refuses a body that is not CSV with 415", async () => {
    await problem(await upload('{"isbn":"9780261102217"}', "application/json"), 415, "unsupported_media_type");
  });

  it("answers 404 for an unknown import and 400 for a malformed id", async () => {
    const seller = await sellerPromise;
    await problem(await api(`/v1/seller/imports/imp_${"0".repeat(32)}`, { headers: seller.auth }), 404, "not_found");
    await problem(await api("/v1/seller/imports/nope", { headers: seller.auth }), 400, "validation_failed");
  });
});
