import { exports } from "cloudflare:workers";

/**
 * A browser's view of the console inside workerd: a cookie jar, forms posted as a browser posts them, redirects
 * left for the test to follow. (The real browser runs in test/browser; these tests check the HTTP rules.)
 */
export class ConsoleClient {
  readonly cookies = new Map<string, string>();
  /** `worker`: the Worker to browse, the test's own by default (or one built with other settings). */
  constructor(
    readonly ip = `198.51.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    private readonly worker: { fetch(url: string, init: RequestInit): Promise<Response> } = exports.default,
  ) {}

  async fetch(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    if (cookie) headers.set("cookie", cookie);
    headers.set("cf-connecting-ip", this.ip);
    const response = await this.worker.fetch(`http://bazaar.test${path}`, { ...init, headers, redirect: "manual" });
    for (const line of response.headers.getSetCookie()) {
      const [pair = "", ...attributes] = line.split(";");
      const [name = "", value = ""] = pair.split("=");
      const expired = attributes.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value === "") this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    return response;
  }

  get(path: string) {
    return this.fetch(path);
  }

  /** Posts a urlencoded form, with the page's form token unless the test says otherwise. */
  post(path: string, fields: Record<string, string>, init: RequestInit = {}) {
    return this.fetch(path, {
      method: "POST",
      ...init,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://bazaar.test", ...init.headers },
      body: new URLSearchParams(fields).toString(),
    });
  }

  /** The form token a page hands out (its hidden `_csrf` field). */
  async formToken(path: string): Promise<string> {
    const html = await (await this.get(path)).text();
    const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!token) throw new Error(`no form token on ${path}`);
    return token;
  }

  /** Signs in through the login form, as a seller at the keyboard would. */
  async signIn(email: string, password: string): Promise<Response> {
    const _csrf = await this.formToken("/console/login");
    return this.post("/console/login", { _csrf, email, password, next: "/console" });
  }
}
