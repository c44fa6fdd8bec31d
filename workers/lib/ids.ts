/** Prefixed, time-sortable identifiers built on UUIDv7: `usr_0192…`, `ord_0192…`. */
export type IdPrefix =
  | "usr"
  | "idn"
  | "ses"
  | "sel"
  | "wrk"
  | "edn"
  | "cat"
  | "lst"
  | "cov"
  | "pho"
  | "prh"
  | "imp"
  | "crt"
  | "lin"
  | "rsv"
  | "ord"
  | "sor"
  | "oln"
  | "osh"
  | "orf"
  | "prj"
  | "shp"
  | "pay"
  | "ref"
  | "evt"
  | "msg"
  | "dlq"
  | "aud"
  | "rec"
  | "req"
  | "rev"
  | "srv"
  | "thr"
  | "cmt"
  | "rpt"
  | "mod"
  | "rrc"
  | "ntf"
  | "psb"
  | "bal"
  | "prm"
  | "rdm"
  | "txr"
  | "lsp"
  | "ret"
  | "rth"
  | "loc"
  | "led"
  | "trf"
  | "trv"
  | "dsp"
  | "tkt"
  | "tkm"
  | "tkh"
  | "tka";

let lastMillis = 0;
let sequence = 0;

/** UUIDv7 as 32 lowercase hex characters; monotonic within one isolate (12-bit counter per millisecond). */
export function uuidv7Hex(now = Date.now()): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  if (now > lastMillis) {
    lastMillis = now;
    sequence = ((bytes[6]! << 8) | bytes[7]!) & 0x7ff;
  } else if (++sequence > 0xfff) {
    lastMillis += 1;
    sequence = 0;
  }
  const view = new DataView(bytes.buffer);
  view.setUint32(0, Math.floor(lastMillis / 2 ** 16));
  view.setUint16(4, lastMillis % 2 ** 16);
  bytes[6] = 0x70 | (sequence >> 8);
  bytes[7] = sequence & 0xff;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  let hex = "";
  for (const b of bytes) hex += b.toString(16).padStart(2, "0");
  return hex;
}

export function newId<P extends IdPrefix>(prefix: P): `${P}_${string}` {
  return `${prefix}_${uuidv7Hex()}`;
}

export function idPattern(prefix: IdPrefix): RegExp {
  return new RegExp(`^${prefix}_[0-9a-f]{32}$`);
}
