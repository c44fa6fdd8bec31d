/// <reference types="vite/client" />
import {
  bigint,
  index as mysqlIndex,
  primaryKey as mysqlPrimaryKey,
  mysqlTable,
  varchar as mysqlVarchar,
} from "drizzle-orm/mysql-core";
import { index, integer, primaryKey, sqliteTable, text, unique, uniqueIndex } from "drizzle-orm/sqlite-core";
import { describe, expect, it } from "vitest";
import { id, searchText, varchar } from "../../schema/mysql/columns";
import { mysqlRuleViolations, type SchemaFiles, schemaDifferences, tableDifferences } from "../support/schema-parity";

/** Both schema folders, read when the test is built: a new table file is checked the moment it exists. */
const sqliteFiles = import.meta.glob(["../../schema/*.ts", "!../../schema/index.ts"], { eager: true }) as SchemaFiles;
const mysqlFiles = import.meta.glob(["../../schema/mysql/*.ts", "!../../schema/mysql/columns.ts"], {
  eager: true,
}) as SchemaFiles;

/** A table as SQLite declares it, and a MySQL twin that gets every kind of fact wrong once. */
const shelves = sqliteTable(
  "shelves",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    slug: text("slug").notNull(),
    ownerId: text("owner_id").notNull(),
    note: text("note"),
    position: integer("position").notNull().default(0),
  },
  (t) => [
    uniqueIndex("shelves_name_idx").on(t.name),
    index("shelves_owner_idx").on(t.ownerId, t.id),
    unique("shelves_slug_unique").on(t.slug),
  ],
);
const driftedShelves = mysqlTable(
  "shelves",
  {
    id: id("id").primaryKey(),
    name: varchar("name", 80),
    slug: varchar("slug", 80).notNull(),
    ownerId: id("owner_id").notNull(),
    position: bigint("position", { mode: "number" }).notNull(),
    colour: varchar("colour", 16),
  },
  (t) => [mysqlIndex("shelves_name_idx").on(t.name), mysqlIndex("shelves_owner_idx").on(t.ownerId)],
);
const placements = sqliteTable(
  "placements",
  { shelfId: text("shelf_id").notNull(), editionId: text("edition_id").notNull() },
  (t) => [primaryKey({ columns: [t.shelfId, t.editionId] })],
);
const driftedPlacements = mysqlTable(
  "placements",
  { shelfId: id("shelf_id").notNull(), editionId: id("edition_id").notNull() },
  (t) => [mysqlPrimaryKey({ columns: [t.shelfId] })],
);

describe("schema parity between SQLite and MySQL", () => {
  it("reads every schema file of both folders", () => {
    expect(Object.keys(sqliteFiles)).toContain("../../schema/catalog.ts");
    expect(Object.keys(mysqlFiles)).toContain("../../schema/mysql/catalog.ts");
    expect(Object.keys(sqliteFiles).length).toBeGreaterThanOrEqual(8);
  });

  it("gives every SQLite schema file a MySQL twin with the same tables, columns, indexes and keys", () => {
    expect(schemaDifferences(sqliteFiles, mysqlFiles)).toEqual([]);
  });

  it("declares every MySQL string column with its collation and no foreign keys", () => {
    expect(mysqlRuleViolations(mysqlFiles)).toEqual([]);
  });

  it("names each column, index, unique constraint and primary key that one dialect lacks or declares otherwise", () => {
    expect(tableDifferences(shelves, driftedShelves)).toEqual([
      `shelves: column "name" is NOT NULL in SQLite but nullable in MySQL`,
      `shelves: column "note" (nullable) is in SQLite but not in MySQL`,
      `shelves: column "position" is NOT NULL, with a default in SQLite but NOT NULL in MySQL`,
      `shelves: index "shelves_name_idx" is unique, on (name) in SQLite but not unique, on (name) in MySQL`,
      `shelves: index "shelves_owner_idx" is not unique, on (owner_id, id) in SQLite but not unique, on (owner_id) in MySQL`,
      `shelves: unique constraint "shelves_slug_unique" (on (slug)) is in SQLite but not in MySQL`,
      `shelves: column "colour" (nullable) is in MySQL but not in SQLite`,
    ]);
    expect(tableDifferences(placements, driftedPlacements)).toEqual([
      `placements: composite primary key is on (shelf_id, edition_id) in SQLite but on (shelf_id) in MySQL`,
    ]);
  });

  it("names a schema file without its twin and a table in one file only", () => {
    const sqlite: SchemaFiles = { "schema/shelving.ts": { shelves, placements }, "schema/loans.ts": {} };
    const mysql: SchemaFiles = {
      "schema/mysql/shelving.ts": { shelves: driftedShelves },
      "schema/mysql/vaults.ts": {},
    };
    expect(schemaDifferences(sqlite, mysql)).toEqual([
      "schema/loans.ts has no MySQL twin schema/mysql/loans.ts",
      "schema/mysql/vaults.ts twins no schema/vaults.ts",
      ...tableDifferences(shelves, driftedShelves),
      `table "placements" is in schema/shelving.ts but not in schema/mysql/shelving.ts`,
    ]);
  });

  it("catches a MySQL string column without its collation, folded text outside search and a foreign key", () => {
    const uncollated = mysqlTable("shelves", { id: mysqlVarchar("id", { length: 64 }).primaryKey() });
    const racks = mysqlTable("racks", {
      id: id("id").primaryKey(),
      label: searchText("label"),
      shelfId: id("shelf_id").references(() => uncollated.id),
    });
    expect(mysqlRuleViolations({ "schema/mysql/shelving.ts": { uncollated, racks } })).toEqual([
      "shelving.shelves.id is varchar(64) without its collation: declare it with schema/mysql/columns.ts",
      "shelving.racks.label folds case and accents, which only search documents may",
      "racks declares foreign keys, which Vitess refuses",
    ]);
  });
});
