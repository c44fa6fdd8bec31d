/** What a file really is, decided by its first bytes (magic numbers), never by its name or declared type. */

export interface FileType {
  type: "image/jpeg" | "image/png" | "image/webp" | "application/pdf";
  ext: "jpg" | "png" | "webp" | "pdf";
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

const SIGNATURES: { file: FileType; matches: (b: Uint8Array) => boolean }[] = [
  {
    file: { type: "image/jpeg", ext: "jpg" },
    matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff,
  },
  {
    file: { type: "image/png", ext: "png" },
    matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((byte, i) => b[i] === byte),
  },
  {
    file: { type: "image/webp", ext: "webp" },
    matches: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP",
  },
  { file: { type: "application/pdf", ext: "pdf" }, matches: (b) => ascii(b, 0, 5) === "%PDF-" },
];

export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;
export const IMAGE_AND_PDF_TYPES = [...IMAGE_TYPES, "application/pdf"] as const;

/** The type among `accepted` that the bytes really are, or undefined (an HTML page named `.jpg`, say). */
export function sniffFileType(bytes: Uint8Array, accepted: readonly FileType["type"][]): FileType | undefined {
  return SIGNATURES.find(({ file, matches }) => accepted.includes(file.type) && matches(bytes))?.file;
}
