import { type SQL, sql } from "drizzle-orm";
import { type BooleanModeGroup, booleanModeGroups, type SearchColumn, type TextQuery } from "../search";
import {
  afterPosition,
  type BrowseFilters,
  CARD,
  filterClauses,
  orderClauses,
  type SearchOrder,
  WITH_WORK,
  where,
} from "./browse";

/**
 * Search on MySQL: InnoDB FULLTEXT indexes over `search_documents`, one per column and one over all five (their
 * collation makes matching case- and accent-insensitive, as FTS5's `remove_diacritics`). Every typed term is
 * required (`+(hobbit habit) +tolkien`) in the all-columns index; the score weighs each column's own relevance
 * as FTS5's bm25 does (title 10, isbn 8, authors 5, subtitle 3, description 1), negated so that lower is better
 * and a cursor reads the same on both dialects.
 */

const WEIGHTS: [SearchColumn, number][] = [
  ["title", 10],
  ["isbn", 8],
  ["authors", 5],
  ["subtitle", 3],
  ["description", 1],
];
/** The all-columns index, in the order it is declared (MATCH names an index by its column list). */
const ALL_COLUMNS: SearchColumn[] = ["title", "subtitle", "authors", "isbn", "description"];

function against(columns: SearchColumn[], expression: string): SQL {
  return sql`MATCH(${sql.raw(columns.map((column) => `d.${column}`).join(", "))}) AGAINST(${expression} IN BOOLEAN MODE)`;
}

/** Whole words in any of the columns: for the words the index leaves out (short ones and stopwords). */
function hasWord(columns: SearchColumn[], words: string[]): SQL {
  if (words.length === 0) return sql`1 = 0`;
  const text = sql.raw(`CONCAT_WS(' ', ${columns.map((column) => `d.${column}`).join(", ")})`);
  return sql`${text} REGEXP ${`(^|[^[:alnum:]])(${words.join("|")})([^[:alnum:]]|$)`}`;
}

/**
 * The conditions a document must meet. A search limited to several columns (suggestions: title and authors)
 * finds candidates in the all-columns index and then checks each term against those columns' own indexes,
 * since MATCH takes only an indexed column list.
 */
function conditions(columns: SearchColumn[], groups: BooleanModeGroup[]): SQL[] {
  const indexed = groups.flatMap((group) => ("indexed" in group ? [group.indexed] : []));
  const out: SQL[] = [];
  if (indexed.length) {
    const required = indexed.map((group) => `+(${group})`).join(" ");
    out.push(against(columns.length === 1 ? columns : ALL_COLUMNS, required));
    if (columns.length > 1 && columns.length < ALL_COLUMNS.length) {
      for (const group of indexed) {
        out.push(
          sql`(${sql.join(
            columns.map((column) => against([column], group)),
            sql` OR `,
          )})`,
        );
      }
    }
  }
  for (const group of groups) if ("words" in group) out.push(hasWord(columns, group.words));
  return out;
}

/** The weighted relevance of a document's columns to any of the indexed terms, negated: best first ascending. */
function score(columns: SearchColumn[], groups: BooleanModeGroup[]): SQL {
  const any = groups.flatMap((group) => ("indexed" in group ? [group.indexed] : [])).join(" ");
  if (!any) return sql`0`;
  const weighted = WEIGHTS.filter(([column]) => columns.includes(column)).map(
    ([column, weight]) => sql`${sql.raw(String(weight))} * ${against([column], any)}`,
  );
  // A fixed-point score survives the trip through a cursor exactly, so a tie is still a tie on the next page.
  return sql`CAST(-(${sql.join(weighted, sql` + `)}) AS DECIMAL(20, 6))`;
}

/** The matching documents with their scores, as a derived table `m` (doc, score). */
function matches(text: TextQuery, scored: boolean): SQL {
  const columns = text.columns ?? ALL_COLUMNS;
  const groups = booleanModeGroups(text);
  return sql`(SELECT d.id AS doc, ${scored ? score(columns, groups) : sql`0`} AS score
    FROM search_documents d ${where(conditions(columns, groups))}) m`;
}

/** One page of editions matching the query, best first or in a browse order, with the same filters and cursor. */
export function innoDbSearchQuery(text: TextQuery, filters: BrowseFilters, order: SearchOrder, limit: number): SQL {
  const filtered = filterClauses(filters);
  if (order.sort === "relevance") {
    const after = afterPosition(sql`m.score`, sql`m.doc`, order.after);
    return sql`SELECT ${CARD}, m.score AS score, m.doc AS doc
      FROM ${matches(text, true)} JOIN editions e ON e.doc_id = m.doc ${WITH_WORK}
      ${where([...filtered, ...after])} ORDER BY m.score, m.doc LIMIT ${limit + 1}`;
  }
  const { clauses, orderBy } = orderClauses(order);
  return sql`SELECT ${CARD}, 0 AS score, e.doc_id AS doc
    FROM ${matches(text, false)} JOIN editions e ON e.doc_id = m.doc ${WITH_WORK}
    ${where([...filtered, ...clauses])} ${orderBy} LIMIT ${limit + 1}`;
}

/** The best-ranked editions for a prefix query, for search-as-you-type. */
export function innoDbSuggestionQuery(text: TextQuery, limit: number): SQL {
  return sql`SELECT e.title AS title, e.authors AS authors, e.isbn13 AS isbn13
    FROM ${matches(text, true)} JOIN editions e ON e.doc_id = m.doc ORDER BY m.score, m.doc LIMIT ${limit}`;
}
