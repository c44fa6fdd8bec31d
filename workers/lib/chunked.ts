/** D1 binds at most 100 parameters per statement; multi-row inserts are cut to stay under it. */
export function chunked<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
