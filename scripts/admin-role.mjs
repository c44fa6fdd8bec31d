// Operator command: grant or revoke the admin role of an existing account. Admin is never self-service;
// besides this command, ADMIN_EMAILS (configuration) grants it at login.
//
//   npm run admin:grant -- someone@example.com               # local D1 (what `npm start` serves)
//   npm run admin:grant -- someone@example.com --remote      # the deployed D1 (add --env production if used)
//   npm run admin:revoke -- someone@example.com [--remote]
//
// The change reaches the account's access tokens at their next refresh (at most 15 minutes), and is
// recorded in the audit log (role_granted / role_revoked, source "operator").
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";

const [action, ...rest] = process.argv.slice(2);
const email = rest.find((arg) => !arg.startsWith("--") && rest[rest.indexOf(arg) - 1] !== "--env");
const remote = rest.includes("--remote");
const env = rest.includes("--env") ? rest[rest.indexOf("--env") + 1] : undefined;

if (!["grant", "revoke"].includes(action) || !email || !/^[^\s@'"\\;]+@[^\s@'"\\;]+\.[^\s@'"\\;]+$/.test(email)) {
  console.error("Usage: npm run admin:grant -- <email> [--remote] [--env <name>]");
  console.error("       npm run admin:revoke -- <email> [--remote] [--env <name>]");
  process.exit(1);
}

const emailKey = email.trim().toLowerCase();
const sqlText = (value) => `'${String(value).replace(/'/g, "''")}'`;

function d1(command) {
  const args = ["d1", "execute", "DB", remote ? "--remote" : "--local", "--json", "--command", command];
  if (env) args.push("--env", env);
  const result = spawnSync("wrangler", args, { encoding: "utf8" });
  if (result.status !== 0) {
    console.error(result.stderr || result.stdout);
    process.exit(result.status ?? 1);
  }
  return JSON.parse(result.stdout);
}

/** Same shape as workers/lib/ids.ts: prefix + UUIDv7 as 32 hex characters. */
function newId(prefix) {
  const bytes = randomBytes(16);
  bytes.writeUIntBE(Date.now(), 0, 6);
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  return `${prefix}_${bytes.toString("hex")}`;
}

const [found] = d1(`SELECT id, deleted_at FROM users WHERE email_key = ${sqlText(emailKey)}`);
const user = found?.results?.[0];
if (!user || user.deleted_at !== null) {
  console.error(`No live account with the email ${email}. The person must register first.`);
  process.exit(1);
}

const now = Date.now();
const detail = JSON.stringify({ role: "admin", source: "operator", operator: userInfo().username });
const audit = (type) =>
  `INSERT INTO audit_log (id, type, user_id, actor_id, session_id, ip, user_agent, detail, created_at) ` +
  `VALUES (${sqlText(newId("aud"))}, ${sqlText(type)}, ${sqlText(user.id)}, NULL, NULL, NULL, 'admin-role script', ${sqlText(detail)}, ${now})`;

if (action === "grant") {
  d1(
    `INSERT INTO user_roles (user_id, role, source, granted_at) VALUES (${sqlText(user.id)}, 'admin', 'operator', ${now}) ` +
      `ON CONFLICT (user_id, role) DO UPDATE SET source = 'operator', granted_at = excluded.granted_at; ${audit("role_granted")}`,
  );
  console.log(`Granted admin to ${email} (${user.id}). It takes effect at the account's next login or refresh.`);
} else {
  d1(`DELETE FROM user_roles WHERE user_id = ${sqlText(user.id)} AND role = 'admin'; ${audit("role_revoked")}`);
  console.log(`Revoked admin from ${email} (${user.id}). Tokens issued before keep it until they expire (15 minutes).`);
  console.log("If the email is listed in ADMIN_EMAILS, remove it there too, or the next login grants it again.");
}
