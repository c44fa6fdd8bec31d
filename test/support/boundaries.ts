/**
 * The module boundary of workers/README.md as a check over source files: a module imports another module only
 * through its `index.ts`, reads only its own schema file, and no modules depend on each other in a circle. No
 * source imports schema/mysql: those tables are DDL for the MySQL migrations, and stores query schema/<module>.
 */
/** Layers every module may use; they are not modules and own no domain. */
const SHARED = new Set(["http", "lib", "platform"]);
/** Schema files no module owns: the outbox, processed events, dead letters and idempotency keys. */
const SHARED_SCHEMA = new Set(["platform"]);

export type Files = Record<string, string>;
interface Violation {
  file: string;
  imports: string;
  rule: string;
}

const IMPORT = /(?:import|export)\s[^"';]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

function resolve(from: string, specifier: string): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  return parts.join("/").replace(/\.(ts|tsx)$/, "");
}

/** `workers/<module>/…` → the module, for files of a module (not of a shared layer or the entry files). */
function moduleOf(path: string): string | undefined {
  const [root, name, ...rest] = path.split("/");
  return root === "workers" && name && rest.length > 0 && !SHARED.has(name) ? name : undefined;
}

/** Each relative import: the importing file, what it wrote, and the module the target belongs to. */
function importsOf(files: Files) {
  return Object.entries(files).flatMap(([file, source]) =>
    [...source.matchAll(IMPORT)].flatMap((match) => {
      const specifier = match[1] ?? match[2]!;
      const target = resolve(file, specifier);
      if (!target) return [];
      // `../cart` names a folder (its index.ts) unless a file of that name exists.
      const to = moduleOf(`${target}${`${target}.ts` in files || `${target}.tsx` in files ? ".ts" : "/index.ts"}`);
      return [{ file, specifier, target, to }];
    }),
  );
}

export function boundaryViolations(files: Files): Violation[] {
  const violations: Violation[] = [];
  for (const { file, specifier, target, to } of importsOf(files)) {
    const from = moduleOf(file);
    const [root, schemaFile] = target.split("/");
    if (root === "schema" && schemaFile === "mysql") {
      violations.push({
        file,
        imports: specifier,
        rule: "schema/mysql is DDL for MySQL's migrations: query schema/<module>",
      });
      continue;
    }
    if (to && to !== from && target !== `workers/${to}/index` && target !== `workers/${to}`) {
      violations.push({ file, imports: specifier, rule: `only workers/${to}/index.ts is ${to}'s public surface` });
    }
    if (from && root === "schema") {
      if (!schemaFile || schemaFile === "index") {
        violations.push({ file, imports: specifier, rule: "import the module's schema file, not the barrel" });
      } else if (schemaFile !== from && !SHARED_SCHEMA.has(schemaFile)) {
        violations.push({ file, imports: specifier, rule: `schema/${schemaFile} belongs to ${schemaFile}` });
      }
    }
  }
  return violations;
}

export function moduleCycles(files: Files): string[][] {
  const edges = new Map<string, Set<string>>();
  for (const { file, to } of importsOf(files)) {
    const from = moduleOf(file);
    if (from && to && from !== to) edges.set(from, (edges.get(from) ?? new Set()).add(to));
  }
  const cycles: string[][] = [];
  const walk = (path: string[]) => {
    for (const next of edges.get(path.at(-1)!) ?? []) {
      if (next === path[0]) cycles.push([...path, next]);
      else if (!path.includes(next) && next > path[0]!) walk([...path, next]);
    }
  };
  for (const start of edges.keys()) walk([start]);
  return cycles;
}

/**
 * The dialect seam of workers/platform/db.ts as a check over source files: outside it, nothing under workers/ or
 * queues/ calls a drizzle method that exists in SQLite only, so every store runs on D1 and on MySQL alike.
 */
const DIALECT_SEAM = new Set([
  "workers/platform/db.ts",
  // The bench-mode meter wraps D1's own prepared statements (D1 only by design), not drizzle's builders.
  "workers/platform/d1-usage.ts",
]);

/** Each SQLite-only call, and how it is told apart from look-alikes (`Map#get(key)`, `Promise.all([…])`, `sendBatch`). */
const SQLITE_ONLY: { call: string; pattern: RegExp }[] = [
  { call: ".get()", pattern: /\.get\(\s*\)/g },
  { call: ".all()", pattern: /\.all\(\s*\)/g },
  { call: ".run()", pattern: /\.run\(\s*\)/g },
  // On a query it follows a call (`….where(…).values()`); `Map#values()` follows a name.
  { call: ".values()", pattern: /\)\s*\.values\(\s*\)/g },
  { call: "db.get/all/run/values()", pattern: /\bdb\s*\.(?:get|all|run|values)\s*\(/g },
  { call: ".batch()", pattern: /\.batch\s*\(/g },
  { call: ".returning()", pattern: /\.returning\s*\(/g },
  { call: ".onConflictDoNothing()", pattern: /\.onConflictDoNothing\s*\(/g },
  { call: ".onConflictDoUpdate()", pattern: /\.onConflictDoUpdate\s*\(/g },
];

interface DialectViolation {
  file: string;
  line: number;
  call: string;
}

/** Comment lines (`//`, `/*`, ` * …`) may name these methods; only code counts. */
const COMMENT_LINE = /^\s*(?:\/\/|\/\*|\*).*$/gm;

export function sqliteOnlyCalls(files: Files): DialectViolation[] {
  const violations: DialectViolation[] = [];
  for (const [file, source] of Object.entries(files)) {
    if (!/^(?:workers|queues)\//.test(file) || DIALECT_SEAM.has(file)) continue;
    const code = source.replace(COMMENT_LINE, "");
    for (const { call, pattern } of SQLITE_ONLY) {
      for (const match of code.matchAll(pattern)) {
        const line = code.slice(0, match.index + match[0].length).split("\n").length;
        violations.push({ file, line, call });
      }
    }
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}
