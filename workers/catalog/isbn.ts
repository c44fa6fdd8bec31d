import { AppError } from "../http/errors";

/**
 * ISBN handling. Every ISBN that enters the catalog is normalised to ISBN-13: hyphens and spaces are
 * ignored, ISBN-10 is converted (978 prefix) and the check digit is verified.
 */
export type Isbn13 = string & { readonly __isbn13: unique symbol };

const SEPARATORS = /[\s\u00a0\u2010-\u2015-]/g;

function isbn13CheckDigit(first12: string): number {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
  return (10 - (sum % 10)) % 10;
}

function isbn10CheckDigit(first9: string): string {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(first9[i]) * (10 - i);
  const digit = (11 - (sum % 11)) % 11;
  return digit === 10 ? "X" : String(digit);
}

/** The ISBN-13 for an ISBN-10 or ISBN-13 in any common notation, or undefined when it is not a valid ISBN. */
export function normalizeIsbn(input: string): Isbn13 | undefined {
  const compact = input
    .replace(SEPARATORS, "")
    .toUpperCase()
    .replace(/^ISBN(?:-1[03])?:?/, "");
  if (/^\d{13}$/.test(compact)) {
    if (!compact.startsWith("978") && !compact.startsWith("979")) return undefined;
    return isbn13CheckDigit(compact) === Number(compact[12]) ? (compact as Isbn13) : undefined;
  }
  if (/^\d{9}[\dX]$/.test(compact)) {
    if (isbn10CheckDigit(compact) !== compact[9]) return undefined;
    const first12 = `978${compact.slice(0, 9)}`;
    return `${first12}${isbn13CheckDigit(first12)}` as Isbn13;
  }
  return undefined;
}

/** Like `normalizeIsbn`, but an invalid ISBN is the client's 422 `invalid_isbn`. */
export function requireIsbn(input: string): Isbn13 {
  const isbn = normalizeIsbn(input);
  if (!isbn) throw new AppError("invalid_isbn", `"${input.slice(0, 40)}" is not a valid ISBN-10 or ISBN-13.`);
  return isbn;
}

/** The ISBN-10 of a 978-prefixed ISBN-13 (979 ISBNs have none). */
export function toIsbn10(isbn13: Isbn13 | string): string | undefined {
  if (!isbn13.startsWith("978")) return undefined;
  const first9 = isbn13.slice(3, 12);
  return `${first9}${isbn10CheckDigit(first9)}`;
}

/** True when the text looks like someone typed an ISBN (digits with optional separators, maybe a final X). */
export function looksLikeIsbn(text: string): boolean {
  const compact = text.replace(SEPARATORS, "").replace(/^ISBN(?:-1[03])?:?/i, "");
  return /^(\d{9}[\dXx]|\d{13})$/.test(compact);
}
