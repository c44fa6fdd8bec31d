import { describe, expect, it } from "vitest";
import {
  booleanModeGroups,
  correctedQuery,
  correctTerm,
  deletions,
  editDistance,
  lookupKeys,
  MAX_LOOKUP_KEYS,
  matchExpression,
  tokenize,
  typoCost,
  variantsOf,
  withoutStopwords,
} from "../../workers/catalog/search";

describe("search text analysis", () => {
  it("tokenizes like FTS5's unicode61 with diacritics removed", () => {
    expect(tokenize("García Márquez — Cien años de soledad")).toEqual([
      "garcia",
      "marquez",
      "cien",
      "anos",
      "de",
      "soledad",
    ]);
    expect(tokenize("J. R. R. Tolkien's")).toEqual(["j", "r", "r", "tolkien", "s"]);
    expect(tokenize("0-261-10221-4")).toEqual(["0", "261", "10221", "4"]);
  });

  it("stores a term under itself and its one-letter deletions", () => {
    expect(deletions("hobbit").sort()).toEqual(["hbbit", "hobbi", "hobbt", "hobit", "obbit"]);
    expect(variantsOf("hobbit")).toContain("hobbit");
    expect(variantsOf("hobbit")).toContain("hobit");
    expect(variantsOf("of")).toEqual(["of"]);
  });

  it("measures edits with adjacent swaps costing one", () => {
    expect(editDistance("tolkein", "tolkien")).toBe(1);
    expect(editDistance("hobit", "hobbit")).toBe(1);
    expect(editDistance("hobbitt", "hobbit")).toBe(1);
    expect(editDistance("hobit", "habit")).toBe(1);
    expect(editDistance("silmarilion", "silmarillion")).toBe(1);
    expect(editDistance("abc", "xyz")).toBe(3);
  });

  it("weights the commonest slips (doubled letters, swaps) below a wrong letter", () => {
    expect(typoCost("hobit", "hobbit")).toBe(0.5);
    expect(typoCost("hobbitt", "hobbit")).toBe(0.5);
    expect(typoCost("tolkein", "tolkien")).toBe(0.5);
    expect(typoCost("hobit", "habit")).toBe(1);
    expect(typoCost("hobbit", "hobbit")).toBe(0);
  });

  it("replaces an unknown word by its closest, most common neighbours and keeps known ones", () => {
    const fixed = correctTerm("hobit", [
      { term: "hobbit", docCount: 3 },
      { term: "habit", docCount: 1 },
      { term: "orbit", docCount: 9 },
    ]);
    // "hobbit" is one undoubled letter away, "habit" one wrong letter: the usual slip wins.
    expect(fixed).toEqual({ typed: "hobit", searched: ["hobbit"], corrected: true, frequency: 0 });
    expect(
      correctTerm("tolkein", [
        { term: "tolkien", docCount: 4 },
        { term: "tolken", docCount: 9 },
      ]).searched,
    ).toEqual(["tolkien"]);
    expect(correctTerm("hobbit", [{ term: "hobbit", docCount: 3 }]).searched).toEqual(["hobbit"]);
    expect(correctTerm("the", []).searched).toEqual(["the"]);
    expect(correctTerm("zzzzzz", []).searched).toEqual(["zzzzzz"]);
  });

  it("drops short words common enough to say nothing, unless nothing else is left", () => {
    const the = { typed: "the", searched: ["the"], corrected: false, frequency: 400 };
    const hobbit = { typed: "hobbit", searched: ["hobbit"], corrected: false, frequency: 4 };
    const art = { typed: "art", searched: ["art"], corrected: false, frequency: 3 };
    expect(withoutStopwords([the, hobbit], 1000)).toEqual({ searched: [hobbit], dropped: ["the"] });
    expect(withoutStopwords([the, art], 1000)).toEqual({ searched: [art], dropped: ["the"] });
    expect(withoutStopwords([the], 1000)).toEqual({ searched: [the], dropped: [] });
    expect(withoutStopwords([the, hobbit], 100_000).dropped).toEqual([]);
  });

  it("builds a safe FTS5 expression: quoted terms, alternatives OR-ed, terms AND-ed", () => {
    const terms = [
      { typed: "the", searched: ["the"], corrected: false },
      { typed: "hobit", searched: ["hobbit", "habit"], corrected: true },
    ];
    expect(matchExpression(terms)).toBe('"the" AND ("hobbit" OR "habit")');
    expect(matchExpression(terms, { prefixLast: true, columns: ["title", "authors"] })).toBe(
      '{title authors} : ("the" AND ("hobbit"* OR "habit"*))',
    );
    expect(matchExpression([{ typed: 'a"b', searched: ['a"b'], corrected: false }])).toBe('"a""b"');
    expect(correctedQuery(terms)).toBe("the hobbit");
  });

  it("builds InnoDB boolean-mode groups: alternatives OR-ed, unindexed words left to a pattern, no syntax", () => {
    const the = { typed: "the", searched: ["the"], corrected: false };
    const hobit = { typed: "hobit", searched: ["hobbit", "habit"], corrected: true };
    expect(booleanModeGroups({ terms: [the, hobit] })).toEqual([{ words: ["the"] }, { indexed: "hobbit habit" }]);
    expect(booleanModeGroups({ terms: [the, hobit], prefixLast: true })).toEqual([
      { words: ["the"] },
      { indexed: "hobbit* habit*" },
    ]);
    expect(
      booleanModeGroups({ terms: [{ typed: "it", searched: ["it"], corrected: false }], prefixLast: true }),
    ).toEqual([{ indexed: "it*" }]);
    expect(booleanModeGroups({ terms: [{ typed: "x", searched: ['+(xyz*") -w~'], corrected: false }] })).toEqual([
      { indexed: "xyzw" },
    ]);
    expect(booleanModeGroups({ terms: [{ typed: "+", searched: ["+-"], corrected: false }] })).toEqual([{ words: [] }]);
  });

  it("keeps correction lookups within D1's bound-parameter limit", () => {
    const keys = lookupKeys(["extraordinarily", "misunderstanding", "internationalisation"]);
    expect(keys.length).toBeLessThanOrEqual(MAX_LOOKUP_KEYS);
    expect(keys).toContain("extraordinarily");
  });
});
