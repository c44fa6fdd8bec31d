import type { TAX_CLASSES, TaxLine } from "../../schema/tax";

/**
 * The tax engine. Prices are tax-inclusive, so tax is broken out of what is charged, never added to it: per rate,
 * tax = round(taxable × rate / (10000 + rate)). A seller order is taxed on its own (books at the books rate, cover
 * options at the standard rate, shipping at the class of its main item); an order's tax lines are its seller
 * orders' added up, so the two always agree to the cent.
 */

export type TaxClass = (typeof TAX_CLASSES)[number];

/** The rates in force for one destination, per class; a class without a rate is taxed at 0. */
export type Rates = Partial<Record<TaxClass, { rate: number; name: string }>>;

export interface TaxablePart {
  taxClass: TaxClass;
  /** Tax-inclusive minor units. */
  amount: number;
}

const NO_TAX = { rate: 0, name: "No tax" };

/** Tax included in `taxable` at `rate` basis points. */
export const includedTax = (taxable: number, rate: number) => Math.round((taxable * rate) / (10_000 + rate));

/** The tax lines of one seller order's parts, one per class and rate, classes in a fixed order. */
export function taxLinesOf(parts: TaxablePart[], rates: Rates): TaxLine[] {
  const byClass = new Map<TaxClass, number>();
  for (const part of parts) byClass.set(part.taxClass, (byClass.get(part.taxClass) ?? 0) + part.amount);
  return [...byClass.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .filter(([, taxable]) => taxable > 0)
    .map(([taxClass, taxable]) => {
      const { rate, name } = rates[taxClass] ?? NO_TAX;
      return { taxClass, rate, name, taxable, tax: includedTax(taxable, rate) };
    });
}

/** Several totals' tax lines added up per class and rate (an order's, from its seller orders'). */
export function addTaxLines(lists: TaxLine[][]): TaxLine[] {
  const sums = new Map<string, TaxLine>();
  for (const line of lists.flat()) {
    const key = `${line.taxClass}:${line.rate}`;
    const sum = sums.get(key);
    if (sum) {
      sum.taxable += line.taxable;
      sum.tax += line.tax;
    } else sums.set(key, { ...line });
  }
  return [...sums.values()].sort((a, b) => a.taxClass.localeCompare(b.taxClass) || a.rate - b.rate);
}

export const taxTotal = (lines: TaxLine[]) => lines.reduce((sum, line) => sum + line.tax, 0);

/** One seller order's line as taxed: what is paid for its books (after discounts) and for its cover options. */
export interface TaxedLine {
  booksPaid: number;
  coversPaid: number;
}

/**
 * A seller order's tax lines: books at the books rate, covers at the standard rate, and shipping at the class of
 * the main item. Every item sold here is a book (a cover option is a service on one), so shipping goes with books.
 */
export function sellerOrderTax(lines: TaxedLine[], shipping: number, rates: Rates): TaxLine[] {
  const books = lines.reduce((sum, line) => sum + line.booksPaid, 0);
  const covers = lines.reduce((sum, line) => sum + line.coversPaid, 0);
  return taxLinesOf(
    [
      { taxClass: "books", amount: books },
      { taxClass: "standard", amount: covers },
      { taxClass: "books", amount: shipping },
    ],
    rates,
  );
}
