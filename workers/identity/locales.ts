/** The languages mail and notices are written in; `en` is the default and what any missing wording falls back to. */
export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];
