// Regenerates workers/identity/common-passwords.txt, the list registration and password changes refuse.
// Run after upgrading either source package: `node scripts/build-common-passwords.mjs`.
//
// Sources (both devDependencies, so the Worker ships only the generated text file):
// - zxcvbn (MIT, Dropbox): its 30,000 most frequent passwords from leaked-password corpora, in rank order.
// - fxa-common-password-list (MPL-2.0, Mozilla): 50,000 common passwords of 8+ characters from the top
//   million of the "10 million passwords" list. Only entries that our policy could otherwise accept
//   (10+ characters) are added, since shorter ones are refused by length already.
// Entries are lower-cased; the Worker compares the lower-cased candidate password.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const MIN_POLICY_LENGTH = 10;
const require = createRequire(import.meta.url);
const out = join(dirname(fileURLToPath(import.meta.url)), "..", "workers", "identity", "common-passwords.txt");

function zxcvbnPasswords() {
  const source = readFileSync(require.resolve("zxcvbn/lib/frequency_lists.js"), "utf8");
  const match = source.match(/passwords: "([^"]*)"/);
  if (!match) throw new Error("zxcvbn: password frequency list not found");
  return match[1].split(",");
}

/** The Firefox Accounts list is front-coded: each line is one base-36 digit (shared prefix length) and a suffix. */
function firefoxAccountsPasswords() {
  const encoded = require("fxa-common-password-list/src/encoded-passwords.js");
  const decoded = [];
  for (const line of encoded.split("\n")) {
    const shared = Number.parseInt(line.charAt(0), 36);
    if (Number.isNaN(shared)) throw new Error(`fxa-common-password-list: bad line ${JSON.stringify(line)}`);
    const previous = decoded.at(-1) ?? "";
    decoded.push(previous.slice(0, shared) + line.slice(1));
  }
  return decoded;
}

const seen = new Set();
const list = [];
const add = (password) => {
  const entry = password.trim().toLowerCase();
  if (!entry || entry.includes("\n") || seen.has(entry)) return;
  seen.add(entry);
  list.push(entry);
};
for (const password of zxcvbnPasswords()) add(password);
const fromZxcvbn = list.length;
for (const password of firefoxAccountsPasswords()) if (password.length >= MIN_POLICY_LENGTH) add(password);

if (list.length < 10_000) throw new Error(`only ${list.length} passwords; the policy promises at least 10,000`);
writeFileSync(out, `${list.join("\n")}\n`);
console.log(
  `Wrote ${list.length} passwords (${fromZxcvbn} from zxcvbn, ${list.length - fromZxcvbn} from fxa-common-password-list) to ${out}`,
);
