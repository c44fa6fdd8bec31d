import { describe, expect, it } from "vitest";
import type { ImportStatus } from "../../workers/catalog/imports";
import { testIsbn } from "../support/catalog";
import { eventually } from "../support/eventually";
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
    const unknownRows = await api(`/v1/seller/imports/imp_${"0".repeat(32)}/failed-rows`, { headers: seller.auth });
    await problem(unknownRows, 404, "not_found");
    await problem(await api("/v1/seller/imports/nope/failed-rows", { headers: seller.auth }), 400, "validation_failed");
  });

  it("refuses a forged cursor or a bad limit on the list of imports", async () => {
    const seller = await sellerPromise;
    await problem(await api("/v1/seller/imports?cursor=forged", { headers: seller.auth }), 400, "invalid_cursor");
    await problem(await api("/v1/seller/imports?limit=500", { headers: seller.auth }), 400, "validation_failed");
  });

  it("refuses, row by row, what the listing API refuses: author lists, long names, titles and notes", async () => {
    const seller = await sellerPromise;
    const isbns = Array.from({ length: 6 }, (_, i) => testIsbn(870_000 + i));
    const names = (count: number, length = 12) => Array.from({ length: count }, (_, i) => `A${i}`.padEnd(length, "x"));
    const file = [
      "isbn,sku,condition,price,currency,quantity,notes,title,authors",
      `${isbns[0]},WIDE-1,new,5.00,EUR,1,,Many Hands,"${names(21).join(";")}"`,
      `${isbns[1]},WIDE-2,new,5.00,EUR,1,,Huge Page,"${names(4_000, 60).join(";")}"`,
      `${isbns[2]},WIDE-3,new,5.00,EUR,1,,Long Name,"${"N".repeat(121)}"`,
      `${isbns[3]},WIDE-4,new,5.00,EUR,1,,"${"T".repeat(301)}",Ada Author`,
      `${isbns[4]},WIDE-5,new,5.00,EUR,1,"${"n".repeat(1_001)}",Long Notes,Ada Author`,
      `${isbns[5]},WIDE-6,new,5.00,EUR,1,,Twenty Hands,"${names(20).join(";")}"`,
    ].join("\n");
    const response = await upload(file);
    expect(response.status).toBe(202);
    const { importId } = await response.json<{ importId: string }>();
    const status = await eventually(async () => {
      const body = await (await api(`/v1/seller/imports/${importId}`, { headers: seller.auth })).json<ImportStatus>();
      return body.status === "completed" ? body : undefined;
    }, 15_000);
    expect(status).toMatchObject({ rowsDone: 6, rowsFailed: 5 });
    expect(status.errors.map((error) => [error.row, error.field])).toEqual([
      [2, "authors"],
      [3, "authors"],
      [4, "authors"],
      [5, "title"],
      [6, "notes"],
    ]);
    for (const isbn of isbns.slice(0, 5)) expect((await api(`/v1/books/${isbn}`)).status).toBe(404);
    const book = await (await api(`/v1/books/${isbns[5]}`)).json<{ work: { authors: string[] } }>();
    expect(book.work.authors).toHaveLength(20);
  });
});
