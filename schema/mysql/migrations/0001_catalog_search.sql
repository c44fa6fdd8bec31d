-- The MySQL side of SQLite's 0005_catalog_search: InnoDB FULLTEXT indexes over search_documents instead of
-- the FTS5 table. One per weighted column, so a store can score like FTS5's bm25(10, 3, 5, 8, 1) by adding
-- 10·MATCH(title) + 3·MATCH(subtitle) + 5·MATCH(authors) + 8·MATCH(isbn) + 1·MATCH(description), and
-- `edition_search` over all five, to filter with one MATCH … AGAINST (… IN BOOLEAN MODE).
-- The columns are utf8mb4_unicode_ci, so matching folds case and accents as unicode61 remove_diacritics 2
-- does. InnoDB keeps these indexes in step with the table, so FTS5's sync triggers have no twin here.
-- Unlike FTS5, InnoDB leaves out words shorter than innodb_ft_min_token_size (3) and its default stopwords
-- ("the", "of", …), and neither can be changed on PlanetScale (a server setting; Vitess refuses
-- innodb_ft_enable_stopword): a search here must not require such words to match.
CREATE FULLTEXT INDEX `edition_search` ON `search_documents` (`title`, `subtitle`, `authors`, `isbn`, `description`);
--> statement-breakpoint
CREATE FULLTEXT INDEX `edition_search_title` ON `search_documents` (`title`);
--> statement-breakpoint
CREATE FULLTEXT INDEX `edition_search_subtitle` ON `search_documents` (`subtitle`);
--> statement-breakpoint
CREATE FULLTEXT INDEX `edition_search_authors` ON `search_documents` (`authors`);
--> statement-breakpoint
CREATE FULLTEXT INDEX `edition_search_isbn` ON `search_documents` (`isbn`);
--> statement-breakpoint
CREATE FULLTEXT INDEX `edition_search_description` ON `search_documents` (`description`);
