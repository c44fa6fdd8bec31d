import { repositoryFile } from "./files";

/** What wrangler's Text rule gives identity for its password list (see deno.jsonc). */
export default repositoryFile("workers/identity/common-passwords.txt").toString("utf8");
