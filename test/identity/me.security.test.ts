import { describe, expect, it } from "vitest";
import { api, json, signUp } from "../support/identity";

const SESSION_ID = `ses_${"1".repeat(32)}`;

/** Every /v1/me route and the authenticated auth routes, as [method, path, body]. */
const PROTECTED: [string, string, unknown?][] = [
  ["GET", "/v1/me"],
  ["PATCH", "/v1/me", { name: "X" }],
  ["DELETE", "/v1/me", { password: "whatever it is" }],
  ["POST", "/v1/me/password", { currentPassword: "x", newPassword: "a new long passphrase" }],
  ["GET", "/v1/me/sessions"],
  ["DELETE", `/v1/me/sessions/${SESSION_ID}`],
  ["POST", "/v1/auth/logout"],
  ["POST", "/v1/auth/logout-all"],
  ["POST", "/v1/auth/verify-email/resend"],
  ["POST", "/v1/sellers", { storeName: "Shop", contactEmail: "a@b.example", shipsFrom: "DE" }],
];

const send = (method: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
  api(path, body === undefined ? { method, headers } : json(body, { method, headers }));

describe("account routes without a valid token", () => {
  it.each(PROTECTED)("%s %s answers 401", async (method, path, body) => {
    const none = await send(method, path, body);
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ code: "unauthorized" });
    const garbage = await send(method, path, body, { authorization: "Bearer x.y.z" });
    expect(garbage.status).toBe(401);
  });
});

describe("someone else's resources", () => {
  it("a session of another account cannot be seen or revoked", async () => {
    const alice = await signUp();
    const bob = await signUp();
    const bobs = await (await api("/v1/me/sessions", { headers: bob.auth })).json<{ items: { id: string }[] }>();
    const bobSession = bobs.items[0]!.id;

    const alices = await (await api("/v1/me/sessions", { headers: alice.auth })).json<{ items: { id: string }[] }>();
    expect(alices.items.map((s) => s.id)).not.toContain(bobSession);

    const attempt = await api(`/v1/me/sessions/${bobSession}`, { method: "DELETE", headers: alice.auth });
    expect(attempt.status).toBe(404);
    expect((await api("/v1/me", { headers: bob.auth })).status).toBe(200);
  });

  it("/v1/me always answers about the token's own account", async () => {
    const alice = await signUp({ name: "Alice" });
    const bob = await signUp({ name: "Bob" });
    const shown = await (await api("/v1/me", { headers: alice.auth })).json<{ user: { id: string; name: string } }>();
    expect(shown.user).toMatchObject({ id: alice.userId, name: "Alice" });
    expect(shown.user.id).not.toBe(bob.userId);
  });

  it("PATCH /v1/me cannot grant roles or change the email", async () => {
    const account = await signUp();
    const response = await api(
      "/v1/me",
      json({ name: "Sneaky", roles: ["admin"], email: "other@x.example" }, { method: "PATCH", headers: account.auth }),
    );
    expect(response.status).toBe(200);
    const { user } = await response.json<{ user: { roles: string[]; email: string } }>();
    expect(user.roles).toEqual(["buyer"]);
    expect(user.email).toBe(account.email);
  });
});
