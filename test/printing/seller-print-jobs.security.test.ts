import { describe, expect, it } from "vitest";
import { PrintJobLog, sellerPrintJob, waitingPrintJobs } from "../../workers/printing";
import { eventually } from "../support/eventually";
import { api, asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, paidOrder } from "../support/orders";

describe("a seller's print jobs (security)", () => {
  it("needs a token and a seller profile", async () => {
    expect((await api("/v1/seller/print-jobs")).status).toBe(401);
    expect((await api(`/v1/seller/print-jobs/prj_${"0".repeat(32)}`)).status).toBe(401);
    const buyer = await signUp();
    expect((await api("/v1/seller/print-jobs", { headers: buyer.auth })).status).toBe(403);
  });

  it("never shows another seller's job: not in the list, 404 by id, not counted", async () => {
    const [alice, bob] = [await asSeller(), await asSeller()];
    const listing = await listBook(alice, {
      coverOptions: [{ name: "Leather", kind: "material", price: 900 }],
    });
    const buyer = await signUp();
    await addToCart(buyer, listing.id, { coverOptionId: listing.coverOptions[0]!.id });
    await paidOrder(buyer);
    const job = await eventually(async () => {
      const response = await api("/v1/seller/print-jobs", { headers: alice.auth });
      return (await response.json<{ items: { id: string }[] }>()).items[0];
    });

    expect(await (await api("/v1/seller/print-jobs", { headers: bob.auth })).json()).toEqual({
      items: [],
      nextCursor: null,
    });
    const theirs = await api(`/v1/seller/print-jobs/${job.id}`, { headers: bob.auth });
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toMatchObject({ code: "not_found" });
    const ctx = { db, partner: new PrintJobLog() };
    await expect(sellerPrintJob(ctx, bob.sellerId, job.id)).rejects.toMatchObject({ code: "not_found" });
    expect(await waitingPrintJobs(ctx, bob.sellerId)).toBe(0);
    expect(await waitingPrintJobs(ctx, alice.sellerId)).toBe(1);
  });
});
