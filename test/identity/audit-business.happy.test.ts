import { env } from "cloudflare:workers";
import { beforeAll, describe, expect, it } from "vitest";
import { newId } from "../../workers/lib/ids";
import { orderLedger } from "../../workers/orders";
import { runReconciliation } from "../../workers/payments/reconciliation";
import { testDatabase } from "../support/database";
import { deadLetter } from "../support/dead-letters";
import { api, asAdmin, asSeller, json, signUp, type TestAccount } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, ordersTestContext, paidTwoSellerOrder, placeOrder } from "../support/orders";
import { enablePayouts, journalPosted, paymentDisputeClosed, paymentDisputed } from "../support/payouts";
import { setRate } from "../tax/support";
import { adminAudit, entriesAbout, requestIdFor, tagged } from "./audit-support";

const eur = (amount: number) => ({ amount, currency: "EUR" });

let admin: TestAccount;

beforeAll(async () => {
  admin = await asAdmin();
});

describe("business audit entries (happy)", () => {
  it("an admin's refund: one entry per seller order refunded, with its shop, before/after and the request id", async () => {
    const { order, parts, sellers } = await paidTwoSellerOrder([1000, 3000]);
    const requestId = requestIdFor("refund");
    const response = await api(
      `/v1/orders/${order.id}/refunds`,
      json(
        { sellerOrderIds: [parts[0].id], amount: eur(400), reason: "damaged", restock: false },
        { headers: { ...tagged(admin, requestId), "idempotency-key": crypto.randomUUID() } },
      ),
    );
    expect(response.status, await response.clone().text()).toBe(201);
    const [entry, ...others] = await entriesAbout(admin, "order_refunded", `order:${order.id}`);
    expect(others).toEqual([]);
    expect(entry).toMatchObject({
      actorId: admin.userId,
      target: `order:${order.id}`,
      requestId,
      shopId: sellers[0].sellerId,
      before: { status: "paid", refunded: eur(0) },
      after: { status: "paid", refunded: eur(400) },
      detail: { amount: eur(400), reason: "damaged", sellerOrderId: parts[0].id },
    });
  });

  it("a seller's own refund is not an admin action and writes no business entry", async () => {
    const { order, parts, sellers } = await paidTwoSellerOrder([1000, 3000]);
    const response = await api(
      `/v1/orders/${order.id}/refunds`,
      json(
        { sellerOrderIds: [parts[0].id], amount: eur(100), reason: "late", restock: false },
        { headers: { ...sellers[0].auth, "idempotency-key": crypto.randomUUID() } },
      ),
    );
    expect(response.status).toBe(201);
    expect(await entriesAbout(admin, "order_refunded", `order:${order.id}`)).toEqual([]);
  });

  it("an admin's cancellation: the status before and after, for each shop in the order", async () => {
    const seller = await asSeller();
    const buyer = await signUp();
    await addToCart(buyer, (await listBook(seller, { quantity: 2, price: 900 })).id);
    const { order } = await placeOrder(buyer);
    const requestId = requestIdFor("cancel");
    const response = await api(
      `/v1/orders/${order.id}/cancel`,
      json({ reason: "suspected fraud" }, { headers: tagged(admin, requestId) }),
    );
    expect(response.status, await response.clone().text()).toBe(200);
    expect(await entriesAbout(admin, "order_cancelled", `order:${order.id}`)).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        userId: buyer.userId,
        requestId,
        shopId: seller.sellerId,
        before: { status: "pending_payment" },
        after: { status: "cancelled" },
      }),
    ]);
  });

  it("category edits: created, updated and deleted, each with the category before and after", async () => {
    const slug = `audited-${crypto.randomUUID().slice(0, 8)}`;
    const created = await api(
      "/v1/admin/categories",
      json({ name: "Audited", slug }, { headers: tagged(admin, requestIdFor("category")) }),
    );
    expect(created.status).toBe(201);
    const { id } = await created.json<{ id: string }>();
    const renameId = requestIdFor("rename");
    const renamed = await api(
      `/v1/admin/categories/${id}`,
      json({ name: "Audited books" }, { method: "PATCH", headers: tagged(admin, renameId) }),
    );
    expect(renamed.status).toBe(200);
    const deleted = await api(`/v1/admin/categories/${id}`, { method: "DELETE", headers: admin.auth });
    expect(deleted.status).toBe(204);

    const placed = { slug, parentId: null, position: 0 };
    const target = `category:${id}`;
    expect(await entriesAbout(admin, "category_created", target)).toEqual([
      expect.objectContaining({ actorId: admin.userId, before: null, after: { ...placed, name: "Audited" } }),
    ]);
    expect(await entriesAbout(admin, "category_updated", target)).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        requestId: renameId,
        before: { ...placed, name: "Audited" },
        after: { ...placed, name: "Audited books" },
      }),
    ]);
    const [removal] = await entriesAbout(admin, "category_deleted", target);
    expect(removal).toMatchObject({ before: { ...placed, name: "Audited books" }, after: null });
    expect(removal!.requestId).toMatch(/^req_/);
  });

  it("a dead-letter replay: who replayed it, and its replay count before and after", async () => {
    const event = await deadLetter(`audit-dl-${crypto.randomUUID().slice(0, 8)}@bazaar.test`);
    const { id } = (await testDatabase
      .prepare("SELECT id FROM dead_letters WHERE event_id = ?")
      .bind(event.id)
      .first<{ id: string }>())!;
    const requestId = requestIdFor("replay");
    const replayed = await api(`/v1/admin/dead-letters/${id}/replay`, {
      method: "POST",
      headers: tagged(admin, requestId),
    });
    expect(replayed.status).toBe(202);
    const [entry] = await entriesAbout(admin, "dead_letter_replayed", `dead_letter:${id}`);
    expect(entry).toMatchObject({
      actorId: admin.userId,
      requestId,
      before: { replayedAt: null, replayCount: 0 },
      after: { replayCount: 1 },
      detail: { eventId: event.id },
    });
  });

  it("reconciliation runs: an admin's with actor and request id, the cron's with neither", async () => {
    const requestId = requestIdFor("reconcile");
    const response = await api("/v1/admin/reconciliation/runs", { method: "POST", headers: tagged(admin, requestId) });
    expect(response.status).toBe(201);
    const { run } = await response.json<{ run: { id: string } }>();
    expect(await entriesAbout(admin, "reconciliation_run", `reconciliation:${run.id}`)).toEqual([
      expect.objectContaining({
        actorId: admin.userId,
        requestId,
        before: null,
        detail: { trigger: "admin" },
        after: expect.objectContaining({ findings: expect.any(Number), paymentsChecked: expect.any(Number) }),
      }),
    ]);

    const { services } = ordersTestContext();
    const cron = await runReconciliation({ services, orders: orderLedger(services) });
    expect(await entriesAbout(admin, "reconciliation_run", `reconciliation:${cron.id}`)).toEqual([
      expect.objectContaining({ actorId: null, requestId: null, ip: null, detail: { trigger: "cron" } }),
    ]);
  });

  it("tax rates: set and deleted, with the rate before and after", async () => {
    const first = await setRate(admin, "US-WY", "books", { rate: 400, name: "WY 4%" });
    expect(first.status).toBe(201);
    const { id } = await first.json<{ id: string }>();
    expect((await setRate(admin, "US-WY", "books", { rate: 500, name: "WY 5%" })).status).toBe(200);
    expect((await api(`/v1/admin/tax-rates/${id}`, { method: "DELETE", headers: admin.auth })).status).toBe(204);
    const set = await entriesAbout(admin, "tax_rate_set", `tax_rate:${id}`);
    expect(set.map((entry) => [entry.before, entry.after])).toEqual([
      [expect.objectContaining({ rate: 400 }), expect.objectContaining({ rate: 500, name: "WY 5%" })],
      [null, expect.objectContaining({ rate: 400, destination: "US-WY" })],
    ]);
    expect(set.every((entry) => entry.actorId === admin.userId && entry.requestId?.startsWith("req_"))).toBe(true);
    expect(await entriesAbout(admin, "tax_rate_deleted", `tax_rate:${id}`)).toEqual([
      expect.objectContaining({ before: expect.objectContaining({ rate: 500 }), after: null }),
    ]);
  });

  it("promotions: a seller's created, changed and paused with its shop; an admin's without one", async () => {
    const seller = await asSeller();
    const createdId = requestIdFor("promotion");
    const created = await api(
      "/v1/seller/promotions",
      json({ name: "Ten off", kind: "percent_off", percentOff: 10 }, { headers: tagged(seller, createdId) }),
    );
    expect(created.status).toBe(201);
    const { id } = await created.json<{ id: string }>();
    const change = (body: Record<string, unknown>) =>
      api(`/v1/seller/promotions/${id}`, json(body, { method: "PATCH", headers: seller.auth }));
    expect((await change({ percentOff: 15 })).status).toBe(200);
    expect((await change({ status: "paused" })).status).toBe(200);

    const target = `promotion:${id}`;
    const mine = { actorId: seller.userId, shopId: seller.sellerId };
    expect(await entriesAbout(admin, "promotion_created", target)).toEqual([
      expect.objectContaining({
        ...mine,
        requestId: createdId,
        before: null,
        after: expect.objectContaining({ percentOff: 10, status: "active", version: 1 }),
      }),
    ]);
    expect(await entriesAbout(admin, "promotion_updated", target)).toEqual([
      expect.objectContaining({
        ...mine,
        before: expect.objectContaining({ percentOff: 10, version: 1 }),
        after: expect.objectContaining({ percentOff: 15, version: 2 }),
      }),
    ]);
    expect(await entriesAbout(admin, "promotion_deactivated", target)).toEqual([
      expect.objectContaining({
        ...mine,
        before: expect.objectContaining({ status: "active" }),
        after: expect.objectContaining({ status: "paused", version: 3 }),
      }),
    ]);

    const platform = await api(
      "/v1/admin/promotions",
      json({ name: "Site-wide", kind: "percent_off", percentOff: 5 }, { headers: admin.auth }),
    );
    expect(platform.status).toBe(201);
    const platformId = (await platform.json<{ id: string }>()).id;
    expect(await entriesAbout(admin, "promotion_created", `promotion:${platformId}`)).toEqual([
      expect.objectContaining({ actorId: admin.userId, shopId: null }),
    ]);
  });

  it("a promotion change refused for a stale version leaves no entry", async () => {
    const seller = await asSeller();
    const created = await api(
      "/v1/seller/promotions",
      json({ name: "Five off", kind: "percent_off", percentOff: 5 }, { headers: seller.auth }),
    );
    const { id } = await created.json<{ id: string }>();
    const stale = await api(
      `/v1/seller/promotions/${id}`,
      json({ percentOff: 6 }, { method: "PATCH", headers: { ...seller.auth, "if-match": '"7"' } }),
    );
    expect(stale.status).toBe(412);
    expect(await entriesAbout(admin, "promotion_updated", `promotion:${id}`)).toEqual([]);
  });

  it("payouts: onboarding started by the seller and completed by the provider, with the shop", async () => {
    const seller = await asSeller();
    const requestId = requestIdFor("onboarding");
    const started = await api("/v1/seller/payouts/onboarding", { method: "POST", headers: tagged(seller, requestId) });
    expect(started.status).toBe(200);
    const { accountId } = await started.json<{ accountId: string }>();
    await enablePayouts(seller);
    const target = `payout_account:${accountId}`;
    expect(await entriesAbout(admin, "payout_onboarding_started", target)).toEqual([
      expect.objectContaining({
        actorId: seller.userId,
        requestId,
        shopId: seller.sellerId,
        before: null,
        after: expect.objectContaining({ accountId, payoutsEnabled: false }),
      }),
    ]);
    expect(await entriesAbout(admin, "payout_onboarding_completed", target)).toEqual([
      expect.objectContaining({
        actorId: null,
        requestId: null,
        shopId: seller.sellerId,
        before: expect.objectContaining({ payoutsEnabled: false }),
        after: expect.objectContaining({ payoutsEnabled: true }),
      }),
    ]);
  });

  it("payouts: a dispute holds a seller's money and its close releases it, audited for that shop", async () => {
    const placed = await paidTwoSellerOrder([1000, 3000]);
    const { order, parts, sellers } = placed;
    await journalPosted(parts[0].id, "fee");
    const disputeId = newId("dsp");
    await env.ORDER_EVENTS.send(paymentDisputed(placed, disputeId), { contentType: "json" });
    await journalPosted(parts[0].id, "dispute_hold");
    await journalPosted(parts[1].id, "dispute_hold");
    const held = await entriesAbout(admin, "payouts_held", `order:${order.id}`);
    expect(held.map((entry) => entry.shopId).sort()).toEqual([sellers[0].sellerId, sellers[1].sellerId].sort());
    const first = held.find((entry) => entry.shopId === sellers[0].sellerId)!;
    expect(first).toMatchObject({ actorId: null, requestId: null, before: { held: eur(0) } });
    expect((first.after as { held: { amount: number } }).held.amount).toBeGreaterThan(0);

    await env.ORDER_EVENTS.send(paymentDisputeClosed(placed, disputeId, "won"), { contentType: "json" });
    await journalPosted(parts[0].id, "dispute_release");
    await journalPosted(parts[1].id, "dispute_release");
    const released = await entriesAbout(admin, "payouts_released", `order:${order.id}`);
    expect(released).toHaveLength(2);
    expect(released.find((entry) => entry.shopId === sellers[0].sellerId)).toMatchObject({
      before: first.after,
      after: { held: eur(0) },
      detail: { outcome: "won" },
    });
  });
});

describe("GET /v1/admin/audit filters (happy)", () => {
  it("narrows by actor, target and action, and pages newest first", async () => {
    const seller = await asSeller();
    const ids: string[] = [];
    for (const percentOff of [10, 20, 30]) {
      const response = await api(
        "/v1/seller/promotions",
        json({ name: `${percentOff} off`, kind: "percent_off", percentOff }, { headers: seller.auth }),
      );
      ids.push((await response.json<{ id: string }>()).id);
    }
    const byActor = await adminAudit(admin, { actor: seller.userId, action: "promotion_created" });
    expect(byActor.items.map((entry) => entry.target)).toEqual(ids.map((id) => `promotion:${id}`).reverse());

    const byShop = await adminAudit(admin, { shop: seller.sellerId });
    expect(byShop.items.map((entry) => entry.id)).toEqual(byActor.items.map((entry) => entry.id));
    const byTarget = await adminAudit(admin, { target: `promotion:${ids[1]}` });
    expect(byTarget.items.map((entry) => entry.type)).toEqual(["promotion_created"]);
    // `type` still works, as the older name of `action`.
    const byType = await adminAudit(admin, { actor: seller.userId, type: "promotion_created" });
    expect(byType.items).toEqual(byActor.items);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const query: Record<string, string> = { actor: seller.userId, action: "promotion_created", limit: "2" };
      if (cursor) query.cursor = cursor;
      const page: Awaited<ReturnType<typeof adminAudit>> = await adminAudit(admin, query);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((entry) => entry.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(byActor.items.map((entry) => entry.id));
    expect([...seen].sort().reverse()).toEqual(seen);
  });
});
