/** Words too common to say anything about a book or its sale. */
const STOP_WORDS = new Set(
  (
    "the and for are but not you all any can had her was one our out his has have him how its may new now old see " +
    "two way who did get got let put say she too use this that with from they them then than there their what when " +
    "where which while will would could should about after again also been being both each even ever just like " +
    "made make many more most much only other over same some such very into your yours were book books read " +
    "reading really quite here it's i'm"
  ).split(" "),
);

/** Lowercase words of three letters or more, stop words left out: what a review is about. */
export function keywordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}']+/gu) ?? []).filter((word) => word.length >= 3 && !STOP_WORDS.has(word));
}

/** The `limit` most frequent keywords of these texts, most frequent first, ties in alphabetical order. */
export function topKeywords(texts: string[], limit = 10): { word: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const text of texts) for (const word of keywordsOf(text)) counts.set(word, (counts.get(word) ?? 0) + 1);
  return [...counts]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word))
    .slice(0, limit);
}
