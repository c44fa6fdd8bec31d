/** Types of the demo catalog generator, for tests that load generated data. */
export type Row = Record<string, string | number | null>;
export declare function generateCatalog(options: { books: number; seed?: number }): Record<string, Row[]>;
