import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import type { ImportStatus } from "../../workers/catalog/imports";
import { addBooks, catalogContext, testIsbn } from "../support/catalog";
import { eventually } from "../support/eventually";
import { api, asSeller, type TestSeller } from "../support/identity";

/** A seller's past imports, and the rows an import refused handed back as a CSV to fix and upload again. */
const BOOK = testIsbn(1600);
let seller: TestSeller;

beforeAll(async () => {
  await addBooks(catalogContext(), [{ isbn: BOOK, title: "Middlesex", authors: ["Jeffrey Eugenides"] }]);
  seller = await asSeller();
});

async function importFile(csv: string, account = seller) {
  const response = await api("/v1/seller/imports", {
    method: "POST",
    headers: { ...account.auth, "content-type": "text/csv" },
    body: csv,
  });
  expect(response.status, await response.clone().text()).toBe(202);
  const { importId } = await response.json<{ importId: string }>();
  await eventually(async () => {
    const status = await (await api(`/v1/seller/imports/${importId}`, { headers: account.auth })).json<ImportStatus>();
    return status.status === "completed" ? status : undefined;
  }, 15_000);
  return importId;
}

const failedRows = (importId: string) => api(`/v1/seller/imports/${importId}/failed-rows`, { headers: seller.auth });

describe("GET /v1/seller/imports/{id}/failed-rows", () => {
  it("answers the refused rows as uploaded, every column in the file's order, with their row and reasons", async () => {
    const file = [
      "ISBN,SKU,Condition,price,currency,quantity,shelf,notes",
      `${BOOK},MX-1,new,12.00,EUR,1,A3,`,
      `${BOOK},MX-2,new,ten,EUR,1,A4,"Foxed, ""as is"""`,
      `${BOOK},MX-3,mint,9.00,GBP,1,B1,"Two lines:\nspine and cover"`,
      `${BOOK},MX-4,good,9.00,EUR,2,C2,`,
      `${BOOK},MX-5,good,9.00,EUR`,
    ].join("\r\n");
    const importId = await importFile(file);
    const response = await failedRows(importId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${importId}-failed-rows.csv"`);
    const text = await response.text();
    expect(text.startsWith("ISBN,SKU,Condition,price,currency,quantity,shelf,notes,row,error\r\n")).toBe(true);
    expect(parse(text)).toEqual([
      ["ISBN", "SKU", "Condition", "price", "currency", "quantity", "shelf", "notes", "row", "error"],
      [BOOK, "MX-2", "new", "ten", "EUR", "1", "A4", 'Foxed, "as is"', "3", "price: a price such as 12.99"],
      [
        BOOK,
        "MX-3",
        "mint",
        "9.00",
        "GBP",
        "1",
        "B1",
        "Two lines:\nspine and cover",
        "4",
        expect.stringMatching(/^condition: must be one of .+; currency: prices on this marketplace are in EUR$/),
      ],
      [BOOK, "MX-5", "good", "9.00", "EUR", "", "", "", "6", "quantity: required"],
    ]);

    const fixed = text.replace("ten", "10.00");
    const again = await importFile(fixed);
    const retried = await (await api(`/v1/seller/imports/${again}`, { headers: seller.auth })).json<ImportStatus>();
    expect([...new Set(retried.errors.map((error) => error.row))]).toEqual([3, 4]);
  });

  it("answers only the header when no row was refused", async () => {
    const importId = await importFile(`isbn,sku,condition,price,currency,quantity\n${BOOK},MX-OK,new,5.00,EUR,1`);
    expect(await (await failedRows(importId)).text()).toBe("isbn,sku,condition,price,currency,quantity,row,error\r\n");
  });
});

describe("GET /v1/seller/imports", () => {
  it("lists the seller's imports newest first with their progress, page by page", async () => {
    const account = await asSeller();
    const ids = [];
    for (const rows of [[`${BOOK},H-1,new,5.00,EUR,1`], [`${BOOK},H-2,new,5.00,EUR,1`, `${BOOK},H-3,new,x,EUR,1`]]) {
      ids.push(await importFile(["isbn,sku,condition,price,currency,quantity", ...rows].join("\n"), account));
    }
    ids.push(await importFile(`isbn,sku,condition,price,currency,quantity\n${BOOK},H-4,new,5.00,EUR,1`, account));
    const first = await (await api("/v1/seller/imports?limit=2", { headers: account.auth })).json<{
      items: Omit<ImportStatus, "errors">[];
      nextCursor: string;
    }>();
    expect(first.items.map((item) => item.id)).toEqual([ids[2], ids[1]]);
    expect(first.items[1]).toEqual({
      id: ids[1],
      status: "completed",
      rowsTotal: 2,
      rowsDone: 2,
      rowsFailed: 1,
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(first.items[1]).not.toHaveProperty("errors");
    const second = await (
      await api(`/v1/seller/imports?limit=2&cursor=${first.nextCursor}`, { headers: account.auth })
    ).json<{ items: { id: string }[]; nextCursor: string | null }>();
    expect(second).toEqual({ items: [expect.objectContaining({ id: ids[0] })], nextCursor: null });
  });
});
