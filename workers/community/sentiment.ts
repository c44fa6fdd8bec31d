import Sentiment from "sentiment";

const analyzer = new Sentiment();

/**
 * The AFINN sentiment score of what a reader wrote (the sum of its words' scores, an integer: below zero reads
 * negative), kept with the post at write time for the weekly review insights.
 */
export function sentimentOf(...texts: (string | null | undefined)[]): number {
  return analyzer.analyze(texts.filter(Boolean).join("\n")).score;
}
