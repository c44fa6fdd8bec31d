import type { Redis } from "@upstash/redis/cloudflare";
import type { Cache } from "./cache";

/** Production adapter on Upstash Redis: one cache shared by every location, with per-key expiry. */
export class UpstashCache implements Cache {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = "cache:",
  ) {}

  async get<T>(key: string): Promise<T | undefined> {
    const value = await this.redis.get<T>(this.prefix + key);
    return value ?? undefined;
  }

  async put(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    // Stored as JSON text here: the SDK would store a string as-is and read "9780441013593" back as a number.
    await this.redis.set(this.prefix + key, JSON.stringify(value), { ex: ttlSeconds });
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.prefix + key);
  }
}
