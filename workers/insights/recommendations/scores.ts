/**
 * Item-to-item similarity by cosine over sets: two editions score |A ∩ B| / √(|A| · |B|), where A is the set of
 * orders (or view sessions) holding the first and B those holding the second. A best seller does not crowd out
 * everything else, as raw co-occurrence counts would, and a pair seen once among few scores less than a habit.
 */

/** How many editions a recommendation list keeps per edition. */
export const TOP_PER_EDITION = 20;
/** Scores are stored as integers: millionths of a perfect match. */
export const SCORE_SCALE = 1_000_000;

export interface Neighbour {
  isbn13: string;
  score: number;
}

/** Each edition's top neighbours from baskets (an order's editions, or one viewer's editions of one day). */
export function cosineNeighbours(baskets: Iterable<Iterable<string>>, top = TOP_PER_EDITION): Map<string, Neighbour[]> {
  const occurrences = new Map<string, number>();
  const together = new Map<string, Map<string, number>>();
  for (const basket of baskets) {
    const items = [...new Set(basket)].sort();
    for (const item of items) occurrences.set(item, (occurrences.get(item) ?? 0) + 1);
    for (const a of items) {
      const row = together.get(a) ?? new Map<string, number>();
      for (const b of items) if (a !== b) row.set(b, (row.get(b) ?? 0) + 1);
      together.set(a, row);
    }
  }
  const neighbours = new Map<string, Neighbour[]>();
  for (const [a, row] of together) {
    const ranked = [...row]
      .map(([b, both]) => ({
        isbn13: b,
        score: Math.round((both / Math.sqrt((occurrences.get(a) ?? 1) * (occurrences.get(b) ?? 1))) * SCORE_SCALE),
      }))
      .sort((x, y) => y.score - x.score || x.isbn13.localeCompare(y.isbn13))
      .slice(0, top);
    if (ranked.length > 0) neighbours.set(a, ranked);
  }
  return neighbours;
}

/**
 * A reader's ranking: each edition's neighbours of the editions they bought or looked at, summed (a purchase
 * weighs twice a view), leaving out what they bought. Ties go by ISBN so the order is stable.
 */
export function personalRanking(
  history: { bought: string[]; viewed: string[] },
  neighboursOf: (isbn13: string) => Neighbour[],
): Neighbour[] {
  const bought = new Set(history.bought);
  const sums = new Map<string, number>();
  const weigh = (isbns: Iterable<string>, weight: number) => {
    for (const source of isbns)
      for (const { isbn13, score } of neighboursOf(source))
        if (!bought.has(isbn13)) sums.set(isbn13, (sums.get(isbn13) ?? 0) + score * weight);
  };
  weigh(bought, 2);
  weigh(new Set(history.viewed), 1);
  return [...sums]
    .map(([isbn13, score]) => ({ isbn13, score }))
    .sort((x, y) => y.score - x.score || x.isbn13.localeCompare(y.isbn13));
}

/** Hit rate @k: the share of held-out purchases found among the first k recommendations made without them. */
export function hitRateAt(k: number, cases: { heldOut: string; recommended: string[] }[]): number {
  if (cases.length === 0) return 0;
  const hits = cases.filter(({ heldOut, recommended }) => recommended.slice(0, k).includes(heldOut)).length;
  return hits / cases.length;
}
