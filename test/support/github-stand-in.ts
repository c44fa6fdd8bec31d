import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * GitHub's OAuth 2 web flow and the two REST calls sign-in makes, as GitHub answers them: `/login/oauth/authorize`
 * (the person GitHub's own `login` parameter names has already said yes: straight back with a code),
 * `/login/oauth/access_token` (client secret, redirect URI and the PKCE verifier checked; a bad code is 200 with an
 * `error`, as GitHub does), `GET /user` and `GET /user/emails`. Tests add people with `POST /__people`.
 */
export interface GitHubPerson {
  id: number;
  login: string;
  name: string | null;
  emails: { email: string; primary: boolean; verified: boolean }[];
}

interface Grant {
  login: string;
  redirectUri: string;
  challenge: string;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

export async function startGitHubStandIn(client: {
  id: string;
  secret: string;
}): Promise<{ url: string; server: Server }> {
  const people = new Map<string, GitHubPerson>();
  const codes = new Map<string, Grant>();
  const tokens = new Map<string, string>();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    if (req.method === "POST" && url.pathname === "/__people") {
      const person = JSON.parse(await body(req)) as GitHubPerson;
      people.set(person.login, person);
      return send(201, person);
    }
    if (req.method === "GET" && url.pathname === "/login/oauth/authorize") {
      const q = url.searchParams;
      const login = q.get("login") ?? "";
      if (q.get("client_id") !== client.id || !people.has(login) || q.get("code_challenge_method") !== "S256") {
        return send(400, { error: "the stand-in needs the client id, a known login and an S256 challenge" });
      }
      const code = randomBytes(10).toString("hex");
      codes.set(code, { login, redirectUri: q.get("redirect_uri") ?? "", challenge: q.get("code_challenge") ?? "" });
      const back = new URL(q.get("redirect_uri") ?? "");
      back.searchParams.set("code", code);
      back.searchParams.set("state", q.get("state") ?? "");
      res.writeHead(302, { location: back.toString() });
      return res.end();
    }
    if (req.method === "POST" && url.pathname === "/login/oauth/access_token") {
      const form = new URLSearchParams(await body(req));
      const grant = codes.get(form.get("code") ?? "");
      codes.delete(form.get("code") ?? "");
      const verifier = createHash("sha256")
        .update(form.get("code_verifier") ?? "")
        .digest("base64url");
      if (form.get("client_id") !== client.id || form.get("client_secret") !== client.secret) {
        return send(200, { error: "incorrect_client_credentials" });
      }
      if (!grant || grant.redirectUri !== form.get("redirect_uri") || grant.challenge !== verifier) {
        return send(200, { error: "bad_verification_code" });
      }
      const token = `gho_${randomBytes(16).toString("hex")}`;
      tokens.set(token, grant.login);
      return send(200, { access_token: token, token_type: "bearer", scope: "read:user,user:email" });
    }
    const person = people.get(tokens.get((req.headers.authorization ?? "").replace(/^Bearer /, "")) ?? "");
    if (req.method === "GET" && (url.pathname === "/user" || url.pathname === "/user/emails")) {
      if (!person) return send(401, { message: "Bad credentials" });
      if (url.pathname === "/user") return send(200, { id: person.id, login: person.login, name: person.name });
      return send(
        200,
        person.emails.map((email) => ({ ...email, visibility: null })),
      );
    }
    send(404, { message: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
