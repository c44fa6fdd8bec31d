import { describe, expect, it } from "vitest";
import { cosineNeighbours, hitRateAt, personalRanking } from "../../workers/insights/recommendations/scores";

// Four orders: A with B twice, A with C once, B alone once. |A| = 3, |B| = 3, |C| = 1.
const orders = [["A", "B"], ["A", "B"], ["A", "C"], ["B"]];

describe("bought together, cosine-normalised", () => {
  it("scores each pair |A∩B| / √(|A|·|B|) in millionths, best first", () => {
    const neighbours = cosineNeighbours(orders);
    // A–B: 2 / √(3·3) = 0.666667; A–C: 1 / √(3·1) = 0.577350.
    expect(neighbours.get("A")).toEqual([
      { isbn13: "B", score: 666_667 },
      { isbn13: "C", score: 577_350 },
    ]);
    expect(neighbours.get("B")).toEqual([{ isbn13: "A", score: 666_667 }]);
    expect(neighbours.get("C")).toEqual([{ isbn13: "A", score: 577_350 }]);
  });

  it("keeps the top n and counts an edition once per basket", () => {
    const neighbours = cosineNeighbours([["A", "A", "B", "C", "D"]], 2);
    expect(neighbours.get("A")).toEqual([
      { isbn13: "B", score: 1_000_000 },
      { isbn13: "C", score: 1_000_000 },
    ]);
  });
});

describe("a reader's ranking", () => {
  it("sums the neighbours of what they bought (twice) and viewed, leaving out what they bought", () => {
    const neighbours = cosineNeighbours(orders);
    const ranking = personalRanking({ bought: ["A"], viewed: ["C", "B"] }, (isbn) => neighbours.get(isbn) ?? []);
    // B: 2·0.666667 (from A); C: 2·0.577350 (from A); A, bought, is left out though B and C lead to it.
    expect(ranking).toEqual([
      { isbn13: "B", score: 1_333_334 },
      { isbn13: "C", score: 1_154_700 },
    ]);
  });
});

describe("hit rate @k on a held-out split", () => {
  it("holds out each buyer's last purchase and finds it among the top k recommended without it", () => {
    // Buyers' purchases in order; the last is held out, the rest train the recommender.
    const buyers = [
      ["T1", "T2", "T3"],
      ["T1", "T2", "T3"],
      ["T2", "T3", "T1"],
      ["S1", "S2", "S3"],
      ["S1", "S2", "X"],
    ];
    const training = buyers.map((bought) => bought.slice(0, -1));
    const neighbours = cosineNeighbours(training);
    const cases = buyers.map((bought) => ({
      heldOut: bought.at(-1)!,
      recommended: personalRanking(
        { bought: bought.slice(0, -1), viewed: [] },
        (isbn) => neighbours.get(isbn) ?? [],
      ).map((entry) => entry.isbn13),
    }));
    // T3 follows T1+T2 for the first two, T1 follows T2+T3 for the third; S3 and X were never seen with S1, S2.
    expect(cases.map((c) => c.recommended)).toEqual([["T3"], ["T3"], ["T1"], [], []]);
    expect(hitRateAt(10, cases)).toBe(3 / 5);
    expect(hitRateAt(10, [])).toBe(0);
  });
});
