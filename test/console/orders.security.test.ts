import { beforeAll, describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { asSeller, signUp, type TestAccount, type TestSeller } from "../support/identity";
import { listBook } from "../support/listings";
import { addToCart, BERLIN, getOrder, paidOrder } from "../support/orders";

const HOSTILE_NAME = "<script>alert('name')</script> Ada";
const HOSTILE_STREET = "<img src=x onerror=alert(1)> 1";

interface Sale {
  owner: TestSeller;
  buyer: TestAccount;
  orderId: string;
  sellerOrderId: string;
  lineId: string;
}

/** A paid order of two copies from one seller, shipped to an address whose strings are markup. */
async function sale(): Promise<Sale> {
  const [owner, buyer] = await Promise.all([asSeller(), signUp()]);
  const listing = await listBook(owner, { quantity: 3 });
  await addToCart(buyer, listing.id, { quantity: 2 });
  const placed = await paidOrder(buyer, {
    shippingAddress: { ...BERLIN, name: HOSTILE_NAME, line1: HOSTILE_STREET },
    shippingMethod: "standard",
  });
  const [part] = placed.order.sellerOrders;
  return { owner, buyer, orderId: placed.order.id, sellerOrderId: part!.id, lineId: part!.lines[0]!.id };
}

async function signedIn(seller: TestSeller) {
  const browser = new ConsoleClient();
  await browser.signIn(seller.email, seller.password);
  return browser;
}

/** The order as its buyer sees it through the API: nothing the console refused may show there. */
async function untouched({ buyer, orderId }: Sale) {
  const order = await getOrder(buyer, orderId);
  expect(order.status).toBe("paid");
  expect(order.sellerOrders[0]!.status).toBe("paid");
  expect(order.sellerOrders[0]!.shipment).toBeNull();
  expect(order.refunds).toEqual([]);
}

let shared: Sale;
beforeAll(async () => {
  shared = await sale();
});

describe("console orders belong to their shop", () => {
  it("answers another seller's order, packing slip, ship, delivered and refund with the 404 page, changing nothing", async () => {
    const stranger = await signedIn(await asSeller());
    const path = `/console/orders/${shared.sellerOrderId}`;
    const _csrf = await stranger.formToken("/console/orders");
    const answers = [
      await stranger.get(path),
      await stranger.get(`${path}/packing-slip`),
      await stranger.post(`${path}/ship`, { _csrf, carrier: "DHL", trackingNumber: "JJD0001" }),
      await stranger.post(`${path}/delivered`, { _csrf }),
      await stranger.post(`${path}/refunds`, {
        _csrf,
        idempotencyKey: `refund-${crypto.randomUUID()}`,
        lineId: shared.lineId,
        quantity: "1",
        reason: "Not yours",
        restock: "on",
      }),
      await stranger.post(`${path}/refunds`, { _csrf, idempotencyKey: `refund-${crypto.randomUUID()}`, reason: "x" }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(404);
      expect(await answer.text()).toContain("There is nothing of your shop at this address.");
    }
    for (const view of ["to_ship", "all", "paid"]) {
      expect(await (await stranger.get(`/console/orders?status=${view}`)).text()).not.toContain(shared.sellerOrderId);
    }
    await untouched(shared);
  });

  it("refuses ship, delivered and refund posted without the form token (a cross-site form), changing nothing", async () => {
    const owner = await signedIn(shared.owner);
    const path = `/console/orders/${shared.sellerOrderId}`;
    const forged = [
      await owner.post(`${path}/ship`, { carrier: "DHL", trackingNumber: "JJD0002" }),
      await owner.post(`${path}/delivered`, {}),
      await owner.post(`${path}/refunds`, {
        idempotencyKey: `refund-${crypto.randomUUID()}`,
        lineId: shared.lineId,
        quantity: "1",
        reason: "Forged",
      }),
      await owner.post(`${path}/refunds`, {
        _csrf: "x".repeat(43),
        idempotencyKey: `refund-${crypto.randomUUID()}`,
        reason: "Forged",
      }),
    ];
    for (const answer of forged) expect(answer.status).toBe(403);
    await untouched(shared);
  });

  it("renders the buyer's name and address as text on the queue, the order and the packing slip", async () => {
    const owner = await signedIn(shared.owner);
    for (const path of [
      "/console/orders",
      `/console/orders/${shared.sellerOrderId}`,
      `/console/orders/${shared.sellerOrderId}/packing-slip`,
    ]) {
      const html = await (await owner.get(path)).text();
      expect(html, path).toContain("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt; Ada");
      expect(html, path).not.toContain("<script>alert");
      if (!path.endsWith("/orders")) expect(html, path).toContain("&lt;img src=x onerror=alert(1)&gt; 1");
      expect(html, path).not.toContain("<img src=x");
    }
  });
});

describe("console order forms refuse bad input", () => {
  it("shows a tracking link that is not a web address on the ship form (422), shipping nothing", async () => {
    const owner = await signedIn(shared.owner);
    const path = `/console/orders/${shared.sellerOrderId}`;
    const _csrf = await owner.formToken(path);
    const refused = await owner.post(`${path}/ship`, {
      _csrf,
      carrier: "DHL",
      trackingNumber: "JJD0003",
      trackingUrl: "javascript:alert(1)",
    });
    expect(refused.status).toBe(422);
    const html = await refused.text();
    expect(html).toMatch(/id="ship-trackingUrl"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="javascript:alert(1)"');
    await untouched(shared);
  });

  it("shows a quantity that is not a number, or more copies than are left, on that line's refund form (422)", async () => {
    const owner = await signedIn(shared.owner);
    const path = `/console/orders/${shared.sellerOrderId}`;
    const _csrf = await owner.formToken(path);
    const form = { _csrf, idempotencyKey: `refund-${crypto.randomUUID()}`, lineId: shared.lineId, reason: "Damaged" };
    const notNumber = await owner.post(`${path}/refunds`, { ...form, quantity: "lots" });
    expect(notNumber.status).toBe(422);
    expect(await notNumber.text()).toMatch(/id="refund-[^"]+-quantity"[^>]*aria-invalid="true"/);
    const tooMany = await owner.post(`${path}/refunds`, { ...form, quantity: "5" });
    expect(tooMany.status).toBe(422);
    expect(await tooMany.text()).toContain("Only 2 of");
    const noReason = await owner.post(`${path}/refunds`, { ...form, quantity: "1", reason: "" });
    expect(noReason.status).toBe(422);
    expect(await noReason.text()).toMatch(/id="refund-[^"]+-reason"[^>]*aria-invalid="true"/);
    await untouched(shared);
  });
});

describe("console order writes sent twice", () => {
  it("refunds once for one refund form sent twice, and ships once for one ship form sent twice", async () => {
    const mine = await sale();
    const owner = await signedIn(mine.owner);
    const path = `/console/orders/${mine.sellerOrderId}`;
    const page = await (await owner.get(path)).text();
    const _csrf = /name="_csrf" value="([^"]+)"/.exec(page)![1]!;
    const idempotencyKey = /name="idempotencyKey" value="([^"]+)"/.exec(page)![1]!;
    const form = { _csrf, idempotencyKey, lineId: mine.lineId, quantity: "1", reason: "Cover torn", restock: "on" };
    const [first, second] = await Promise.all([
      owner.post(`${path}/refunds`, form),
      owner.post(`${path}/refunds`, form),
    ]);
    const third = await owner.post(`${path}/refunds`, form);
    for (const answer of [first, second, third]) {
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe(`${path}?done=refunded`);
    }
    const refunded = await getOrder(mine.buyer, mine.orderId);
    expect(refunded.refunds).toHaveLength(1);
    expect(refunded.refunds[0]).toMatchObject({ amount: { amount: 1200 }, restocked: true, reason: "Cover torn" });

    const ship = { _csrf, carrier: "DHL", trackingNumber: "JJD0004", trackingUrl: "https://tracking.example/JJD0004" };
    for (const answer of [await owner.post(`${path}/ship`, ship), await owner.post(`${path}/ship`, ship)]) {
      expect(answer.status).toBe(303);
      expect(answer.headers.get("location")).toBe(`${path}?done=shipped`);
    }
    const shipped = await getOrder(mine.buyer, mine.orderId);
    expect(shipped.sellerOrders[0]!.shipment).toMatchObject({ carrier: "DHL", trackingNumber: "JJD0004" });
  });
});
