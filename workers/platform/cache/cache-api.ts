import type { Cache } from "./cache";

const ORIGIN = "https://cache.bookbazaar.internal/";

/** The embedded default: the Workers Cache API of the data centre serving the request. */
export class CacheApiCache implements Cache {
  constructor(private readonly store: globalThis.Cache) {}

  async get<T>(key: string): Promise<T | undefined> {
    const hit = await this.store.match(ORIGIN + encodeURIComponent(key));
    return hit ? ((await hit.json()) as T) : undefined;
  }

  async put(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    const response = new Response(JSON.stringify(value), {
      headers: { "content-type": "application/json", "cache-control": `max-age=${ttlSeconds}` },
    });
    await this.store.put(ORIGIN + encodeURIComponent(key), response);
  }

  async delete(key: string): Promise<void> {
    await this.store.delete(ORIGIN + encodeURIComponent(key));
  }
}
