/**
 * A name as mail may show it: anyone can register any address with any name, and mail clients turn
 * URL-, domain- and address-like text into links. Dots, slashes and at signs become look-alikes
 * (one-dot leader, division slash, full-width at) that no autolinker reads as part of a link, in the
 * text part and, through it, the HTML part.
 */
export function inertName(name: string): string {
  return name.replace(/[./@]/g, (ch) => ({ ".": "\u2024", "/": "\u2215", "@": "\uff20" })[ch] ?? ch);
}

/**
 * Prose a reader wrote (a comment's excerpt, a thread's title) as mail may quote it: as `inertName`, but a dot
 * ending a sentence stays a dot; only one inside a word (a domain, `evil.example`) becomes a look-alike.
 */
export function inertProse(text: string): string {
  return text.replace(/\.(?=\S)|[/@]/g, (ch) => ({ ".": "\u2024", "/": "\u2215", "@": "\uff20" })[ch] ?? ch);
}
