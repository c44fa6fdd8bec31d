-- Full-text index of editions (drizzle cannot express FTS5): external content from search_documents,
-- unicode61 with diacritics removed (the tokenizer workers/catalog/search.ts mirrors), prefix indexes for
-- search-as-you-type, bm25 weighted title > isbn > authors > subtitle > description.
CREATE VIRTUAL TABLE `edition_search` USING fts5(
	title, subtitle, authors, isbn, description,
	content='search_documents', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2', prefix='2 3'
);
--> statement-breakpoint
INSERT INTO `edition_search` (`edition_search`, `rank`) VALUES ('rank', 'bm25(10.0, 3.0, 5.0, 8.0, 1.0)');
--> statement-breakpoint
CREATE TRIGGER `search_documents_ai` AFTER INSERT ON `search_documents` BEGIN
	INSERT INTO `edition_search` (rowid, title, subtitle, authors, isbn, description)
	VALUES (new.id, new.title, new.subtitle, new.authors, new.isbn, new.description);
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_ad` AFTER DELETE ON `search_documents` BEGIN
	INSERT INTO `edition_search` (`edition_search`, rowid, title, subtitle, authors, isbn, description)
	VALUES ('delete', old.id, old.title, old.subtitle, old.authors, old.isbn, old.description);
END;
--> statement-breakpoint
CREATE TRIGGER `search_documents_au` AFTER UPDATE ON `search_documents` BEGIN
	INSERT INTO `edition_search` (`edition_search`, rowid, title, subtitle, authors, isbn, description)
	VALUES ('delete', old.id, old.title, old.subtitle, old.authors, old.isbn, old.description);
	INSERT INTO `edition_search` (rowid, title, subtitle, authors, isbn, description)
	VALUES (new.id, new.title, new.subtitle, new.authors, new.isbn, new.description);
END;
--> statement-breakpoint
INSERT INTO `catalog_versions` (`scope`, `version`) VALUES ('browse', 1), ('categories', 1);
