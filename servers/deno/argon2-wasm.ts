import { compiledWasm } from "./files";

/** What wrangler's CompiledWasm rule gives identity for argon2 (see deno.jsonc). */
export default compiledWasm("node_modules/argon2-wasm-edge/wasm/argon2.wasm");
