import type { Services } from "../platform/services";
import * as store from "./store";

/** One seller's support figures over a range: tickets addressed to them, how many they answered, how fast. */
export interface SellerSupportFigure {
  sellerId: string;
  tickets: number;
  answered: number;
  medianFirstResponseMinutes: number | null;
}

const median = (values: number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Tickets addressed to each seller opened in [from, to) epoch ms; the first response is the seller's first message. */
export async function sellerSupportFigures(
  ctx: { services: Services },
  range: { from: number; to: number },
): Promise<SellerSupportFigure[]> {
  const bySeller = new Map<string, { tickets: number; responses: number[] }>();
  for (const row of await store.sellerTicketsOpenedIn(ctx.services.db, range.from, range.to)) {
    const figure = bySeller.get(row.sellerId!) ?? { tickets: 0, responses: [] };
    figure.tickets += 1;
    if (row.firstSellerReplyAt !== null) figure.responses.push((row.firstSellerReplyAt - row.createdAt) / 60_000);
    bySeller.set(row.sellerId!, figure);
  }
  return [...bySeller]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([sellerId, { tickets, responses }]) => ({
      sellerId,
      tickets,
      answered: responses.length,
      medianFirstResponseMinutes: median(responses),
    }));
}
