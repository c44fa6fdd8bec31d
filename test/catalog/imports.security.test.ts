import { describe, expect, it } from "vitest";
import { api, asSeller, signUp } from "../support/identity";

describe("imports belong to their seller", () => {
  it("hides one seller's import from another (404) and from buyers (403)", async () => {
    const [owner, stranger, buyer] = await Promise.all([asSeller(), asSeller(), signUp()]);
    const started = await api("/v1/seller/imports", {
      method: "POST",
      headers: { ...owner.auth, "content-type": "text/csv" },
      body: "isbn,sku,condition,price,currency,quantity\n9780261102217,A-1,new,1.00,EUR,1",
    });
    const { importId } = await started.json<{ importId: string }>();
    expect((await api(`/v1/seller/imports/${importId}`, { headers: owner.auth })).status).toBe(200);
    expect((await api(`/v1/seller/imports/${importId}`, { headers: stranger.auth })).status).toBe(404);
    expect((await api(`/v1/seller/imports/${importId}`, { headers: buyer.auth })).status).toBe(403);
    expect((await api(`/v1/seller/imports/${importId}`)).status).toBe(401);

    const rows = `/v1/seller/imports/${importId}/failed-rows`;
    expect((await api(rows, { headers: owner.auth })).status).toBe(200);
    expect((await api(rows, { headers: stranger.auth })).status).toBe(404);
    expect((await api(rows, { headers: buyer.auth })).status).toBe(403);
    expect((await api(rows)).status).toBe(401);
    const listed = async (account: typeof owner) =>
      (await (await api("/v1/seller/imports", { headers: account.auth })).json<{ items: { id: string }[] }>()).items;
    expect((await listed(owner)).map((item) => item.id)).toEqual([importId]);
    expect(await listed(stranger)).toEqual([]);
    expect((await api("/v1/seller/imports", { headers: buyer.auth })).status).toBe(403);
  });

  it("applies an import only to its uploader's listings, whatever SKUs it names", async () => {
    const [owner, stranger] = await Promise.all([asSeller(), asSeller()]);
    const csv =
      "isbn,sku,condition,price,currency,quantity,title,authors\n9780261102217,SAME-SKU,new,1.00,EUR,1,The Hobbit,J. R. R. Tolkien";
    for (const account of [owner, stranger]) {
      await api("/v1/seller/imports", {
        method: "POST",
        headers: { ...account.auth, "content-type": "text/csv" },
        body: csv,
      });
    }
    const { eventually } = await import("../support/eventually");
    for (const account of [owner, stranger]) {
      const mine = await eventually(async () => {
        const page = await (await api("/v1/seller/listings", { headers: account.auth })).json<{
          items: { sellerId: string }[];
        }>();
        return page.items.length ? page.items : undefined;
      });
      expect(mine.map((item) => item.sellerId)).toEqual([account.sellerId]);
    }
  });
});
