import { env } from "cloudflare:workers";
import { Client, type Connection, connect, DatabaseError, type ExecutedQuery } from "@planetscale/database";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { loadConfig } from "../../workers/config";
import { onPlanetScale } from "../support/database";

// The local stand-in of PlanetScale's HTTP API (test/support/planetscale-proxy.ts), driven by the real driver.
describe.skipIf(!onPlanetScale)("the PlanetScale API in front of MariaDB", () => {
  const config = loadConfig(env);
  const url = (password = config.PLANETSCALE_PASSWORD ?? "") =>
    `http://${config.PLANETSCALE_USERNAME}:${password}@${config.PLANETSCALE_HOST}`;
  const client = new Client({ url: url() });
  const titles = async (on: Pick<Connection, "execute">) =>
    ((await on.execute("SELECT title FROM proxy_shelf ORDER BY title")).rows as { title: string }[]).map(
      (row) => row.title,
    );

  beforeAll(async () => {
    await client.execute(
      "CREATE TABLE proxy_shelf (id BIGINT AUTO_INCREMENT PRIMARY KEY, title VARCHAR(100) NOT NULL UNIQUE, copies INT NOT NULL DEFAULT 0)",
    );
  });
  afterAll(async () => {
    await client.execute("DROP TABLE proxy_shelf");
  });

  it("keeps a transaction's writes from everyone else until COMMIT", async () => {
    await client.transaction(async (tx) => {
      await tx.execute("INSERT INTO proxy_shelf (title) VALUES (?)", ["Dune"]);
      expect(await titles(tx)).toEqual(["Dune"]);
      expect(await titles(client)).toEqual([]);
    });
    expect(await titles(client)).toEqual(["Dune"]);
  });

  it("undoes every statement of a transaction that rolls back", async () => {
    const failing = client.transaction(async (tx) => {
      await tx.execute("INSERT INTO proxy_shelf (title) VALUES (?)", ["Emma"]);
      await tx.execute("UPDATE proxy_shelf SET copies = 3 WHERE title = ?", ["Dune"]);
      await tx.execute("INSERT INTO proxy_shelf (title) VALUES (?)", ["Dune"]);
    });
    await expect(failing).rejects.toBeInstanceOf(DatabaseError);
    expect(await titles(client)).toEqual(["Dune"]);
    expect((await client.execute("SELECT copies FROM proxy_shelf")).rows).toEqual([{ copies: 0 }]);
  });

  it("rolls back a transaction its client abandoned", async () => {
    const abandoned = connect({ url: url() });
    await abandoned.execute("BEGIN");
    await abandoned.execute("INSERT INTO proxy_shelf (title) VALUES (?)", ["Ulysses"]);
    await new Promise((resolve) => setTimeout(resolve, inject("planetscaleIdleTransactionMs") + 500));
    await expect(abandoned.execute("COMMIT")).rejects.toThrow(/rolled back/);
    expect(await titles(client)).toEqual(["Dune"]);
    // The row lock went with it: another writer is not kept waiting.
    await client.execute("INSERT INTO proxy_shelf (title) VALUES (?)", ["Ulysses"]);
    await client.execute("DELETE FROM proxy_shelf WHERE title = ?", ["Ulysses"]);
  });

  it("answers bad SQL and broken constraints as a DatabaseError with MySQL's errno", async () => {
    const syntax = await client.execute("SELEC title FROM proxy_shelf").catch((error: unknown) => error);
    expect(syntax).toBeInstanceOf(DatabaseError);
    expect((syntax as DatabaseError).message).toMatch(/syntax.*\(errno 1064\)/);
    const duplicate = await client
      .execute("INSERT INTO proxy_shelf (title) VALUES (?)", ["Dune"])
      .catch((error: unknown) => error);
    expect(duplicate).toBeInstanceOf(DatabaseError);
    expect((duplicate as DatabaseError).body).toMatchObject({ code: "ALREADY_EXISTS", message: /Duplicate entry/ });
  });

  it("refuses wrong credentials", async () => {
    const intruder = new Client({ url: url("not-the-password") });
    await expect(intruder.execute("SELECT 1")).rejects.toMatchObject({ status: 401 });
  });

  it("counts the rows an UPDATE changed, not the rows it matched, and reports the new id", async () => {
    const inserted = await client.execute("INSERT INTO proxy_shelf (title, copies) VALUES (?, ?)", ["Kim", 2]);
    expect(inserted.rowsAffected).toBe(1);
    expect(Number(inserted.insertId)).toBeGreaterThan(0);
    const same = await client.execute("UPDATE proxy_shelf SET copies = 2 WHERE title = ?", ["Kim"]);
    const changed = await client.execute("UPDATE proxy_shelf SET copies = 5 WHERE title = ?", ["Kim"]);
    expect([same.rowsAffected, changed.rowsAffected]).toEqual([0, 1]);
  });

  it("types each column as Vitess does, so the driver decodes text, numbers, bytes and NULL", async () => {
    const result: ExecutedQuery = await client.execute(
      "SELECT copies, id, CAST(9007199254740993 AS UNSIGNED) AS big, 12.50 AS price, 0.5e0 AS ratio, title, ? AS greeting, CAST('ab' AS BINARY) AS raw, NULL AS nothing, CAST('2026-01-02 03:04:05' AS DATETIME) AS at FROM proxy_shelf WHERE title = 'Kim'",
      ["Grüße 📚"],
    );
    expect(result.types).toEqual({
      copies: "INT32",
      id: "INT64",
      big: "UINT64",
      price: "DECIMAL",
      ratio: "FLOAT64",
      title: "VARCHAR",
      greeting: "VARCHAR",
      raw: "VARBINARY",
      nothing: "NULL_TYPE",
      at: "DATETIME",
    });
    expect(result.rows[0]).toEqual({
      copies: 5,
      id: expect.any(String),
      big: "9007199254740993",
      price: "12.50",
      ratio: 0.5,
      title: "Kim",
      greeting: "Grüße 📚",
      raw: new Uint8Array([97, 98]),
      nothing: null,
      at: "2026-01-02 03:04:05",
    });
    expect(result.fields.find((field) => field.name === "title")).toMatchObject({
      table: "proxy_shelf",
      orgName: "title",
    });
  });
});
