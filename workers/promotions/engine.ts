import type { LineDiscount, PromotionTargets } from "../../schema/promotions";

import { allocate } from "../lib/money";

/**
 * The discount engine: which promotions apply to a cart's lines and what each takes off which line, in minor
 * units. Pure (no I/O, the clock given), so the cart view and the checkout price alike and property tests can
 * run it a thousand times. Promotions discount the books' prices only, never cover options or shipping.
 *
 * Order and stacking: automatic promotions first, each owner's (every seller's, then the marketplace's) on its
 * own: the owner's best non-stackable promotion, then all its stackable ones. Codes after, in the order the buyer
 * entered them; a second code is accepted only when it and every code before it are stackable. Each promotion
 * works on what the promotions before it left of a line, and never takes a line below zero.
 */

export interface PricingLine {
  lineId: string;
  listingId: string;
  sellerId: string;
  quantity: number;
  /** The price in force of one copy (the book only). */
  unitPrice: number;
  /** The cover option's price of one copy. */
  coverPrice: number;
  /** The edition's categories and all their ancestors. */
  categoryIds: string[];
  condition: string;
  format: string;
}

export type PromotionKind = "percent_off" | "amount_off" | "buy_x_get_y" | "fixed_price_bundle";

/** A promotion as the engine needs it, with how often it has been used (by everyone and by this buyer). */
export interface Offer {
  id: string;
  sellerId: string | null;
  fundedBy: "seller" | "platform";
  name: string;
  code: string | null;
  kind: PromotionKind;
  percentOff: number | null;
  amountOff: number | null;
  buyQuantity: number | null;
  getQuantity: number | null;
  bundleQuantity: number | null;
  bundlePrice: number | null;
  minimumSpend: number;
  targets: PromotionTargets;
  validFrom: number;
  validUntil: number | null;
  usageLimit: number | null;
  perBuyerLimit: number | null;
  stackable: boolean;
  status: "active" | "paused" | "ended";
  usesHeld: number;
  /** This buyer's uses held by unpaid orders or made by paid ones. */
  buyerUses: number;
}

export type Refusal =
  | "promotion_expired"
  | "promotion_not_applicable"
  | "minimum_not_met"
  | "usage_limit_reached"
  | "promotion_not_stackable";

export interface AppliedPromotion {
  offer: Offer;
  amount: number;
  /** What it took off each line it touched (lines it counted but left whole appear with 0). */
  lines: Map<string, number>;
}

/** A code that could not be applied, and why; a missed minimum says what was needed and what the books came to. */
export interface RefusedCode {
  code: string;
  reason: Refusal;
  /** minimum_not_met: the promotion's minimum spend and what its qualifying books came to, in minor units. */
  minimumSpend?: number;
  spend?: number;
}

export interface Pricing {
  /** Each line's discounts, in the order applied; a line without any is absent. */
  discounts: Map<string, LineDiscount[]>;
  applied: AppliedPromotion[];
  /** Codes that could not be applied, and why. */
  refused: RefusedCode[];
}

const intersects = (wanted: string[], have: string[]) => wanted.length === 0 || wanted.some((id) => have.includes(id));

/** Whether a line's copies count toward the offer: its owner's listings, then the offer's targets. */
export function qualifies(offer: Pick<Offer, "sellerId" | "targets">, line: PricingLine): boolean {
  const { targets } = offer;
  return (
    (offer.sellerId === null || offer.sellerId === line.sellerId) &&
    intersects(targets.listingIds, [line.listingId]) &&
    intersects(targets.categoryIds, line.categoryIds) &&
    intersects(targets.conditions, [line.condition]) &&
    intersects(targets.formats, [line.format])
  );
}

/** Why the offer cannot be used at all right now, whatever the cart holds. */
export function unusable(offer: Offer, now: number): Refusal | null {
  if (offer.status === "ended" || (offer.validUntil !== null && now >= offer.validUntil)) return "promotion_expired";
  if (offer.status !== "active" || now < offer.validFrom) return "promotion_not_applicable";
  if (offer.usageLimit !== null && offer.usesHeld >= offer.usageLimit) return "usage_limit_reached";
  if (offer.perBuyerLimit !== null && offer.buyerUses >= offer.perBuyerLimit) return "usage_limit_reached";
  return null;
}

interface Unit {
  lineId: string;
  value: number;
}

/** The qualifying lines' copies, most valuable first; a line's remaining amount split exactly over its copies. */
function unitsOf(lines: PricingLine[], remaining: Map<string, number>): Unit[] {
  const units: Unit[] = [];
  for (const line of lines) {
    const values = allocate(remaining.get(line.lineId)!, Array(line.quantity).fill(1));
    for (const value of values) units.push({ lineId: line.lineId, value });
  }
  return units.sort((a, b) => b.value - a.value);
}

function addTo(shares: Map<string, number>, lineId: string, amount: number) {
  shares.set(lineId, (shares.get(lineId) ?? 0) + amount);
}

/** Spreads `total` over the lines in proportion to what is left of them. */
function proRata(lines: PricingLine[], remaining: Map<string, number>, total: number): Map<string, number> {
  const weights = lines.map((line) => remaining.get(line.lineId)!);
  const parts = allocate(total, weights);
  return new Map(lines.map((line, index) => [line.lineId, parts[index]!]));
}

/** What is left of the offer's qualifying books after the promotions before it: what its minimum spend is held to. */
const qualifyingSpend = (qualifying: PricingLine[], remaining: Map<string, number>) =>
  qualifying.reduce((sum, line) => sum + remaining.get(line.lineId)!, 0);

/** What the offer takes off each qualifying line, or why it takes nothing. */
function discountOf(offer: Offer, lines: PricingLine[], remaining: Map<string, number>): Map<string, number> | Refusal {
  const qualifying = lines.filter((line) => qualifies(offer, line));
  if (qualifying.length === 0) return "promotion_not_applicable";
  const spend = qualifyingSpend(qualifying, remaining);
  if (spend < offer.minimumSpend) return "minimum_not_met";
  if (spend === 0) return "promotion_not_applicable";
  switch (offer.kind) {
    case "percent_off":
      return proRata(qualifying, remaining, Math.round((spend * (offer.percentOff ?? 0)) / 100));
    case "amount_off":
      return proRata(qualifying, remaining, Math.min(offer.amountOff ?? 0, spend));
    case "buy_x_get_y": {
      const group = (offer.buyQuantity ?? 0) + (offer.getQuantity ?? 0);
      const units = unitsOf(qualifying, remaining);
      if (group <= 0 || units.length < group) return "promotion_not_applicable";
      const shares = new Map<string, number>(qualifying.map((line) => [line.lineId, 0]));
      for (let start = 0; start + group <= units.length; start += group) {
        // Of each group of buy + get copies (most valuable first), the last `get` are the cheapest: free.
        for (const unit of units.slice(start + (offer.buyQuantity ?? 0), start + group)) {
          addTo(shares, unit.lineId, unit.value);
        }
      }
      return shares;
    }
    case "fixed_price_bundle": {
      const size = offer.bundleQuantity ?? 0;
      const units = unitsOf(qualifying, remaining);
      if (size <= 0 || units.length < size) return "promotion_not_applicable";
      const shares = new Map<string, number>(qualifying.map((line) => [line.lineId, 0]));
      for (let start = 0; start + size <= units.length; start += size) {
        const bundle = units.slice(start, start + size);
        const worth = bundle.reduce((sum, unit) => sum + unit.value, 0);
        const off = Math.max(0, worth - (offer.bundlePrice ?? 0));
        const parts = allocate(
          off,
          bundle.map((unit) => unit.value),
        );
        for (const [index, unit] of bundle.entries()) addTo(shares, unit.lineId, parts[index]!);
      }
      return shares;
    }
  }
}

const total = (shares: Map<string, number>) => [...shares.values()].reduce((sum, amount) => sum + amount, 0);

/** Prices the lines: which of the candidate automatic offers and the entered codes apply, and their shares. */
export function applyPromotions(
  lines: PricingLine[],
  offers: { automatic: Offer[]; codes: Offer[] },
  now: number,
): Pricing {
  const remaining = new Map(lines.map((line) => [line.lineId, line.unitPrice * line.quantity]));
  const pricing: Pricing = { discounts: new Map(), applied: [], refused: [] };
  const apply = (offer: Offer, shares: Map<string, number>) => {
    const amount = total(shares);
    if (amount <= 0) return;
    for (const [lineId, share] of shares) {
      remaining.set(lineId, remaining.get(lineId)! - share);
      if (share === 0) continue;
      const list = pricing.discounts.get(lineId) ?? [];
      list.push({ promotionId: offer.id, code: offer.code, name: offer.name, fundedBy: offer.fundedBy, amount: share });
      pricing.discounts.set(lineId, list);
    }
    pricing.applied.push({ offer, amount, lines: shares });
  };

  const owners = [...new Set(offers.automatic.map((offer) => offer.sellerId))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  for (const owner of owners) {
    const usable = offers.automatic
      .filter((offer) => offer.sellerId === owner && offer.code === null && unusable(offer, now) === null)
      .sort((a, b) => a.id.localeCompare(b.id));
    let best: { offer: Offer; shares: Map<string, number> } | null = null;
    for (const offer of usable.filter((candidate) => !candidate.stackable)) {
      const shares = discountOf(offer, lines, remaining);
      if (typeof shares !== "string" && (!best || total(shares) > total(best.shares))) best = { offer, shares };
    }
    if (best) apply(best.offer, best.shares);
    for (const offer of usable.filter((candidate) => candidate.stackable)) {
      const shares = discountOf(offer, lines, remaining);
      if (typeof shares !== "string") apply(offer, shares);
    }
  }

  const accepted: Offer[] = [];
  for (const offer of offers.codes) {
    const code = offer.code ?? offer.id;
    const reason =
      unusable(offer, now) ??
      (accepted.length > 0 && !(offer.stackable && accepted.every((earlier) => earlier.stackable))
        ? "promotion_not_stackable"
        : null);
    const shares = reason ?? discountOf(offer, lines, remaining);
    if (shares === "minimum_not_met") {
      const spend = qualifyingSpend(
        lines.filter((line) => qualifies(offer, line)),
        remaining,
      );
      pricing.refused.push({ code, reason: shares, minimumSpend: offer.minimumSpend, spend });
      continue;
    }
    if (typeof shares === "string") {
      pricing.refused.push({ code, reason: shares });
      continue;
    }
    if (total(shares) === 0) {
      pricing.refused.push({ code, reason: "promotion_not_applicable" });
      continue;
    }
    accepted.push(offer);
    apply(offer, shares);
  }
  return pricing;
}
