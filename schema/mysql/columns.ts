import { bigint, customType } from "drizzle-orm/mysql-core";

/**
 * String columns with their collation spelt out, since drizzle's mysql-core offers none. Every MySQL table
 * uses these instead of mysql-core's `varchar`/`text`: utf8mb4_bin compares byte for byte, as SQLite does, so
 * `Ann` and `ann` stay two keys. `searchText` folds case and accents (utf8mb4_unicode_ci) because a
 * FULLTEXT index matches by its columns' collation, as FTS5's `unicode61 remove_diacritics 2` tokenizer does.
 */
const EXACT = "CHARACTER SET utf8mb4 COLLATE utf8mb4_bin";
const FOLDED = "CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci";

type Sized = { data: string; driverData: string; config: { length: number }; configRequired: true };
const exactVarchar = customType<Sized>({ dataType: (config) => `varchar(${config.length}) ${EXACT}` });
const unsized = (type: "text" | "longtext", collation: string) =>
  customType<{ data: string; driverData: string }>({ dataType: () => `${type} ${collation}` });

/** Ids, keys, codes and short strings; `length` in characters (utf8mb4: 4 bytes each toward index limits). */
export const varchar = (name: string, length: number) => exactVarchar(name, { length });
/** Free text up to 64 KB, never indexed. */
export const text = unsized("text", EXACT);
/** Bodies that may outgrow 64 KB: mails, payloads, stored responses. */
export const longtext = unsized("longtext", EXACT);

/** Search-document text, folded for FULLTEXT matching. */
export const searchText = unsized("text", FOLDED);

/** Prefixed ids (`usr_` + 32 hex digits) and other ids of ours, with room to spare. */
export const id = (name: string) => varchar(name, 64);
/** Epoch milliseconds: past 2^31 already. */
export const epochMs = (name: string) => bigint(name, { mode: "number" });
/** Money in minor units: an order's sums can pass 2^31. */
export const minorUnits = (name: string) => bigint(name, { mode: "number" });
