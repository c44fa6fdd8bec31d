import type { Logger } from "../lib/log";
import type { Cache } from "../platform/cache/cache";

/**
 * Cached public reads. Keys carry the versions of everything the read shows (an edition's version, the
 * category tree's, the browse version), and every write that changes what a read shows bumps one of them in
 * the same D1 batch. A changed listing is therefore never served from an old entry: readers compute the new
 * key and miss; old entries simply age out. The version is read before the data, so an entry can only ever
 * hold data at least as new as its key.
 */
export class CatalogReadCache {
  constructor(
    private readonly cache: Cache,
    private readonly defer: (promise: Promise<unknown>) => void,
    private readonly log: Logger,
  ) {}

  async read<T>(key: string, ttlSeconds: number, load: () => Promise<T>): Promise<T> {
    return this.readUntil(key, async () => ({ value: await load(), ttlSeconds }));
  }

  /** Like `read`, for a value whose lifetime is known once it is loaded (the soonest price switch it shows). */
  async readUntil<T>(key: string, load: () => Promise<{ value: T; ttlSeconds: number }>): Promise<T> {
    const hit = await this.cache.get<T>(key).catch((error) => {
      this.log.warn("catalog cache read failed", { error: String(error) });
      return undefined;
    });
    if (hit !== undefined) return hit;
    const { value, ttlSeconds } = await load();
    this.defer(
      this.cache
        .put(key, value, ttlSeconds)
        .catch((error) => this.log.warn("catalog cache write failed", { error: String(error) })),
    );
    return value;
  }
}

/** How long a cached read may live. Versions make entries obsolete on change; this only bounds storage. */
export const CACHE_TTL_SECONDS = 300;

/**
 * The lifetime of a cached read that shows prices due to switch at `changesAt` (epoch ms; null: none scheduled):
 * it ends by then at the latest, so an entry never outlives the prices it holds even without the version bump
 * the switch makes. A moment already past (the minute job has not run yet) leaves a second.
 */
export function ttlUntil(changesAt: number | null | undefined, now = Date.now()): number {
  if (changesAt === null || changesAt === undefined) return CACHE_TTL_SECONDS;
  return Math.min(CACHE_TTL_SECONDS, Math.max(1, Math.ceil((changesAt - now) / 1000)));
}

/** A weak validator derived from a versioned cache key (FNV-1a, 64 bits as two 32-bit halves). */
export function etagFor(key: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    const code = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ code, 0x5bd1e995) >>> 0;
  }
  return `W/"${h1.toString(16).padStart(8, "0")}${h2.toString(16).padStart(8, "0")}"`;
}

/** Public catalog responses are revalidated on every use, so a seller never sees an old copy of their listing. */
export const PUBLIC_CACHE_CONTROL = "public, max-age=0, must-revalidate";

export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((candidate) => candidate.trim() === etag || candidate.trim() === "*");
}
