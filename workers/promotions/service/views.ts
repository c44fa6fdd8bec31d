import type { Money } from "../../lib/money";
import type { PromotionView } from "../schemas";
import type { PromotionRow } from "../store/promotions";

const iso = (ms: number) => new Date(ms).toISOString();

/** A promotion as its owner and admins read it: money as Money, times as ISO, uses paid and held. */
export function promotionView(row: PromotionRow): PromotionView {
  const money = (amount: number | null): Money | null => (amount === null ? null : { amount, currency: row.currency });
  return {
    id: row.id,
    sellerId: row.sellerId,
    fundedBy: row.fundedBy,
    name: row.name,
    code: row.code,
    kind: row.kind,
    percentOff: row.percentOff,
    amountOff: money(row.amountOff),
    buyQuantity: row.buyQuantity,
    getQuantity: row.getQuantity,
    bundleQuantity: row.bundleQuantity,
    bundlePrice: money(row.bundlePrice),
    minimumSpend: { amount: row.minimumSpend, currency: row.currency },
    targets: row.targets,
    validFrom: iso(row.validFrom),
    validUntil: row.validUntil === null ? null : iso(row.validUntil),
    usageLimit: row.usageLimit,
    perBuyerLimit: row.perBuyerLimit,
    stackable: row.stackable,
    status: row.status,
    uses: row.usesCount,
    usesHeld: row.usesHeld,
    version: row.version,
    createdAt: iso(row.createdAt),
    updatedAt: iso(row.updatedAt),
  };
}

/** The promotion's strong validator: its version, which every change raises. */
export const etagOf = (promotion: { version: number }) => `"${promotion.version}"`;

/** Whether an `If-Match` names this version (`*` names any); absent, nothing is asked. */
export function matchesIfMatch(header: string | undefined, promotion: { version: number }): boolean {
  if (header === undefined) return true;
  const tags = header.split(",").map((tag) => tag.trim());
  return tags.includes("*") || tags.includes(etagOf(promotion));
}
