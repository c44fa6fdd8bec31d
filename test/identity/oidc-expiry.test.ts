import { createExecutionContext, createScheduledController, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { oidcSignIns } from "../../schema/identity";
import worker from "../../workers/index";
import { sha256Hex } from "../../workers/lib/tokens";
import { testDb } from "../support/database";
import { exchange, returnTo } from "../support/oidc";

const db = testDb();
const HOUR = 60 * 60 * 1000;

/** A trip to the provider as start records it, `age` ago (they live ten minutes). */
async function trip(state: string, age: number, code?: string) {
  const now = Date.now();
  await db.insert(oidcSignIns).values({
    stateHash: await sha256Hex(state),
    provider: "local",
    codeVerifier: "verifier",
    nonce: "nonce",
    redirect: "https://shop.bazaar.test/signed-in",
    createdAt: now - age,
    expiresAt: now - age + 10 * 60 * 1000,
    ...(code
      ? { returnedAt: now - age, outcome: "sign_in", userId: "usr_nobody", codeHash: await sha256Hex(code) }
      : {}),
  });
}

describe("social sign-in trips expire", () => {
  it("a return after the trip's ten minutes is 400 invalid_state", async () => {
    await trip("state-of-an-old-trip-0123456789", HOUR);
    const response = await returnTo(
      new URL("http://127.0.0.1:8787/v1/auth/oidc/local/callback?code=x&state=state-of-an-old-trip-0123456789"),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_state" });
  });

  it("a sign-in code past the trip's ten minutes is refused", async () => {
    await trip("state-of-a-finished-trip-012345", HOUR, "code-of-a-finished-trip-0123456789");
    const response = await exchange("code-of-a-finished-trip-0123456789");
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_or_expired_token" });
  });

  it("the daily housekeeping drops trips a day past their expiry, and keeps the rest", async () => {
    await trip("state-two-days-old-0123456789", 48 * HOUR);
    await trip("state-an-hour-old-0123456789", HOUR);
    const ctx = createExecutionContext();
    await worker.scheduled(createScheduledController({ cron: "30 3 * * *" }), env, ctx);
    await waitOnExecutionContext(ctx);
    const hashes = await Promise.all(["state-two-days-old-0123456789", "state-an-hour-old-0123456789"].map(sha256Hex));
    const kept = await db
      .select({ stateHash: oidcSignIns.stateHash })
      .from(oidcSignIns)
      .where(inArray(oidcSignIns.stateHash, hashes));
    expect(kept.map((row) => row.stateHash)).toEqual([hashes[1]]);
  });
});
