/**
 * The two relational schemas held equal: schema/<module>.ts (SQLite, what the stores query) and its DDL twin
 * schema/mysql/<module>.ts (MySQL, for PlanetScale's migrations). Each table is reduced to the facts both
 * dialects share (columns with their nullability, primary key and whether they have a default; indexes with
 * their columns and uniqueness; unique constraints; the composite primary key) and the two lists are compared.
 * SQLite partial indexes (`.where(…)`) have no MySQL equivalent: an index is compared by name, columns and
 * uniqueness, never by its predicate.
 */
import { Column, type DrizzleEntityClass, getTableName, is, SQL, type Table } from "drizzle-orm";
import { MySqlTable, getTableConfig as mysqlTableConfig } from "drizzle-orm/mysql-core";
import { SQLiteTable, getTableConfig as sqliteTableConfig } from "drizzle-orm/sqlite-core";

/** A schema folder as `import.meta.glob` reads it: each file's path and its exports. */
export type SchemaFiles = Record<string, Record<string, unknown>>;

interface ColumnLike {
  name: string;
  notNull: boolean;
  primary: boolean;
  hasDefault: boolean;
  isUnique: boolean;
  uniqueName?: string;
}
interface TableConfigLike {
  name: string;
  columns: ColumnLike[];
  indexes: { config: { name: string; columns: unknown[]; unique?: boolean } }[];
  uniqueConstraints: { getName(): string | undefined; columns: ColumnLike[] }[];
  primaryKeys: { columns: ColumnLike[] }[];
}

const columnList = (columns: unknown[]) =>
  `(${columns.map((column) => (is(column, Column) ? column.name : is(column, SQL) ? "<expression>" : "?")).join(", ")})`;

/** What a table declares, as `thing → how`: equal tables give equal maps whatever their dialect. */
function factsOf(config: TableConfigLike): Map<string, string> {
  const facts = new Map<string, string>();
  for (const column of config.columns) {
    const how = [column.notNull ? "NOT NULL" : "nullable"];
    if (column.primary) how.push("primary key");
    if (column.hasDefault) how.push("with a default");
    facts.set(`column "${column.name}"`, how.join(", "));
    if (column.isUnique) facts.set(`unique constraint "${column.uniqueName}"`, `on (${column.name})`);
  }
  for (const { config: index } of config.indexes) {
    facts.set(`index "${index.name}"`, `${index.unique ? "unique" : "not unique"}, on ${columnList(index.columns)}`);
  }
  for (const unique of config.uniqueConstraints) {
    facts.set(`unique constraint "${unique.getName()}"`, `on ${columnList(unique.columns)}`);
  }
  for (const key of config.primaryKeys) facts.set("composite primary key", `on ${columnList(key.columns)}`);
  return facts;
}

/** How one SQLite table and its MySQL twin differ, one sentence per difference. */
export function tableDifferences(sqlite: SQLiteTable, mysql: MySqlTable): string[] {
  const sqliteConfig = sqliteTableConfig(sqlite);
  const mysqlFacts = factsOf(mysqlTableConfig(mysql));
  const sqliteFacts = factsOf(sqliteConfig);
  const differences: string[] = [];
  for (const [thing, how] of sqliteFacts) {
    const twin = mysqlFacts.get(thing);
    if (twin === undefined) differences.push(`${sqliteConfig.name}: ${thing} (${how}) is in SQLite but not in MySQL`);
    else if (twin !== how) differences.push(`${sqliteConfig.name}: ${thing} is ${how} in SQLite but ${twin} in MySQL`);
  }
  for (const [thing, how] of mysqlFacts) {
    if (!sqliteFacts.has(thing))
      differences.push(`${sqliteConfig.name}: ${thing} (${how}) is in MySQL but not in SQLite`);
  }
  return differences;
}

const moduleOf = (path: string) => path.split("/").at(-1)!.replace(/\.ts$/, "");

/** A schema file's tables of one dialect, by table name. */
function tablesOf<T extends Table>(exports: Record<string, unknown>, kind: DrizzleEntityClass<T>): Map<string, T> {
  const tables = Object.values(exports).filter((value): value is T => is(value, kind));
  return new Map(tables.map((table) => [getTableName(table), table]));
}

/** Every difference between the two schema folders: files without a twin, tables in one only, table differences. */
export function schemaDifferences(sqliteFiles: SchemaFiles, mysqlFiles: SchemaFiles): string[] {
  const sqliteModules = new Map(Object.entries(sqliteFiles).map(([path, exports]) => [moduleOf(path), exports]));
  const mysqlModules = new Map(Object.entries(mysqlFiles).map(([path, exports]) => [moduleOf(path), exports]));
  const differences: string[] = [];
  for (const module of sqliteModules.keys()) {
    if (!mysqlModules.has(module)) differences.push(`schema/${module}.ts has no MySQL twin schema/mysql/${module}.ts`);
  }
  for (const module of mysqlModules.keys()) {
    if (!sqliteModules.has(module)) differences.push(`schema/mysql/${module}.ts twins no schema/${module}.ts`);
  }
  for (const [module, sqliteExports] of sqliteModules) {
    const mysqlExports = mysqlModules.get(module);
    if (!mysqlExports) continue;
    const sqliteTables = tablesOf(sqliteExports, SQLiteTable);
    const mysqlTables = tablesOf(mysqlExports, MySqlTable);
    for (const [name, table] of sqliteTables) {
      const twin = mysqlTables.get(name);
      if (twin) differences.push(...tableDifferences(table, twin));
      else differences.push(`table "${name}" is in schema/${module}.ts but not in schema/mysql/${module}.ts`);
    }
    for (const name of mysqlTables.keys()) {
      if (!sqliteTables.has(name)) {
        differences.push(`table "${name}" is in schema/mysql/${module}.ts but not in schema/${module}.ts`);
      }
    }
  }
  return differences;
}

const STRING_TYPE = /^(var)?char|^(tiny|medium|long)?text/;
/** Case- and accent-folding is for the FULLTEXT-indexed search documents only. */
const FOLDING_TABLES = new Set(["search_documents"]);

/**
 * What the MySQL schema must hold beyond parity: every string column names its collation (the helpers of
 * schema/mysql/columns.ts, never mysql-core's `varchar`/`text`), folding only in the search documents, and
 * no foreign keys (Vitess).
 */
export function mysqlRuleViolations(mysqlFiles: SchemaFiles): string[] {
  const violations: string[] = [];
  for (const [path, exports] of Object.entries(mysqlFiles)) {
    for (const table of tablesOf(exports, MySqlTable).values()) {
      const config = mysqlTableConfig(table);
      for (const column of config.columns) {
        const type = column.getSQLType();
        if (!STRING_TYPE.test(type)) continue;
        const where = `${moduleOf(path)}.${config.name}.${column.name}`;
        if (!type.includes("COLLATE utf8mb4_bin") && !type.includes("COLLATE utf8mb4_unicode_ci")) {
          violations.push(`${where} is ${type} without its collation: declare it with schema/mysql/columns.ts`);
        } else if (type.includes("utf8mb4_unicode_ci") && !FOLDING_TABLES.has(config.name)) {
          violations.push(`${where} folds case and accents, which only search documents may`);
        }
      }
      if (config.foreignKeys.length > 0) violations.push(`${config.name} declares foreign keys, which Vitess refuses`);
    }
  }
  return violations;
}
