import type { PROMOTION_KINDS } from "../../../schema/promotions";
import { AppError, type FieldError } from "../../http/errors";
import { MARKETPLACE_CURRENCY, type Money } from "../../lib/money";

/** What makes a promotion valid beyond its fields' shapes: each kind's terms, the currency, the time window. */

type Kind = (typeof PROMOTION_KINDS)[number];

/** A kind's terms as stored: minor units for money, null where the kind has no such term. */
export interface KindTerms {
  percentOff: number | null;
  amountOff: number | null;
  buyQuantity: number | null;
  getQuantity: number | null;
  bundleQuantity: number | null;
  bundlePrice: number | null;
}

export const TERM_NAMES = [
  "percentOff",
  "amountOff",
  "buyQuantity",
  "getQuantity",
  "bundleQuantity",
  "bundlePrice",
] as const satisfies readonly (keyof KindTerms)[];

/** The terms each kind needs, and no other kind may carry. */
const TERMS_OF: Record<Kind, readonly (keyof KindTerms)[]> = {
  percent_off: ["percentOff"],
  amount_off: ["amountOff"],
  buy_x_get_y: ["buyQuantity", "getQuantity"],
  fixed_price_bundle: ["bundleQuantity", "bundlePrice"],
};

const kindOf = (term: keyof KindTerms) => (Object.keys(TERMS_OF) as Kind[]).find((k) => TERMS_OF[k].includes(term))!;

/** 422 naming each field at fault, as a zod failure names them. */
export function unprocessable(errors: FieldError[]): AppError {
  return new AppError("unprocessable", `The promotion cannot be saved: ${errors.map((e) => e.path).join(", ")}`, {
    errors,
  });
}

/** Each term the kind needs and lacks, or carries from another kind, is refused by name. */
export function checkTerms(kind: Kind, terms: KindTerms): void {
  const errors = TERM_NAMES.flatMap((name): FieldError[] => {
    const needed = TERMS_OF[kind].includes(name);
    if (needed && terms[name] === null) return [{ path: name, message: `required for a ${kind} promotion` }];
    if (!needed && terms[name] !== null) {
      return [{ path: name, message: `only for a ${kindOf(name)} promotion, not ${kind}` }];
    }
    return [];
  });
  if (errors.length > 0) throw unprocessable(errors);
}

/** Minor units of an amount in the marketplace's currency; another currency is 422 `unsupported_currency`. */
export function marketplaceAmount(money: Money, path: string): number {
  if (money.currency !== MARKETPLACE_CURRENCY) {
    throw new AppError("unsupported_currency", `Promotions on this marketplace are in ${MARKETPLACE_CURRENCY}.`, {
      errors: [{ path: `${path}.currency`, message: `must be ${MARKETPLACE_CURRENCY}` }],
    });
  }
  return money.amount;
}

/** A promotion stops after it starts. */
export function checkWindow(validFrom: number, validUntil: number | null): void {
  if (validUntil !== null && validUntil <= validFrom) {
    throw unprocessable([{ path: "validUntil", message: "must be after validFrom" }]);
  }
}

/** A total limit cannot go below the uses already held by orders (paid or still to pay). */
export function checkUsageLimit(usageLimit: number | null | undefined, usesHeld: number): void {
  if (typeof usageLimit === "number" && usageLimit < usesHeld) {
    throw unprocessable([
      { path: "usageLimit", message: `must be at least ${usesHeld}, the uses orders already hold` },
    ]);
  }
}
