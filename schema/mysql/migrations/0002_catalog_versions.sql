-- The version counters SQLite's 0005_catalog_search seeds: cached browse lists and the category tree.
INSERT INTO `catalog_versions` (`scope`, `version`) VALUES ('browse', 1), ('categories', 1);
