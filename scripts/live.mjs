// Watch an account's live channel from a terminal, as a storefront tab would: signs in, takes a ticket, opens
// the WebSocket and prints each message as one JSON line. When the socket drops it takes a new ticket and
// reconnects after the last id it saw, so nothing sent in between is missed.
//
//   npm run live -- --email reader@example.com --password '…' [--base http://127.0.0.1:8787]
//
// Status lines go to stderr, messages to stdout (pipe them to jq). Ctrl-C stops it.
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    email: { type: "string" },
    password: { type: "string" },
    base: { type: "string", default: "http://127.0.0.1:8787" },
  },
});
if (!values.email || !values.password) {
  console.error("Usage: npm run live -- --email <email> --password <password> [--base <url>]");
  process.exit(1);
}
if (typeof WebSocket === "undefined") {
  console.error("This needs Node 22 or later (a global WebSocket); `npm run live` uses the project's.");
  process.exit(1);
}

/** The close code of a deleted account's channel: reconnecting cannot help. */
const CHANNEL_CLOSED = 4001;
const status = (line) => console.error(`[live] ${line}`);

async function post(path, body, accessToken) {
  const headers = { "content-type": "application/json" };
  if (accessToken) headers.authorization = `Bearer ${accessToken}`;
  const response = await fetch(new URL(path, values.base), { method: "POST", headers, body: JSON.stringify(body) });
  const answer = await response.json().catch(() => ({}));
  return { status: response.status, answer };
}

let accessToken;

async function signIn() {
  const { status: code, answer } = await post("/v1/auth/login", { email: values.email, password: values.password });
  if (code !== 200) throw new Error(`sign-in answered ${code}: ${answer.detail ?? "no detail"}`);
  accessToken = answer.accessToken;
  status(`signed in as ${answer.user.id}`);
}

/** A fresh ticket; an access token that expired meanwhile (15 minutes) is renewed by signing in again. */
async function ticket() {
  let reply = await post("/v1/me/live-ticket", {}, accessToken);
  if (reply.status === 401) {
    await signIn();
    reply = await post("/v1/me/live-ticket", {}, accessToken);
  }
  if (reply.status !== 201) throw new Error(`live-ticket answered ${reply.status}: ${reply.answer.detail ?? ""}`);
  return reply.answer;
}

let lastId;
let wait = 1000;

function reconnect() {
  status(`reconnecting in ${wait / 1000} s`);
  setTimeout(connect, wait);
  wait = Math.min(wait * 2, 30_000);
}

async function connect() {
  let url;
  try {
    url = (await ticket()).url;
  } catch (error) {
    status(String(error.message ?? error));
    return reconnect();
  }
  const socket = new WebSocket(lastId ? `${url}&after=${encodeURIComponent(lastId)}` : url);
  socket.addEventListener("open", () => status(lastId ? `connected, resuming after ${lastId}` : "connected"));
  socket.addEventListener("message", (event) => {
    console.log(event.data);
    const message = JSON.parse(event.data);
    if (message.id) lastId = message.id;
    if (message.type === "ready") wait = 1000;
  });
  socket.addEventListener("close", (event) => {
    if (event.code === CHANNEL_CLOSED) {
      status("the account was deleted: its channel is closed");
      process.exit(0);
    }
    status(`closed (${event.code}${event.reason ? ` ${event.reason}` : ""})`);
    reconnect();
  });
}

try {
  await signIn();
} catch (error) {
  status(error.message);
  process.exit(1);
}
connect();
