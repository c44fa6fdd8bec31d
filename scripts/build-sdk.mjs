// `npm run sdk:build`: regenerates the SDK's types (sdk/src/schema.ts, sdk/src/operations.ts) from the document the
// built Worker serves at /openapi.json. Commit what it writes; test/scripts/sdk.test.ts fails when they drift.
import { writeFileSync } from "node:fs";
import { sdkSources } from "./sdk-sources.mjs";
import { servedDocument } from "./served-openapi.mjs";

const sources = await sdkSources(JSON.parse(await servedDocument()));
for (const [path, text] of Object.entries(sources)) {
  writeFileSync(path, text);
  console.log(`wrote ${path} (${text.length.toLocaleString("en")} characters)`);
}
