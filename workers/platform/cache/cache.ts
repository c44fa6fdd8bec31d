/** A small JSON cache for computed reads; entries expire on their own and can be dropped by key. */
export interface Cache {
  get<T>(key: string): Promise<T | undefined>;
  put(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
}
