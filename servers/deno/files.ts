import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A file of the repository, by its path from the root. */
export function repositoryFile(path: string): Buffer {
  return readFileSync(fileURLToPath(new URL(`../../${path}`, import.meta.url).href));
}

/** The file as wrangler's CompiledWasm rule hands it over: a compiled module, ready to instantiate. */
export function compiledWasm(path: string): WebAssembly.Module {
  // workers-types give Module no constructor, as Workers refuse to compile at runtime; Deno compiles.
  const Compiled = WebAssembly.Module as unknown as new (bytes: Uint8Array) => WebAssembly.Module;
  return new Compiled(repositoryFile(path));
}
