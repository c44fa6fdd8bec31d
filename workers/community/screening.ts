import { englishDataset, englishRecommendedTransformers, RegExpMatcher } from "obscenity";

/**
 * The filter every review, thread and comment passes before it is shown: profanity (obscenity's English data
 * set, which sees through leetspeak, repeated letters and look-alike characters) or link spam (more than
 * `MAX_LINKS` links) holds it as `pending` for a moderator instead of publishing it.
 */

const profanity = new RegExpMatcher({ ...englishDataset.build(), ...englishRecommendedTransformers });

/** Links a reader may share in one post without it being held. */
const MAX_LINKS = 1;
const LINK =
  /\b(?:https?:\/\/|www\.)\S+|\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|info|biz|ru|cn|xyz|top|io|co)\b/gi;

export type ScreeningFlag = "profanity" | "links";

export interface Screening {
  /** Whether it may be published at once; otherwise it waits as `pending`. */
  publish: boolean;
  flags: ScreeningFlag[];
}

export function screen(...texts: (string | null | undefined)[]): Screening {
  const text = texts.filter(Boolean).join("\n");
  const flags: ScreeningFlag[] = [];
  if (profanity.hasMatch(text)) flags.push("profanity");
  if ((text.match(LINK)?.length ?? 0) > MAX_LINKS) flags.push("links");
  return { publish: flags.length === 0, flags };
}
