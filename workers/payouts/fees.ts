import type { PlatformFee } from "./context";

/**
 * The platform fee on what a seller keeps of a seller order (its lines, covers and shipping less seller-funded
 * discounts and refunds): the percent part rounded half up, plus the fixed part, never more than what is kept.
 * A refund lowers what is kept, so the fee is worked out again on the rest: the percent part of the refunded
 * money goes back to the seller, the fixed part stays until nothing is kept at all.
 */
export function platformFee(kept: number, { basisPoints, fixed }: PlatformFee): number {
  if (kept <= 0) return 0;
  const percent = Math.floor((kept * basisPoints + 5_000) / 10_000);
  return Math.min(percent + fixed, kept);
}

/** `part` of `whole` for `quantity` of `of` copies, rounded half up: a line's discount on the copies refunded. */
export function shareOf(whole: number, quantity: number, of: number): number {
  if (of <= 0 || quantity <= 0) return 0;
  return Math.floor((2 * whole * Math.min(quantity, of) + of) / (2 * of));
}
