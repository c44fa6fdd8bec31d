import type { ListingView } from "../../workers/catalog/offers";
import type { SalePriceView } from "../../workers/catalog/sale-prices";
import { api, json, type TestSeller } from "./identity";

/** Sale prices through the seller API, and the moments tests schedule them at. */

export const MINUTE = 60_000;

/** The start of the current minute (epoch ms): a sale from then takes effect at the next run of the minute job. */
export const thisMinute = () => Math.floor(Date.now() / MINUTE) * MINUTE;

/**
 * The start of the current minute, for a sale in force from now. The API refuses a start over a minute in the past,
 * so late in a minute (under 20 s left) this waits for the next one: a slow request never carries a start that has
 * become too old.
 */
export async function minuteStart(): Promise<number> {
  const left = MINUTE - (Date.now() % MINUTE);
  if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 50));
  return thisMinute();
}

export const iso = (at: number) => new Date(at).toISOString();

export const eur = (amount: number) => ({ amount, currency: "EUR" });

export function postSale(seller: TestSeller, listingId: string, body: Record<string, unknown>) {
  return api(`/v1/seller/listings/${listingId}/sale-prices`, json(body, { headers: seller.auth }));
}

/** A sale at `amount` from `from` for `minutes`, which must be accepted (201). */
export async function scheduleSale(
  seller: TestSeller,
  listingId: string,
  sale: { amount: number; from: number; minutes: number },
): Promise<SalePriceView> {
  const response = await postSale(seller, listingId, {
    price: eur(sale.amount),
    from: iso(sale.from),
    until: iso(sale.from + sale.minutes * MINUTE),
  });
  if (response.status !== 201) throw new Error(`sale not scheduled: ${response.status} ${await response.text()}`);
  return response.json<SalePriceView>();
}

export async function salesOf(seller: TestSeller, listingId: string, query = "") {
  const response = await api(`/v1/seller/listings/${listingId}/sale-prices${query}`, { headers: seller.auth });
  if (response.status !== 200) throw new Error(`sales not listed: ${response.status} ${await response.text()}`);
  return response.json<{ items: SalePriceView[]; nextCursor: string | null }>();
}

export async function sellerView(seller: TestSeller, listingId: string): Promise<ListingView> {
  return (await api(`/v1/seller/listings/${listingId}`, { headers: seller.auth })).json<ListingView>();
}

export function removeSale(seller: TestSeller, listingId: string, salePriceId: string) {
  return api(`/v1/seller/listings/${listingId}/sale-prices/${salePriceId}`, {
    method: "DELETE",
    headers: seller.auth,
  });
}
