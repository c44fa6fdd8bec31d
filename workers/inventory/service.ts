import type { StockLevels } from "../../durable-objects/stock";

/** The inventory module's interface to the rest of the Worker: every stock change goes through a listing's StockDO. */
export type StockNamespace = Env["STOCK"];

export const stockOf = (stock: StockNamespace, listingId: string) => stock.getByName(listingId);

/** What can be sold now, per listing (a listing whose stock was never set has none). */
export async function availability(stock: StockNamespace, listingIds: string[]): Promise<Record<string, number>> {
  const unique = [...new Set(listingIds)];
  const snapshots = await Promise.all(unique.map((id) => stockOf(stock, id).snapshot()));
  return Object.fromEntries(unique.map((id, i) => [id, snapshots[i]?.levels?.available ?? 0]));
}

export async function setStock(
  stock: StockNamespace,
  listingId: string,
  quantity: number,
  lowThreshold?: number,
): Promise<{ ok: true; levels: StockLevels } | { ok: false; held: number }> {
  const result = await stockOf(stock, listingId).setQuantity(listingId, quantity, lowThreshold);
  return result.ok ? result : { ok: false, held: result.held };
}

/** A listing leaves the shop: its holds are released and no copy is left to reserve (see `StockDO.withdraw`). */
export function withdrawStock(stock: StockNamespace, listingId: string): Promise<StockLevels> {
  return stockOf(stock, listingId).withdraw(listingId);
}

/** First stock of a listing whose count only D1 knows (seeded or imported); a no-op once the object has levels. */
export function initializeStock(
  stock: StockNamespace,
  listingId: string,
  quantity: number,
  lowThreshold = 0,
): Promise<StockLevels> {
  return stockOf(stock, listingId).initialize(listingId, quantity, lowThreshold);
}

/** The level at or below which the listing's sales emit `StockLow` (0 = never); null if its stock was never set. */
export function setLowStockThreshold(
  stock: StockNamespace,
  listingId: string,
  lowThreshold: number,
): Promise<StockLevels | null> {
  return stockOf(stock, listingId).setLowThreshold(lowThreshold);
}

interface CartDemand {
  listingId: string;
  quantity: number;
}

export interface Hold {
  listingId: string;
  reservationId: string;
  quantity: number;
  expiresAt: number;
}

type ReserveCartResult =
  | { ok: true; holds: Hold[]; holdExpiresAt: number }
  | { ok: false; shortages: { listingId: string; requested: number; available: number }[] };

/** One reservation per (order, listing): retrying a checkout reserves nothing twice. */
export const reservationIdFor = (orderId: string, listingId: string) => `${orderId}:${listingId}`;

/**
 * Checkout's reserve step: hold every listing of the cart (copies summed across lines) in listing-id order, so two
 * checkouts never wait on each other in opposite orders; if any listing falls short, release what was held.
 * Its compensation is `releaseHolds`.
 */
export async function reserveCart(
  stock: StockNamespace,
  orderId: string,
  demand: CartDemand[],
  ttlMs: number,
): Promise<ReserveCartResult> {
  const totals = new Map<string, number>();
  for (const line of demand) totals.set(line.listingId, (totals.get(line.listingId) ?? 0) + line.quantity);
  const ordered = [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const holds: Hold[] = [];
  for (const [listingId, quantity] of ordered) {
    const reservationId = reservationIdFor(orderId, listingId);
    const result = await stockOf(stock, listingId).reserve(reservationId, orderId, quantity, ttlMs);
    if (!result.ok) {
      await releaseHolds(stock, holds);
      const rest = ordered.filter(([id]) => id !== listingId);
      const available = await availability(
        stock,
        rest.map(([id]) => id),
      );
      const shortages = [{ listingId, requested: quantity, available: result.available }];
      for (const [id, requested] of rest) {
        if ((available[id] ?? 0) < requested)
          shortages.push({ listingId: id, requested, available: available[id] ?? 0 });
      }
      return { ok: false, shortages };
    }
    holds.push({ listingId, reservationId, quantity, expiresAt: result.reservation.expiresAt });
  }
  return { ok: true, holds, holdExpiresAt: Math.min(...holds.map((hold) => hold.expiresAt)) };
}

export async function releaseHolds(stock: StockNamespace, holds: Pick<Hold, "listingId" | "reservationId">[]) {
  await Promise.all(holds.map((hold) => stockOf(stock, hold.listingId).release(hold.reservationId)));
}

/**
 * Keeps the holds until `expiresAt` (a payment settling later); answers the ones that could not be kept (gone
 * already, or sold), which a later payment takes again if it can.
 */
export async function extendHolds(
  stock: StockNamespace,
  holds: Pick<Hold, "listingId" | "reservationId">[],
  expiresAt: number,
): Promise<Pick<Hold, "listingId" | "reservationId">[]> {
  const results = await Promise.all(
    holds.map((hold) => stockOf(stock, hold.listingId).extend(hold.reservationId, expiresAt)),
  );
  return holds.filter((_, i) => !results[i]!.ok);
}
