import { drizzle } from "drizzle-orm/d1";

export type Db = ReturnType<typeof createDb>;

/**
 * The request's database. No `schema` is passed: it only serves drizzle's relational API (`db.query.*`), which
 * the app does not use, and with it drizzle walks every table of the schema each time a request builds its Db
 * (about 5% of a search request's CPU in `npm run bench`).
 */
export function createDb(database: D1Database) {
  return drizzle(database);
}
