import { createExecutionContext, createMessageBatch, getQueueResult } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { printJobs } from "../../schema/printing";
import { loadConfig } from "../../workers/config";
import worker from "../../workers/index";
import { envWith } from "../support/env";
import { eventually } from "../support/eventually";
import { asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, paidOrder } from "../support/orders";
import { recordedRequests, recorderUrl, scriptReply } from "../support/outside";

const line = () => `oln_${crypto.randomUUID().replace(/-/g, "")}`;
const printRequest = (lineId: string, sellerOrderId = `sor_${"5".repeat(32)}`) =>
  createEvent("CoverPrintRequested", {
    orderId: `ord_${"5".repeat(32)}`,
    sellerOrderId,
    lineId,
    sellerId: `sel_${"5".repeat(32)}`,
    listingId: `lst_${"5".repeat(32)}`,
    isbn13: "9780261102217",
    title: "The Hobbit",
    coverOptionId: `cov_${"5".repeat(32)}`,
    coverName: "Gold inscription",
    inscription: "For Bilbo",
    quantity: 1,
  });

async function deliver(event: ReturnType<typeof createEvent>, times: number, withEnv: Env = env) {
  const batch = createMessageBatch(
    "order-events",
    Array.from({ length: times }, (_, i) => ({ id: `p-${i}`, timestamp: new Date(), attempts: i + 1, body: event })),
  );
  const ctx = createExecutionContext();
  await worker.queue(batch, withEnv, ctx);
  return getQueueResult(batch, ctx);
}

describe("cover printing", () => {
  it("logs a print job for each paid line with a cover option", async () => {
    const seller = await asSeller();
    const listing = await listBook(seller, {
      quantity: 2,
      coverOptions: [{ name: "Gold inscription", kind: "inscription", price: 500, maxLength: 20 }],
    });
    const plain = await listBook(seller, { quantity: 1 });
    const buyer = await signUp();
    await addToCart(buyer, listing.id, { coverOptionId: listing.coverOptions[0]!.id, inscription: "For Frodo" });
    await addToCart(buyer, plain.id);
    const { order } = await paidOrder(buyer);
    const jobs = await eventually(async () => {
      const rows = await db.select().from(printJobs).where(eq(printJobs.orderId, order.id));
      return rows.length > 0 ? rows : undefined;
    });
    expect(jobs).toEqual([
      expect.objectContaining({
        listingId: listing.id,
        sellerId: seller.sellerId,
        coverName: "Gold inscription",
        inscription: "For Frodo",
        quantity: 1,
        partner: "log",
      }),
    ]);
  });

  it("settles a waiting job once when its seller order's change is delivered twice, and never unsettles it", async () => {
    const lineId = line();
    const sellerOrderId = `sor_${crypto.randomUUID().replace(/-/g, "")}`;
    await deliver(printRequest(lineId, sellerOrderId), 1);
    const change = (to: string) =>
      createEvent("OrderStatusChanged", {
        orderId: `ord_${"5".repeat(32)}`,
        sellerOrderId,
        from: "paid",
        to,
        actor: "seller",
        reason: null,
      });
    const jobOf = async () => (await db.select().from(printJobs).where(eq(printJobs.lineId, lineId)))[0]!;

    expect((await deliver(change("shipped"), 2)).explicitAcks).toEqual(["p-0", "p-1"]);
    const shipped = await jobOf();
    expect(shipped.status).toBe("shipped");
    // A late delivery of an older change (a cancellation that lost the race) finds nothing waiting.
    await deliver(change("cancelled"), 1);
    expect(await jobOf()).toEqual(shipped);
  });

  it("makes one job of a request delivered twice", async () => {
    const lineId = line();
    const result = await deliver(printRequest(lineId), 2);
    expect(result.explicitAcks).toEqual(["p-0", "p-1"]);
    expect(await db.select().from(printJobs).where(eq(printJobs.lineId, lineId))).toHaveLength(1);
  });

  it("sends the job to a print partner's API with the line as idempotency key, and retries when it fails", async () => {
    const scope = "print-partner";
    const partnerEnv = envWith({
      PRINT_ADAPTER: "http",
      PRINT_API_URL: `${recorderUrl}/${scope}`,
      PRINT_API_KEY: "print-key-123",
    });
    const failing = line();
    await scriptReply({ scope, method: "POST", path: `/${scope}/jobs`, status: 503, body: { error: "busy" } });
    const refused = await deliver(printRequest(failing), 1, partnerEnv);
    expect(refused.retryMessages).toHaveLength(1);
    expect(await db.select().from(printJobs).where(eq(printJobs.lineId, failing))).toEqual([]);

    const lineId = line();
    await scriptReply({ scope, method: "POST", path: `/${scope}/jobs`, status: 201, body: { id: "pj_42" } });
    expect((await deliver(printRequest(lineId), 1, partnerEnv)).explicitAcks).toEqual(["p-0"]);
    const [job] = await db.select().from(printJobs).where(eq(printJobs.lineId, lineId));
    expect(job).toMatchObject({ partner: "http", partnerJobId: "pj_42", inscription: "For Bilbo" });
    const sent = (await recordedRequests(scope)).find(
      (request) => request.headers["idempotency-key"] === `cover-${lineId}`,
    );
    expect(sent?.headers.authorization).toBe("Bearer print-key-123");
    expect(JSON.parse(sent!.body)).toMatchObject({ lineId, coverName: "Gold inscription", inscription: "For Bilbo" });
  });

  it("needs the partner's URL and key when PRINT_ADAPTER=http", () => {
    expect(() => loadConfig(envWith({ PRINT_ADAPTER: "http" }))).toThrow(/PRINT_API_URL/);
  });
});
