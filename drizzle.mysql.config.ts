import { defineConfig } from "drizzle-kit";

/** The MySQL (PlanetScale) twin of drizzle.config.ts: its own schema files and migrations folder. */
export default defineConfig({
  dialect: "mysql",
  schema: "./schema/mysql/*.ts",
  out: "./schema/mysql/migrations",
});
