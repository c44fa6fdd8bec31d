// `npm run openapi:lint [-- --write FILE]`: builds the Worker as deployed, serves it on miniflare (as the bench
// does), fetches /openapi.json and runs Redocly's recommended rules and Spectral's `oas` ruleset over it.
// Exits non-zero on any error of either; warnings are printed. `--write FILE` also saves the document.
import { writeFileSync } from "node:fs";
import { createConfig, lintFromString } from "@redocly/openapi-core";
import spectralCore from "@stoplight/spectral-core";
import spectralParsers from "@stoplight/spectral-parsers";
import spectralRulesets from "@stoplight/spectral-rulesets";
import { servedDocument } from "./served-openapi.mjs";

// Spectral ships CommonJS only.
const { Document, Spectral } = spectralCore;
const { Json } = spectralParsers;
const { oas } = spectralRulesets;

/** Redocly's `recommended` rules: [{ severity, rule, message, where }]. */
async function redocly(source) {
  const config = await createConfig({ extends: ["recommended"] });
  const problems = await lintFromString({ source, absoluteRef: "openapi.json", config });
  return problems.map((problem) => ({
    linter: "redocly",
    severity: problem.severity === "error" ? "error" : "warning",
    rule: problem.ruleId,
    message: problem.message,
    where: problem.location?.[0]?.pointer ?? "",
  }));
}

const SPECTRAL_SEVERITY = ["error", "warning", "info", "hint"];

/** Spectral's `oas` ruleset (its recommended rules). */
async function spectral(source) {
  const linter = new Spectral();
  linter.setRuleset({ extends: [[oas, "recommended"]] });
  const results = await linter.run(new Document(source, Json, "openapi.json"));
  return results.map((result) => ({
    linter: "spectral",
    severity: SPECTRAL_SEVERITY[result.severity] ?? "warning",
    rule: String(result.code),
    message: result.message,
    where: `#/${result.path.join("/")}`,
  }));
}

const writeAt = process.argv.indexOf("--write");
const source = await servedDocument();
if (writeAt !== -1) writeFileSync(process.argv[writeAt + 1], source);
const findings = [...(await redocly(source)), ...(await spectral(source))];
for (const finding of findings) {
  console.log(`${finding.severity.padEnd(7)} ${finding.linter} ${finding.rule} ${finding.where}: ${finding.message}`);
}
const errors = findings.filter((finding) => finding.severity === "error").length;
console.log(
  `OpenAPI lint: ${errors} errors, ${findings.length - errors} warnings or hints (Redocly recommended, Spectral oas)`,
);
process.exitCode = errors > 0 ? 1 : 0;
