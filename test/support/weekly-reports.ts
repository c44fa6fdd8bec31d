import { eq } from "drizzle-orm";
import { listings } from "../../schema/catalog";
import { reviews } from "../../schema/community";
import { users } from "../../schema/identity";
import { editionFunnelDays } from "../../schema/insights";
import { orders, shipments } from "../../schema/orders";
import { newId } from "../../workers/lib/ids";
import { api, asSeller, signUp, type TestAccount } from "./identity";
import { listBook } from "./listings";
import { addToCart, db, paidOrder, ship } from "./orders";

export const at = (iso: string) => Date.parse(iso);
export const WEEK = "2025-W20";

const editionOfListing = async (listingId: string) =>
  (await db.select({ editionId: listings.editionId }).from(listings).where(eq(listings.id, listingId)))[0]!.editionId;

/**
 * A week with known figures, 2025-W20 (12–18 May 2025), built through the real flows and then moved in time:
 * - seller A lists book A1 (new, 12.00, listed 10 May 10:00) and A2 (very good, 8.00, listed 13 May 09:00);
 *   seller B lists B1 (very good, 25.00, listed 4 May 09:00);
 * - buyer 1 (an account opened 12 May) buys 2 × A1, paid 12 May 10:00, shipped by A 12 May 16:00;
 * - buyer 2 buys A2 and B1, paid 14 May 09:00, neither shipped;
 * - A1's page was viewed 10 times with 3 cart adds on 12 May, A2's 4 times with 1 on 18 May (and 100 views
 *   on 19 May, the next week);
 * - three reviews: 5 stars positive on 13 May, 4 stars neutral on 13 May, 1 star negative on 15 May.
 */
export async function weekWithSales() {
  const sellerA = await asSeller({ storeName: "Alpha Books" });
  const sellerB = await asSeller({ storeName: "Beta Books" });
  const a1 = await listBook(sellerA, { quantity: 5, price: 1200 });
  const a2 = await listBook(sellerA, { quantity: 5, price: 800 });
  const b1 = await listBook(sellerB, { quantity: 5, price: 2500 });
  await db
    .update(listings)
    .set({ condition: "new", createdAt: at("2025-05-10T10:00:00Z") })
    .where(eq(listings.id, a1.id));
  await db
    .update(listings)
    .set({ createdAt: at("2025-05-13T09:00:00Z") })
    .where(eq(listings.id, a2.id));
  await db
    .update(listings)
    .set({ createdAt: at("2025-05-04T09:00:00Z") })
    .where(eq(listings.id, b1.id));

  const buyer1 = await signUp();
  await addToCart(buyer1, a1.id, { quantity: 2 });
  const first = (await paidOrder(buyer1)).order;
  const shipped = await ship(sellerA, first.sellerOrders[0]!.id, { trackingNumber: "JJD0001" });
  if (shipped.status !== 201) throw new Error(`ship: ${shipped.status} ${await shipped.text()}`);

  const buyer2 = await signUp();
  await addToCart(buyer2, a2.id);
  await addToCart(buyer2, b1.id);
  const second = (await paidOrder(buyer2)).order;

  await db
    .update(orders)
    .set({ paidAt: at("2025-05-12T10:00:00Z") })
    .where(eq(orders.id, first.id));
  await db
    .update(orders)
    .set({ paidAt: at("2025-05-14T09:00:00Z") })
    .where(eq(orders.id, second.id));
  await db
    .update(shipments)
    .set({ shippedAt: at("2025-05-12T16:00:00Z") })
    .where(eq(shipments.sellerOrderId, first.sellerOrders[0]!.id));
  await db
    .update(users)
    .set({ createdAt: at("2025-05-12T08:00:00Z") })
    .where(eq(users.id, buyer1.userId));

  const [editionA1, editionA2, editionB1] = await Promise.all(
    [a1, a2, b1].map((listing) => editionOfListing(listing.id)),
  );
  await db.insert(editionFunnelDays).values([
    { editionId: editionA1!, day: "2025-05-12", views: 10, cartAdds: 3 },
    { editionId: editionA2!, day: "2025-05-18", views: 4, cartAdds: 1 },
    { editionId: editionA2!, day: "2025-05-19", views: 100, cartAdds: 0 },
  ]);
  const review = (rating: number, sentiment: number, body: string, day: string) => ({
    id: newId("rev"),
    workId: newId("wrk"),
    editionId: editionA1!,
    isbn13: "9780000000000",
    authorId: buyer1.userId,
    authorName: "Reader",
    rating,
    body,
    sentiment,
    status: "published" as const,
    createdAt: at(`${day}T12:00:00Z`),
    updatedAt: at(`${day}T12:00:00Z`),
  });
  await db
    .insert(reviews)
    .values([
      review(5, 3, "Wonderful story, wonderful characters", "2025-05-13"),
      review(4, 0, "Arrived on time", "2025-05-13"),
      review(1, -3, "Terrible binding, pages fell out. Terrible.", "2025-05-15"),
    ]);
  return { sellerA, sellerB, buyer1, buyer2, editions: { a1: editionA1!, a2: editionA2!, b1: editionB1! } };
}

export function weeklyReport(
  account: TestAccount,
  scope: "admin" | "seller",
  query = `?week=${WEEK}`,
  init: RequestInit = {},
) {
  return api(`/v1/${scope}/reports/weekly${query}`, { ...init, headers: { ...account.auth, ...(init.headers ?? {}) } });
}
