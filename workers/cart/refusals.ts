import { AppError } from "../http/errors";
import { formatMoney } from "../lib/money";
import type { RefusedCode } from "../promotions";

/** Codes in a sentence: "A", "A and B", "A, B and C". */
function listed(codes: string[]): string {
  if (codes.length <= 1) return codes[0] ?? "the code already applied";
  return `${codes.slice(0, -1).join(", ")} and ${codes.at(-1)}`;
}

/**
 * Why a promotion code does not apply, in words a buyer reads: the 422's detail, and a kept code's note in the cart
 * view once it stops applying. `appliedCodes` are the codes that did apply, which a code that does not stack meets.
 */
export function refusalDetail(refused: RefusedCode, currency: string, appliedCodes: string[]): string {
  const { code } = refused;
  switch (refused.reason) {
    case "promotion_expired":
      return `${code} has ended.`;
    case "promotion_not_applicable":
      return `${code} is not a promotion that applies to the books in this cart.`;
    case "minimum_not_met":
      return (
        `${code} needs ${formatMoney({ amount: refused.minimumSpend ?? 0, currency })} of qualifying books; ` +
        `the cart has ${formatMoney({ amount: refused.spend ?? 0, currency })}.`
      );
    case "usage_limit_reached":
      return `${code} has been used as many times as it may be.`;
    case "promotion_not_stackable":
      return `${code} cannot be combined with ${listed(appliedCodes)}: an order takes one code unless every code is stackable.`;
  }
}

/** The 422 for a code that does not apply: its refusal reason is the problem's `code`. */
export function refusalError(refused: RefusedCode, currency: string, appliedCodes: string[]): AppError {
  const minimum =
    refused.reason === "minimum_not_met"
      ? {
          minimumSpend: { amount: refused.minimumSpend ?? 0, currency },
          spend: { amount: refused.spend ?? 0, currency },
        }
      : {};
  return new AppError(refused.reason, refusalDetail(refused, currency, appliedCodes), {
    promotionCode: refused.code,
    ...minimum,
  });
}
