import { createExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createEvent } from "../../queues/events";
import { createApp } from "../../workers/app";
import { postRefund } from "../../workers/payouts/refunds";
import type { OnboardingLinkSchema } from "../../workers/payouts/schemas";
import { completeSellerOrder } from "../../workers/payouts/transfers";
import { envWith } from "../support/env";
import { eventually } from "../support/eventually";
import { asSeller, signUp } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, paidOrder } from "../support/orders";
import { recordedRequests, recorderUrl, scriptReply } from "../support/outside";
import {
  balanceOf,
  feeOn,
  journalPosted,
  payoutAccountRow,
  payoutsTestContext,
  reversalRows,
  saleOf,
  sellerOrderCompletedEvent,
  transferRow,
} from "../support/payouts";
import { stripeWorker } from "../support/stripe-checkout";

const KEY = "sk_test_payouts_connect";
const stripeEnv = envWith({
  PAYMENT_PROVIDER: "stripe",
  STRIPE_SECRET_KEY: KEY,
  STRIPE_WEBHOOK_SECRET: "whsec_payouts_connect",
  STRIPE_API_BASE: recorderUrl,
});
const app = createApp();
const stripe = stripeWorker(KEY, "whsec_payouts_connect");
const onStripe = payoutsTestContext(stripeEnv);

const requestsTo = async (path: string) => (await recordedRequests(KEY)).filter((r) => r.path === path);
const form = (body: string | undefined) => new URLSearchParams(body);

async function onboard(seller: { auth: Record<string, string> }) {
  const response = await app.fetch(
    new Request("http://bazaar.test/v1/seller/payouts/onboarding", { method: "POST", headers: seller.auth }),
    stripeEnv,
    createExecutionContext(),
  );
  expect(response.status).toBe(200);
  return response.json<OnboardingLinkSchema>();
}

describe("payouts through the Stripe adapter", () => {
  it("onboards an Express account once, pays a completed seller order by Transfer and reverses a later refund", async () => {
    const seller = await asSeller({ shipsFrom: "DE" });
    await scriptReply({
      scope: KEY,
      method: "POST",
      path: "/v1/accounts",
      status: 200,
      body: { id: "acct_payouts_1", object: "account" },
    });
    const expiresAt = Math.floor(Date.now() / 1000) + 300;
    await scriptReply({
      scope: KEY,
      method: "POST",
      path: "/v1/account_links",
      status: 200,
      body: {
        object: "account_link",
        url: "https://connect.stripe.com/setup/e/acct_payouts_1/x",
        expires_at: expiresAt,
        created: expiresAt - 300,
      },
      times: 2,
    });
    const link = await onboard(seller);
    expect(link).toEqual({
      accountId: "acct_payouts_1",
      url: "https://connect.stripe.com/setup/e/acct_payouts_1/x",
      expiresAt: new Date(expiresAt * 1000).toISOString(),
      payoutsEnabled: false,
    });
    const [account] = await requestsTo("/v1/accounts");
    expect(account?.headers["idempotency-key"]).toBe(`connect-${seller.sellerId}`);
    expect(Object.fromEntries(form(account?.body))).toMatchObject({
      type: "express",
      country: "DE",
      email: seller.email,
      "capabilities[transfers][requested]": "true",
      "metadata[sellerId]": seller.sellerId,
    });
    // Asked again: a fresh link to the same account, no second account.
    expect((await onboard(seller)).accountId).toBe("acct_payouts_1");
    expect(await requestsTo("/v1/accounts")).toHaveLength(1);
    const links = await requestsTo("/v1/account_links");
    expect(links).toHaveLength(2);
    expect(Object.fromEntries(form(links[0]?.body))).toEqual({
      account: "acct_payouts_1",
      refresh_url: "http://bazaar.test/console/payouts",
      return_url: "http://bazaar.test/console/payouts",
      type: "account_onboarding",
    });

    // Stripe's account.updated, signed by the SDK, through the webhook path to payouts.
    const updated = await stripe.webhook({
      id: "evt_account_updated_1",
      type: "account.updated",
      object: { id: "acct_payouts_1", object: "account", payouts_enabled: true, details_submitted: true },
    });
    expect(updated.status).toBe(200);
    await eventually(async () => ((await payoutAccountRow(seller.sellerId))?.payoutsEnabled ? true : undefined));

    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { price: 2400, quantity: 2 })).id, { quantity: 2 });
    const { order } = await paidOrder(buyer);
    const [part] = order.sellerOrders;
    await journalPosted(part!.id, "fee");
    const earned = saleOf(part!);

    await scriptReply({
      scope: KEY,
      method: "POST",
      path: "/v1/transfers/tr_payouts_1/reversals",
      status: 200,
      body: { id: "trr_payouts_1", object: "transfer_reversal" },
    });
    await scriptReply({
      scope: KEY,
      method: "POST",
      path: "/v1/transfers",
      status: 200,
      body: { id: "tr_payouts_1", object: "transfer" },
    });
    await completeSellerOrder(onStripe, sellerOrderCompletedEvent(part!, order.id).data);
    const transfer = await transferRow(part!.id);
    expect(transfer).toMatchObject({
      status: "sent",
      providerTransferId: "tr_payouts_1",
      amount: earned - feeOn(earned),
    });
    const [made] = await requestsTo("/v1/transfers");
    expect(made?.headers["idempotency-key"]).toBe(transfer!.id);
    expect(Object.fromEntries(form(made?.body))).toMatchObject({
      amount: String(earned - feeOn(earned)),
      currency: "eur",
      destination: "acct_payouts_1",
      transfer_group: order.id,
      "metadata[sellerOrderId]": part!.id,
    });

    // One copy refunded after the transfer (as the refund engine reports it): the seller's share is reversed.
    const line = part!.lines[0]!;
    const refund = createEvent("RefundIssued", {
      refundId: "orf_payouts_1",
      orderId: order.id,
      buyerId: buyer.userId,
      buyer: null,
      amount: { amount: 2400, currency: "EUR" },
      orderRefunded: { amount: 2400, currency: "EUR" },
      reason: "damaged",
      restocked: false,
      actor: `seller:${seller.sellerId}`,
      sellerOrderIds: [part!.id],
      sellerOrders: [
        {
          sellerOrderId: part!.id,
          sellerId: seller.sellerId,
          amount: { amount: 2400, currency: "EUR" },
          tax: { amount: 157, currency: "EUR" },
        },
      ],
      lines: [{ lineId: line.id, title: "Test Book", quantity: 1, amount: { amount: 2400, currency: "EUR" } }],
    });
    await postRefund(onStripe, refund.data);
    const [reversal] = await reversalRows(transfer!.id);
    const kept = earned - 2400;
    expect(reversal).toMatchObject({
      status: "sent",
      providerReversalId: "trr_payouts_1",
      amount: earned - feeOn(earned) - (kept - feeOn(kept)),
    });
    const [reversed] = await requestsTo("/v1/transfers/tr_payouts_1/reversals");
    expect(reversed?.headers["idempotency-key"]).toBe(reversal!.id);
    expect(form(reversed?.body).get("amount")).toBe(String(reversal!.amount));
    expect((await balanceOf(seller)).paid.amount).toBe(kept - feeOn(kept));

    // The same refund again asks Stripe for nothing more.
    await postRefund(onStripe, refund.data);
    expect(await requestsTo("/v1/transfers/tr_payouts_1/reversals")).toHaveLength(1);
  });
});
