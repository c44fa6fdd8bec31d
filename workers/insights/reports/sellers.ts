import type { PaidOrderInRange } from "../../orders";
import type { Services } from "../../platform/services";
import { mean, ratio } from "./figures";

/** One seller's support figures of a range: the support module's `sellerSupportFigures`, injected by the caller. */
export interface SellerSupportFigure {
  sellerId: string;
  tickets: number;
  answered: number;
  medianFirstResponseMinutes: number | null;
}
export type SellerSupportFigures = (
  ctx: { services: Services },
  range: { from: number; to: number },
) => Promise<SellerSupportFigure[]>;

export interface SellerProfileFacts {
  storeName: string;
  ratingCount: number;
  ratingTotal: number;
}

const CANCELLED = new Set(["cancelled", "refunded"]);

/**
 * Each seller with a part in an order paid in the week: GMV of their lines, hours from payment to the parcel
 * leaving, the share of parts shipped, cancelled or fully refunded, and with a return asked for; their support
 * answers and rating; ranked by GMV, then orders, then id.
 */
export function sellerPerformance(
  paid: PaidOrderInRange[],
  support: SellerSupportFigure[],
  profiles: Map<string, SellerProfileFacts>,
) {
  const sellers = new Map<
    string,
    {
      parts: { paidAt: number; shippedAt: number | null; status: string; returnRequested: boolean }[];
      gmv: number;
      units: number;
    }
  >();
  for (const order of paid) {
    for (const part of order.parts) {
      const seller = sellers.get(part.sellerId) ?? { parts: [], gmv: 0, units: 0 };
      seller.parts.push({ paidAt: order.paidAt, ...part });
      for (const line of order.lines.filter((line) => line.sellerOrderId === part.sellerOrderId)) {
        seller.gmv += line.lineTotal;
        seller.units += line.quantity;
      }
      sellers.set(part.sellerId, seller);
    }
  }
  const supportOf = new Map(support.map((figure) => [figure.sellerId, figure]));
  const rows = [...sellers].map(([sellerId, seller]) => {
    const shipped = seller.parts.filter((part) => part.shippedAt !== null);
    const profile = profiles.get(sellerId);
    const help = supportOf.get(sellerId);
    return {
      sellerId,
      storeName: profile?.storeName ?? "",
      orders: seller.parts.length,
      gmv: seller.gmv,
      units: seller.units,
      averageHoursToShip: mean(
        shipped.map((part) => ((part.shippedAt as number) - part.paidAt) / 3_600_000),
        1,
      ),
      fulfilmentRate: ratio(shipped.length, seller.parts.length),
      cancellationRate: ratio(seller.parts.filter((part) => CANCELLED.has(part.status)).length, seller.parts.length),
      returnRate: ratio(seller.parts.filter((part) => part.returnRequested).length, seller.parts.length),
      supportTickets: help?.tickets ?? 0,
      supportAnswered: help?.answered ?? 0,
      medianFirstResponseMinutes: help?.medianFirstResponseMinutes ?? null,
      rating:
        profile && profile.ratingCount > 0 ? Math.round((profile.ratingTotal / profile.ratingCount) * 100) / 100 : null,
      ratingCount: profile?.ratingCount ?? 0,
    };
  });
  rows.sort((a, b) => b.gmv - a.gmv || b.orders - a.orders || a.sellerId.localeCompare(b.sellerId));
  return rows.map((row, index) => ({ rank: index + 1, ...row }));
}
export type SellerWeek = ReturnType<typeof sellerPerformance>[number];
