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

/**
 * Splits `total` minor units in proportion to `weights`, by largest remainder: the parts are whole, add up to
 * exactly `total`, and none exceeds its weight when `total` does not exceed the weights' sum. Ties go to the
 * earlier weight; all-zero weights split evenly.
 */
export function allocate(total: number, weights: number[]): number[] {
  if (weights.length === 0) return [];
  const basis = (weights.some((weight) => weight > 0) ? weights : weights.map(() => 1)).map(BigInt);
  const sum = basis.reduce((a, b) => a + b, 0n);
  // BigInt: total × weight can pass 2^53 for large orders.
  const whole = BigInt(total);
  const parts = basis.map((weight) => Number((whole * weight) / sum));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = basis
    .map((weight, index) => ({ index, remainder: (whole * weight) % sum }))
    .sort((a, b) => (b.remainder > a.remainder ? 1 : b.remainder < a.remainder ? -1 : a.index - b.index));
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index]! += 1;
    left -= 1;
  }
  return parts;
}
