export declare const literal: (value: unknown) => string;
export declare function inserts(table: string, list: Record<string, unknown>[], verb?: string): Generator<string>;
export declare const CATALOG_TABLES: string[];
