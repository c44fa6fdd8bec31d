/** D1 binds at most 100 parameters per statement: id lists are cut so each statement stays under it. */
export const MAX_LIST_PARAMS = 90;

/** Rows per multi-row INSERT when each row binds `columns` parameters. */
export const rowsPerInsert = (columns: number) => Math.floor(MAX_LIST_PARAMS / columns);

/** Slices of at most `size` items (multi-row inserts, `IN` lists). */
export function chunked<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** One read per slice of `items` (its `IN` list stays under D1's bound), the rows of all slices together. */
export async function readChunked<T, R>(
  items: T[],
  read: (part: T[]) => PromiseLike<R[]>,
  size = MAX_LIST_PARAMS,
): Promise<R[]> {
  if (items.length === 0) return [];
  return (await Promise.all(chunked(items, size).map(read))).flat();
}
