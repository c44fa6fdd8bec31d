/**
 * When sale prices take effect, worked out without the database: the minute job switches a listing's price at
 * the first tick at or after a sale's moment, so moments are whole minutes, and the price history records each
 * change at its sale's moment, not the tick's.
 */

const MINUTE_MS = 60_000;

/** A moment rounded down to its minute (epoch ms). */
export function wholeMinute(at: number): number {
  return Math.floor(at / MINUTE_MS) * MINUTE_MS;
}

/** A sale as the switch sees it: a pending one (scheduled or in force). */
export interface PendingSale {
  id: string;
  amount: number;
  startsAt: number;
  endsAt: number;
  state: "scheduled" | "in_force" | "ended";
}

/** What a switch does to one listing. */
export interface PriceSwitch {
  /** Sales that start now (scheduled → in force). */
  started: string[];
  /** Sales that are over: the one in force that ended, and scheduled ones that never took effect. */
  ended: string[];
  /** Each change of the price in force, at the moment it took effect, oldest first. */
  changes: { amount: number; at: number }[];
  /** The price in force after the switch. */
  price: number;
  /** The regular price while a sale is in force after the switch, null otherwise. */
  listPrice: number | null;
}

/**
 * The listing's prices at `now`, given its stored prices and its sales that are in force or due. The sale in force
 * ends at its end; a due scheduled sale starts at its start, unless it is already over (no tick ran while it
 * lasted) or is not below the regular price any more (the seller lowered it since), and then it ends without
 * taking effect. Two changes at one moment (one sale ends as the next starts) are one change.
 */
export function switchPrices(
  listing: { priceAmount: number; listPriceAmount: number | null },
  sales: PendingSale[],
  now: number,
): PriceSwitch {
  const regular = listing.listPriceAmount ?? listing.priceAmount;
  const started: string[] = [];
  const ended: string[] = [];
  const moments: { amount: number; at: number }[] = [];
  let onSale = false;
  for (const sale of [...sales].sort((a, b) => a.startsAt - b.startsAt)) {
    if (sale.state === "in_force") {
      if (sale.endsAt > now) onSale = true;
      else {
        ended.push(sale.id);
        moments.push({ amount: regular, at: sale.endsAt });
      }
    } else if (sale.state === "scheduled" && sale.startsAt <= now) {
      if (sale.endsAt <= now || sale.amount >= regular) ended.push(sale.id);
      else {
        started.push(sale.id);
        moments.push({ amount: sale.amount, at: sale.startsAt });
        onSale = true;
      }
    }
  }
  const changes: { amount: number; at: number }[] = [];
  let price = listing.priceAmount;
  for (const [index, moment] of moments.entries()) {
    if (moments[index + 1]?.at === moment.at || moment.amount === price) continue;
    changes.push(moment);
    price = moment.amount;
  }
  return { started, ended, changes, price, listPrice: onSale ? regular : null };
}
