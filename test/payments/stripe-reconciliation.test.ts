import { createExecutionContext } from "cloudflare:test";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { reconciliationFindings } from "../../schema/payments";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { orderLedger } from "../../workers/orders";
import { runReconciliation } from "../../workers/payments/reconciliation";
import { buildServices } from "../../workers/platform/services";
import { asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, db, eventsFor, orderRow, waitForOrderStatus } from "../support/orders";
import { recordedRequests, scriptReply } from "../support/outside";
import { stripeWorker } from "../support/stripe-checkout";

const KEY = "sk_test_stripe_reconciliation";
const stripe = stripeWorker(KEY, "whsec_stripe_reconciliation");
const services = buildServices(
  stripe.stripeEnv,
  loadConfig(stripe.stripeEnv),
  createExecutionContext(),
  createLogger(),
);

const list = (path: string, data: unknown[], hasMore = false) =>
  scriptReply({
    scope: KEY,
    method: "GET",
    path,
    status: 200,
    body: { object: "list", url: path, has_more: hasMore, data },
  });

const seconds = () => Math.floor(Date.now() / 1000);

/** What Stripe's list APIs answer for the window: two pages of PaymentIntents, then the rest in one page each. */
async function scriptProviderSide(intents: unknown[][], refunds: unknown[] = [], reversals: unknown[] = []) {
  for (const [i, page] of intents.entries()) await list("/v1/payment_intents", page, i < intents.length - 1);
  await list("/v1/refunds", refunds);
  await list("/v1/transfers", []);
  await list("/v1/balance_transactions", reversals);
}

const findingsOf = async (runAt: number, orderId: string) =>
  (await db.select().from(reconciliationFindings).where(eq(reconciliationFindings.runAt, runAt))).filter(
    (row) => row.orderId === orderId,
  );

describe("reconciliation against Stripe's list APIs", () => {
  it("replays a payment_intent.succeeded that never arrived, through every page of the listing", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 1, price: 2600 })).id);
    const intentId = `pi_lost_${crypto.randomUUID().slice(0, 12)}`;
    const { order, payment } = await stripe.checkout(buyer, intentId);
    const total = order.totals.total.amount;

    const unrelated = stripe.intent("pi_unpaid_elsewhere", 999, {
      status: "requires_payment_method",
      created: seconds(),
    });
    const captured = stripe.intent(intentId, total, { status: "succeeded", created: seconds() });
    const dashboardRefund = {
      id: "re_dashboard_only",
      object: "refund",
      amount: 500,
      currency: "eur",
      payment_intent: intentId,
      status: "succeeded",
      created: seconds(),
    };
    const reversal = {
      id: "txn_reversal",
      object: "balance_transaction",
      amount: 300,
      currency: "eur",
      type: "transfer_refund",
      created: seconds(),
      source: { id: "trr_1", object: "transfer_reversal", amount: 300, currency: "eur", transfer: "tr_1" },
    };
    await scriptProviderSide([[unrelated], [captured]], [dashboardRefund], [reversal]);

    const run = await runReconciliation({ services, orders: orderLedger(services) }, Date.now() + 11 * 60_000);
    expect(run.providerRecordsChecked).toBe(3);
    const found = await findingsOf(run.runAt, order.id);
    expect(found.map((row) => [row.kind, row.paymentId, row.repairedAt !== null])).toEqual(
      expect.arrayContaining([
        ["capture_not_received", payment.id, true],
        ["refund_only_at_provider", payment.id, false],
      ]),
    );
    expect(found).toHaveLength(2);
    await waitForOrderStatus(order.id, "paid");

    const requests = (await recordedRequests(KEY)).filter((r) => r.method === "GET");
    const intents = requests.filter((r) => r.path.startsWith("/v1/payment_intents"));
    expect(intents).toHaveLength(2);
    const first = new URL(intents[0]!.path, "http://stripe").searchParams;
    expect(first.get("limit")).toBe("100");
    expect(Number(first.get("created[lt]"))).toBeGreaterThan(Number(first.get("created[gte]")));
    expect(new URL(intents[1]!.path, "http://stripe").searchParams.get("starting_after")).toBe("pi_unpaid_elsewhere");
    const balance = new URL(requests.find((r) => r.path.startsWith("/v1/balance_transactions"))!.path, "http://stripe");
    expect(balance.searchParams.get("type")).toBe("transfer_refund");
    expect(balance.searchParams.get("expand[0]")).toBe("data.source");

    // Listed again, the capture is known now: nothing is replayed twice and the order is paid once.
    await scriptProviderSide([[captured]]);
    const next = await runReconciliation({ services, orders: orderLedger(services) }, Date.now() + 11 * 60_000);
    expect((await findingsOf(next.runAt, order.id)).map((row) => row.kind)).not.toContain("capture_not_received");
    expect((await orderRow(order.id))?.status).toBe("paid");
    expect(await eventsFor(order.id, "OrderPaid")).toHaveLength(1);
  });

  it("reports a provider it cannot list as a finding and still compares the database", async () => {
    // Nothing scripted: the recording server answers 404 to the listing.
    const run = await runReconciliation({ services, orders: orderLedger(services) }, Date.now() + 11 * 60_000);
    const rows = await db.select().from(reconciliationFindings).where(eq(reconciliationFindings.runAt, run.runAt));
    expect(rows.map((row) => row.kind)).toContain("provider_unlisted");
    expect(run.providerRecordsChecked).toBe(0);
  });
});
