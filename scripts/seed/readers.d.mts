/** Types of the readers' history generator, for the tests that measure the recommender on it. */
export interface ShelvedEdition {
  isbn13: string;
  author: string;
  category: string;
}
export interface ReaderHistory {
  reader: number;
  orders: { at: number; isbns: string[] }[];
  views: { at: number; isbn: string }[];
}
export declare function shelvesOf(editions: ShelvedEdition[]): string[][];
export declare function readingHistory(options: {
  shelves: string[][];
  bestSellers: string[];
  readers: number;
  seed: number;
}): ReaderHistory[];
export declare function heldOutSplit(history: ReaderHistory[]): {
  training: ReaderHistory[];
  heldOut: { reader: number; isbn13: string }[];
};
export declare function bestSellersFor(bought: Set<string>, orders: string[][], k?: number): string[];
