import { eq } from "drizzle-orm";
import { orderRefunds, orders, shipments } from "../../schema/orders";
import { api, asSeller, signUp, type TestSeller } from "./identity";
import { listBook } from "./listings";
import { addToCart, db, paidOrder, refund, ship } from "./orders";

export const at = (iso: string) => Date.parse(iso);

interface SellerOrderDetailBody {
  id: string;
  orderId: string;
  status: string;
  lines: { id: string; isbn13: string; title: string; quantity: number }[];
}

async function sellerOrderOf(seller: TestSeller, sellerOrderId: string) {
  const response = await api(`/v1/seller/orders/${sellerOrderId}`, { headers: seller.auth });
  if (response.status !== 200) throw new Error(`GET seller order: ${response.status} ${await response.text()}`);
  return response.json<SellerOrderDetailBody>();
}

/**
 * A seller whose sales happened on known days, set by moving the stored times after the real flow ran:
 * - 2025-03-03 10:00 paid, 12:00 shipped: 2 copies of book A with a gold inscription, (1200 + 300) × 2 = 3000;
 * - 2025-03-05 23:30 paid, never shipped: book A (1200) and book B (800); book B refunded on 2025-03-10 09:00.
 */
export async function sellerWithSales() {
  const seller = await asSeller();
  const bookA = await listBook(seller, {
    quantity: 5,
    price: 1200,
    coverOptions: [{ name: "Gold inscription", kind: "inscription", price: 300, maxLength: 30 }],
  });
  const bookB = await listBook(seller, { quantity: 5, price: 800 });

  const first = await signUp();
  await addToCart(first, bookA.id, { quantity: 2, coverOptionId: bookA.coverOptions[0]!.id, inscription: "For Ada" });
  const shippedOrder = (await paidOrder(first)).order;
  const shipped = shippedOrder.sellerOrders[0]!;
  const shipment = await ship(seller, shipped.id, {
    trackingNumber: "JJD0001",
    trackingUrl: "https://track.example/1",
  });
  if (shipment.status !== 201) throw new Error(`ship: ${shipment.status} ${await shipment.text()}`);

  const second = await signUp();
  await addToCart(second, bookA.id);
  await addToCart(second, bookB.id);
  const waitingOrder = (await paidOrder(second)).order;
  const waiting = waitingOrder.sellerOrders[0]!;
  const lineB = waiting.lines.find((line) => line.listingId === bookB.id)!;
  const refunded = await refund(seller, waitingOrder.id, { lines: [{ lineId: lineB.id }], reason: "damaged" });
  if (refunded.status !== 201) throw new Error(`refund: ${refunded.status} ${await refunded.text()}`);

  await db
    .update(orders)
    .set({ paidAt: at("2025-03-03T10:00:00Z") })
    .where(eq(orders.id, shippedOrder.id));
  await db
    .update(shipments)
    .set({ shippedAt: at("2025-03-03T12:00:00Z") })
    .where(eq(shipments.sellerOrderId, shipped.id));
  await db
    .update(orders)
    .set({ paidAt: at("2025-03-05T23:30:00Z") })
    .where(eq(orders.id, waitingOrder.id));
  await db
    .update(orderRefunds)
    .set({ createdAt: at("2025-03-10T09:00:00Z") })
    .where(eq(orderRefunds.orderId, waitingOrder.id));

  const detail = await sellerOrderOf(seller, waiting.id);
  const lineA = detail.lines.find((line) => line.id !== lineB.id)!;
  const storedB = detail.lines.find((line) => line.id === lineB.id)!;
  return {
    seller,
    shipped,
    waiting,
    lineB,
    shippedOrder,
    waitingOrder,
    bookA: { isbn13: lineA.isbn13, title: lineA.title },
    bookB: { isbn13: storedB.isbn13, title: storedB.title },
  };
}
