import { compiledWasm } from "./files";

/** What wrangler's CompiledWasm rule gives identity for blake2b (see deno.jsonc). */
export default compiledWasm("node_modules/argon2-wasm-edge/wasm/blake2b.wasm");
