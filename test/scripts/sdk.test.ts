import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { sdkSources } from "../../scripts/sdk-sources.mjs";
import { servedDocument } from "../../scripts/served-openapi.mjs";

/**
 * The SDK's generated types are the API's: rebuilt from the /openapi.json the built Worker serves, they must equal
 * what is committed in sdk/src (run `npm run sdk:build` after changing a route).
 */
it("the committed SDK matches the API's current OpenAPI document", async () => {
  const sources = await sdkSources(JSON.parse(await servedDocument()));
  for (const [path, text] of Object.entries(sources)) {
    expect(text === readFileSync(path, "utf8"), `${path} is stale: run npm run sdk:build`).toBe(true);
  }
}, 180_000);
