/**
 * Text analysis and spelling correction for catalog search, the same for both dialects: only the final
 * expression differs (`matchExpression` for FTS5, `booleanModeGroups` for InnoDB FULLTEXT on MySQL).
 *
 * The FTS5 index (`edition_search`) uses the unicode61 tokenizer with diacritics removed; `tokenize` below
 * splits text the same way, so the vocabulary we keep matches the index's terms (MySQL's indexes split on
 * non-word characters too, and their collation ignores case and accents). Typos are corrected with a
 * symmetric-delete dictionary: every vocabulary term is stored under itself and each of its one-letter
 * deletions (`search_term_variants`), so a misspelt query term finds its candidates with one indexed lookup
 * of its own deletions. Candidates are then checked with the optimal-string-alignment distance (a swap of two
 * neighbouring letters, as in "tolkein", counts as one edit) and ranked by `typoCost`, which makes the
 * commonest slips (a doubled letter, a swap) cheaper than a wrong letter.
 */

/** Terms shorter than this are never corrected: too many words are one edit away from them. */
export const MIN_CORRECTABLE_LENGTH = 4;
/** Terms this long may be two edits away from what was meant. */
const TWO_EDITS_FROM_LENGTH = 8;
/** Vocabulary terms shorter than this are not given deletions (they are still matched exactly). */
const MIN_VARIANT_TERM_LENGTH = 3;
/** At most this many corrections are OR-ed in for one query term. */
const MAX_CORRECTIONS = 3;
/** D1 accepts at most 100 bound parameters per statement. */
export const MAX_LOOKUP_KEYS = 95;

/** Lower-case, diacritics removed, split on anything that is not a letter or a digit (as unicode61 does). */
export function tokenize(text: string): string[] {
  return (
    text
      .normalize("NFKD")
      .replace(/\p{M}+/gu, "")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The vocabulary terms of a search document: distinct tokens of its title, subtitle, authors and description. */
export function vocabularyOf(...texts: (string | null | undefined)[]): string[] {
  return [...new Set(texts.flatMap((text) => (text ? tokenize(text) : [])))];
}

/** The distinct strings one deletion away from `term`. */
export function deletions(term: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < term.length; i++) out.add(term.slice(0, i) + term.slice(i + 1));
  out.delete(term);
  return [...out];
}

/** The keys a vocabulary term is stored under: itself and, for long enough terms, its one-letter deletions. */
export function variantsOf(term: string): string[] {
  return term.length >= MIN_VARIANT_TERM_LENGTH ? [term, ...deletions(term)] : [term];
}

/** The keys to look a query term up by: itself, its deletions and, for long terms, its two-letter deletions. */
function lookupKeysOf(term: string): string[] {
  if (term.length < MIN_CORRECTABLE_LENGTH) return [term];
  const first = deletions(term);
  const keys = new Set([term, ...first]);
  if (term.length >= TWO_EDITS_FROM_LENGTH) for (const d of first) for (const dd of deletions(d)) keys.add(dd);
  return [...keys];
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost one. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * Edit cost weighted by how people mistype: doubling or undoubling a letter ("hobit", "hobbitt") and swapping
 * neighbours ("tolkein") cost half an edit; other insertions, deletions and substitutions cost one.
 */
export function typoCost(typed: string, term: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= typed.length; i++) rows.push(new Array<number>(term.length + 1).fill(0));
  const dropCost = (word: string, at: number) =>
    (at > 0 && word[at] === word[at - 1]) || word[at] === word[at + 1] ? 0.5 : 1;
  for (let i = 1; i <= typed.length; i++) rows[i]![0] = rows[i - 1]![0]! + dropCost(typed, i - 1);
  for (let j = 1; j <= term.length; j++) rows[0]![j] = rows[0]![j - 1]! + dropCost(term, j - 1);
  for (let i = 1; i <= typed.length; i++) {
    for (let j = 1; j <= term.length; j++) {
      const same = typed[i - 1] === term[j - 1];
      let best = Math.min(
        rows[i - 1]![j]! + dropCost(typed, i - 1),
        rows[i]![j - 1]! + dropCost(term, j - 1),
        rows[i - 1]![j - 1]! + (same ? 0 : 1),
      );
      if (i > 1 && j > 1 && typed[i - 1] === term[j - 2] && typed[i - 2] === term[j - 1] && !same) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 0.5);
      }
      rows[i]![j] = best;
    }
  }
  return rows[typed.length]![term.length]!;
}

interface Candidate {
  term: string;
  docCount: number;
}

/** One query term after correction: the terms searched for it (any of them may match). */
export interface AnalysedTerm {
  typed: string;
  searched: string[];
  corrected: boolean;
  /** Editions whose title, subtitle or authors use the typed term (0 when unknown). */
  frequency?: number;
}

/**
 * Chooses what to search for a typed term, given the vocabulary candidates found under its lookup keys.
 * A term in the vocabulary is kept; an unknown term is replaced by its closest, most common neighbours; an
 * unknown term with no neighbour is kept as typed, so it matches nothing rather than silently widening the
 * search.
 */
export function correctTerm(typed: string, candidates: Candidate[]): AnalysedTerm {
  const exact = candidates.find((c) => c.term === typed && c.docCount > 0);
  const frequency = exact?.docCount ?? 0;
  if (typed.length < MIN_CORRECTABLE_LENGTH) return { typed, searched: [typed], corrected: false, frequency };
  if (exact) return { typed, searched: [typed], corrected: false, frequency };
  const allowed = typed.length >= TWO_EDITS_FROM_LENGTH ? 2 : 1;
  const near = candidates
    .filter((c) => c.term !== typed && c.docCount > 0 && editDistance(typed, c.term, allowed) <= allowed)
    .map((c) => ({ ...c, distance: typoCost(typed, c.term) }))
    .sort((x, y) => x.distance - y.distance || y.docCount - x.docCount || x.term.localeCompare(y.term));
  if (near.length === 0) return { typed, searched: [typed], corrected: false, frequency };
  const best = near[0]!.distance;
  const chosen = near.filter((c) => c.distance === best).slice(0, MAX_CORRECTIONS);
  return { typed, searched: chosen.map((c) => c.term), corrected: true, frequency };
}

/** A word this short, in more than this share of editions, says little about which book is meant. */
const STOPWORD_LENGTH = 3;
const STOPWORD_SHARE = 0.02;

/**
 * Drops words like "the", "and", "der" from a query that has other words. FTS5's bm25 counts every edition
 * containing each queried word, so one such word would make a query's cost grow with the catalog; without
 * it, the other words choose the same books. Returns what is searched and what was dropped.
 */
export function withoutStopwords(terms: AnalysedTerm[], documents: number) {
  const isStopword = (term: AnalysedTerm) =>
    term.typed.length <= STOPWORD_LENGTH && (term.frequency ?? 0) > documents * STOPWORD_SHARE;
  const kept = terms.filter((term) => !isStopword(term));
  if (kept.length === 0) return { searched: terms, dropped: [] as string[] };
  return { searched: kept, dropped: terms.filter(isStopword).map((term) => term.typed) };
}

/** Lookup keys for the unknown terms of a query, within D1's bound-parameter limit. */
export function lookupKeys(terms: string[]): string[] {
  const keys = new Set<string>();
  for (const term of terms) {
    if (term.length < MIN_CORRECTABLE_LENGTH) continue;
    const own = lookupKeysOf(term);
    const first = own.filter((key) => key.length >= term.length - 1);
    // Two-edit keys are dropped first when a long query would exceed the limit.
    for (const key of keys.size + own.length <= MAX_LOOKUP_KEYS ? own : first) {
      if (keys.size >= MAX_LOOKUP_KEYS) break;
      keys.add(key);
    }
  }
  return [...keys];
}

/** The columns of a search document, as both dialects' full-text indexes name them. */
export type SearchColumn = "title" | "subtitle" | "authors" | "isbn" | "description";

/** What a search asks the full-text index for, before a dialect spells it (`matchExpression`, `booleanModeGroups`). */
export interface TextQuery {
  terms: AnalysedTerm[];
  /** The last term is a prefix (search-as-you-type). */
  prefixLast?: boolean;
  /** Only these columns are searched; all of them when absent. */
  columns?: SearchColumn[];
}

/** Quotes a term for an FTS5 query string, so user input can never be read as query syntax. */
function quote(term: string): string {
  return `"${term.replace(/"/g, '""')}"`;
}

/**
 * The FTS5 MATCH expression for analysed terms: every typed term must match one of its searched terms.
 * `prefixLast` makes the last term a prefix query (search-as-you-type).
 */
export function matchExpression(terms: AnalysedTerm[], options: { prefixLast?: boolean; columns?: string[] } = {}) {
  const parts = terms.map((term, index) => {
    const last = index === terms.length - 1;
    const alternatives = term.searched.map((s) => (options.prefixLast && last ? `${quote(s)}*` : quote(s)));
    return alternatives.length === 1 ? alternatives[0]! : `(${alternatives.join(" OR ")})`;
  });
  const expression = parts.join(" AND ");
  return options.columns ? `{${options.columns.join(" ")}} : (${expression})` : expression;
}

/**
 * InnoDB's default stopwords (INFORMATION_SCHEMA.INNODB_FT_DEFAULT_STOPWORD, the same in MySQL and MariaDB). A
 * FULLTEXT index holds none of them, nor words outside 3–84 characters (innodb_ft_min_token_size and
 * innodb_ft_max_token_size), and a required word it does not hold makes a boolean-mode query match nothing.
 */
const INNODB_STOPWORDS = new Set(
  "a about an are as at be by com de en for from how i in is it la of on or that the this to was what when where who will with und www".split(
    " ",
  ),
);

function innoDbIndexes(word: string): boolean {
  return word.length >= 3 && word.length <= 84 && !INNODB_STOPWORDS.has(word);
}

/**
 * One typed term for InnoDB: `indexed` is a boolean-mode OR-group of its searched terms (`hobbit habit`, `tolk*`
 * for a prefix); `words` are terms the index cannot hold, to be found as whole words by a pattern instead (an
 * empty list matches nothing).
 */
export type BooleanModeGroup = { indexed: string } | { words: string[] };

/**
 * The InnoDB counterpart of `matchExpression`: one group per typed term, every group required. Only letters
 * and digits reach the expression (the tokenizer yields nothing else), so user input can never be read as
 * boolean-mode syntax. A prefix always goes to the index, which completes short prefixes too.
 */
export function booleanModeGroups(query: TextQuery): BooleanModeGroup[] {
  return query.terms.map((term, index) => {
    const words = term.searched.map((searched) => searched.replace(/[^\p{L}\p{N}]+/gu, "")).filter(Boolean);
    if (words.length === 0) return { words };
    if (query.prefixLast && index === query.terms.length - 1)
      return { indexed: words.map((word) => `${word}*`).join(" ") };
    return words.every(innoDbIndexes) ? { indexed: words.join(" ") } : { words };
  });
}

/** The query as it was searched, when any term was corrected ("hobit" → "hobbit"). */
export function correctedQuery(terms: AnalysedTerm[]): string | undefined {
  if (!terms.some((term) => term.corrected)) return undefined;
  return terms.map((term) => term.searched[0]).join(" ");
}
