import { and, eq, lt } from "drizzle-orm";
import type { MiddlewareHandler } from "hono";
import { idempotencyKeys } from "../../../schema/platform";
import { sha256Hex } from "../../lib/tokens";
import { changes, type Db, ignoringDuplicates } from "../../platform/db";
import type { AppEnv } from "../context";
import { AppError } from "../errors";

const KEEP_MS = 24 * 60 * 60 * 1000;
const KEY_SHAPE = /^[A-Za-z0-9_.:-]{8,128}$/;

/**
 * For writes that move money or stock: the first response to an `Idempotency-Key` is stored for 24 hours and
 * replayed for the same key and body; the same key with another body is refused (422); a request arriving while
 * the first is still running gets 409. Keys are scoped to the caller and the route. A 5xx is not stored, so the
 * client can retry it.
 */
export const idempotent: MiddlewareHandler<AppEnv> = async (c, next) => {
  const key = c.req.header("idempotency-key");
  if (!key)
    throw new AppError("idempotency_key_required", "Send an Idempotency-Key header (8–128 letters, digits or _.:-).");
  if (!KEY_SHAPE.test(key))
    throw new AppError("validation_failed", "Idempotency-Key must be 8–128 letters, digits or _.:-.");
  const db = c.get("services").db;
  const scope = `${c.get("principal")?.userId ?? "anonymous"} ${c.req.method} ${c.req.routePath}`;
  const requestHash = await sha256Hex(`${new URL(c.req.url).pathname}\n${await c.req.raw.clone().text()}`);
  const now = Date.now();

  const claim = db
    .insert(idempotencyKeys)
    .values({ scope, key, requestHash, state: "in_progress", createdAt: now, expiresAt: now + KEEP_MS });
  // Only the request whose row went in owns the key; a duplicate inserts nothing and changes nothing.
  const claimed = changes(await ignoringDuplicates(db, claim, idempotencyKeys.key)) === 1;
  if (!claimed) {
    const [stored] = await db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
      .limit(1);
    if (stored && stored.expiresAt > now) {
      if (stored.requestHash !== requestHash) throw new AppError("idempotency_key_reused");
      if (stored.state === "in_progress") throw new AppError("idempotency_in_progress");
      return new Response(stored.body, {
        status: stored.status ?? 200,
        headers: { "content-type": stored.contentType ?? "application/json", "idempotent-replayed": "true" },
      });
    }
    // An expired key is free again.
    await forget(db, scope, key);
    return idempotent(c, next);
  }

  try {
    await next();
  } catch (error) {
    await forget(db, scope, key);
    throw error;
  }
  if (c.res.status >= 500) {
    await forget(db, scope, key);
    return;
  }
  const body = await c.res.clone().text();
  await db
    .update(idempotencyKeys)
    .set({ state: "done", status: c.res.status, contentType: c.res.headers.get("content-type"), body })
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
};

async function forget(db: Db, scope: string, key: string) {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
}

/** Daily housekeeping: stored responses older than 24 hours go. */
export async function purgeExpiredIdempotencyKeys(db: Db, now = Date.now()) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.expiresAt, now));
}
