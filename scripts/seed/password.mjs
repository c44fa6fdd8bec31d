// The demo readers' password, hashed as identity hashes passwords (argon2id, its default parameters), with a salt
// drawn from the seed so a reseed writes the same rows.
import { readFileSync } from "node:fs";
import { argon2id, setWASMModules } from "argon2-wasm-edge";
import { rng } from "./catalog.mjs";

export const READER_PASSWORD = "bazaar reader 2026";

const wasm = (file) =>
  new WebAssembly.Module(readFileSync(new URL(import.meta.resolve(`argon2-wasm-edge/wasm/${file}`))));

export async function readerPasswordHash(seed) {
  setWASMModules({ argon2WASM: wasm("argon2.wasm"), blake2bWASM: wasm("blake2b.wasm") });
  const r = rng(seed);
  return argon2id({
    password: READER_PASSWORD.normalize("NFKC"),
    salt: Uint8Array.from({ length: 16 }, () => r.int(0, 255)),
    memorySize: 19_456,
    iterations: 2,
    parallelism: 1,
    hashLength: 32,
    outputType: "encoded",
  });
}
