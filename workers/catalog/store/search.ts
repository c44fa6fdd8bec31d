import { type Db, dialectOf, rows } from "../../platform/db";
import { matchExpression, type TextQuery } from "../search";
import {
  type BrowseFilters,
  type SearchHit,
  type SearchOrder,
  type SuggestionHit,
  searchQuery,
  suggestionQuery,
} from "./browse";
import { innoDbSearchQuery, innoDbSuggestionQuery } from "./innodb-search";

/**
 * Full-text search in the dialect's own index: FTS5 on SQLite, InnoDB FULLTEXT on MySQL. The terms were chosen
 * (and corrected) by the same code for both; only the expression that asks the index for them differs.
 */

export function searchEditions(db: Db, text: TextQuery, filters: BrowseFilters, order: SearchOrder, limit: number) {
  const query =
    dialectOf(db) === "sqlite"
      ? searchQuery(matchExpression(text.terms, text), filters, order, limit)
      : innoDbSearchQuery(text, filters, order, limit);
  return rows<SearchHit>(db, query);
}

/** The best-ranked title and author matches for a prefix query, for search-as-you-type. */
export function suggestionHits(db: Db, text: TextQuery, limit: number) {
  const query =
    dialectOf(db) === "sqlite"
      ? suggestionQuery(matchExpression(text.terms, text), limit)
      : innoDbSuggestionQuery(text, limit);
  return rows<SuggestionHit>(db, query);
}
