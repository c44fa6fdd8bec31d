import { z } from "@hono/zod-openapi";

/**
 * Listings on this marketplace are priced in one currency, so "lowest price" and price filters compare like
 * with like. A second currency needs exchange rates and per-currency summaries first.
 */
export const MARKETPLACE_CURRENCY = "EUR";

/** Money in integer minor units plus an ISO 4217 code, never a float. */
export const MoneySchema = z
  .object({
    amount: z.number().int().nonnegative().max(100_000_000),
    currency: z.string().regex(/^[A-Z]{3}$/, "an ISO 4217 code such as EUR"),
  })
  .openapi("Money", { example: { amount: 1299, currency: "EUR" } });

export type Money = z.infer<typeof MoneySchema>;

/** `1299 EUR` → "12.99 EUR", as mail and receipts show it (two minor digits, the currency after). */
export function formatMoney({ amount, currency }: Money): string {
  const sign = amount < 0 ? "-" : "";
  const abs = Math.abs(amount);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")} ${currency}`;
}
