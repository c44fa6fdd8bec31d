import type { Cache } from "./cache";

interface Entry {
  json: string;
  expiresAt: number;
}

/**
 * An in-process LRU, for a server with neither the Workers Cache API nor Upstash (the read API on Bun or Deno).
 * Entries are kept as JSON text, as the other adapters store them, so a caller never shares an object with the
 * cache; `maxChars` bounds that text, and the least recently read entries go first when it is exceeded.
 */
export class MemoryCache implements Cache {
  private readonly entries = new Map<string, Entry>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.forget(key);
    if (entry.expiresAt <= Date.now()) return undefined;
    // Map keeps insertion order: put back, it becomes the most recently used.
    this.remember(key, entry);
    return JSON.parse(entry.json) as T;
  }

  async put(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    this.forget(key);
    const json = JSON.stringify(value);
    if (json.length > this.maxChars) return;
    this.remember(key, { json, expiresAt: Date.now() + ttlSeconds * 1000 });
    for (const [oldest] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.forget(oldest);
    }
  }

  async delete(key: string): Promise<void> {
    this.forget(key);
  }

  private remember(key: string, entry: Entry) {
    this.entries.set(key, entry);
    this.chars += entry.json.length;
  }

  private forget(key: string) {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.chars -= entry.json.length;
  }
}
