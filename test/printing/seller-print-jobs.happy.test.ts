import { describe, expect, it } from "vitest";
import { PrintJobLog, sellerPrintJobs, waitingPrintJobs } from "../../workers/printing";
import { eventually } from "../support/eventually";
import { api, asSeller, json, signUp, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, paidOrder, ship } from "../support/orders";

interface PrintJobBody {
  id: string;
  status: string;
  orderId: string;
  sellerOrderId: string | null;
  lineId: string;
  listingId: string;
  coverName: string;
  inscription: string | null;
  quantity: number;
  createdAt: string;
  updatedAt: string;
}

interface PrintJobPageBody {
  items: PrintJobBody[];
  nextCursor: string | null;
}

const jobsOf = async (seller: TestSeller, query = "") => {
  const response = await api(`/v1/seller/print-jobs${query}`, { headers: seller.auth });
  expect(response.status).toBe(200);
  return response.json<PrintJobPageBody>();
};

/** A paid order of `books` books of the seller, each with a gold inscription; answers it once its jobs are logged. */
async function coverOrder(seller: TestSeller, books = 1) {
  const buyer = await signUp();
  const listings = [];
  for (let i = 0; i < books; i++) {
    const listing = await listBook(seller, {
      quantity: 2,
      coverOptions: [{ name: "Gold inscription", kind: "inscription", price: 500, maxLength: 30 }],
    });
    await addToCart(buyer, listing.id, { coverOptionId: listing.coverOptions[0]!.id, inscription: `For reader ${i}` });
    listings.push(listing);
  }
  const placed = await paidOrder(buyer);
  const jobs = await eventually(async () => {
    const page = await jobsOf(seller, "?limit=100");
    const mine = page.items.filter((job) => job.orderId === placed.order.id);
    return mine.length === books ? mine : undefined;
  });
  return { buyer, listings, jobs, ...placed };
}

describe("a seller's print jobs (happy paths)", () => {
  it("lists the covers of the seller's paid lines with their option, inscription and seller order", async () => {
    const seller = await asSeller();
    const { order, listings, jobs } = await coverOrder(seller);
    const sellerOrder = order.sellerOrders[0]!;
    expect(jobs).toEqual([
      expect.objectContaining({
        status: "waiting",
        orderId: order.id,
        sellerOrderId: sellerOrder.id,
        lineId: sellerOrder.lines[0]!.id,
        listingId: listings[0]!.id,
        coverName: "Gold inscription",
        inscription: "For reader 0",
        quantity: 1,
      }),
    ]);
    const job = jobs[0]!;
    expect(job.updatedAt).toBe(job.createdAt);
    const one = await api(`/v1/seller/print-jobs/${job.id}`, { headers: seller.auth });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual(job);
  });

  it("marks a seller order's waiting covers shipped when it ships, and counts what still waits", async () => {
    const seller = await asSeller();
    const ctx = { db, partner: new PrintJobLog() };
    const first = await coverOrder(seller);
    const second = await coverOrder(seller);
    expect(await waitingPrintJobs(ctx, seller.sellerId)).toBe(2);

    expect((await ship(seller, first.order.sellerOrders[0]!.id)).status).toBe(201);
    const shipped = await eventually(async () => {
      const page = await jobsOf(seller, "?status=shipped");
      return page.items.length === 1 ? page.items[0] : undefined;
    });
    expect(shipped).toMatchObject({ id: first.jobs[0]!.id, status: "shipped" });
    expect(Date.parse(shipped.updatedAt)).toBeGreaterThan(Date.parse(shipped.createdAt));
    expect((await jobsOf(seller, "?status=waiting")).items.map((job) => job.id)).toEqual([second.jobs[0]!.id]);
    expect(await waitingPrintJobs(ctx, seller.sellerId)).toBe(1);
    // The console calls the same function the route does, with the same answer.
    expect(await sellerPrintJobs(ctx, seller.sellerId, { status: "shipped", limit: 20 })).toEqual({
      items: [shipped],
      nextCursor: null,
    });
  });

  it("cancels the waiting covers of an order cancelled before it shipped", async () => {
    const seller = await asSeller();
    const { buyer, order, jobs } = await coverOrder(seller);
    const cancelled = await api(`/v1/orders/${order.id}/cancel`, json({}, { headers: buyer.auth }));
    expect(cancelled.status).toBe(200);
    const job = await eventually(async () => {
      const page = await jobsOf(seller, "?status=cancelled");
      return page.items.find((item) => item.id === jobs[0]!.id);
    });
    expect(job.status).toBe("cancelled");
    expect((await jobsOf(seller, "?status=waiting")).items).toEqual([]);
  });

  it("pages newest first by cursor, without repeating or skipping a job", async () => {
    const seller = await asSeller();
    const { jobs } = await coverOrder(seller, 3);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: PrintJobPageBody = await jobsOf(seller, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((job) => job.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(jobs.map((job) => job.id).sort());
    const newestFirst = (await jobsOf(seller)).items.map((job) => Date.parse(job.createdAt));
    expect(newestFirst).toEqual([...newestFirst].sort((a, b) => b - a));
  });
});
