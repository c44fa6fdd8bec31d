import { describe, expect, it } from "vitest";
import { api, asAdmin, json, signUp } from "../support/identity";
import {
  exchange,
  providerAccount,
  returnTo,
  STOREFRONT,
  signInAtProvider,
  signInWithProvider,
  socialSignIn,
  startAt,
} from "../support/oidc";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function accountsWithEmail(email: string): Promise<number> {
  const admin = await asAdmin();
  const response = await api(`/v1/admin/users?email=${encodeURIComponent(email)}`, { headers: admin.auth });
  return (await response.json<{ items: unknown[] }>()).items.length;
}

describe("social sign-in (security)", () => {
  it.each([
    "https://evil.example/signed-in",
    "https://shop.bazaar.test.evil.example/",
    "//evil.example/signed-in",
    "javascript:alert(1)",
    "/account/signed-in",
  ])("refuses to send the browser back anywhere but a storefront origin: %s", async (redirect) => {
    const response = await api(`/v1/auth/oidc/local/start?redirect=${encodeURIComponent(redirect)}`, {
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_redirect" });
    expect(response.headers.get("location")).toBeNull();
  });

  it("refuses an open redirect when linking from a session too", async () => {
    const reader = await signUp();
    const response = await api(
      "/v1/me/identities",
      json({ provider: "local", redirect: "https://evil.example/" }, { headers: reader.auth }),
    );
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_redirect" });
  });

  it.each([
    ["signature", "an ID token signed with a key the issuer never published"],
    ["nonce", "an ID token with another nonce"],
    ["audience", "an ID token issued to another client"],
    ["expired", "an expired ID token"],
  ] as const)("signs no one in with a forged %s (%s)", async (forge, _what) => {
    const person = providerAccount({ forge });
    const back = await socialSignIn(person);
    expect(back.searchParams.get("oidc_error")).toBe("invalid_id_token");
    expect(back.searchParams.get("oidc_code")).toBeNull();
    expect(await accountsWithEmail(person.email)).toBe(0);
  });

  it("a replayed state is refused, and so is one the Worker never issued", async () => {
    const callback = await signInAtProvider(await startAt(), providerAccount());
    const first = await returnTo(callback);
    expect(first.status).toBe(302);
    const replayed = await returnTo(callback);
    expect(replayed.status).toBe(400);
    expect(await replayed.json()).toMatchObject({ code: "invalid_state" });

    const forged = new URL(callback);
    forged.searchParams.set("state", "a-state-nobody-issued-0123456789abcdef");
    const unknown = await returnTo(forged);
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: "invalid_state" });
  });

  it("a state is good only for the provider it was issued for", async () => {
    const callback = await signInAtProvider(await startAt(), providerAccount());
    const elsewhere = new URL(callback);
    elsewhere.pathname = "/v1/auth/oidc/stale-secret/callback";
    const response = await returnTo(elsewhere);
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_state" });
  });

  it("a sign-in code works once", async () => {
    const code = (await socialSignIn(providerAccount())).searchParams.get("oidc_code") ?? "";
    expect((await exchange(code)).status).toBe(200);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ code: "invalid_or_expired_token" });
  });

  it("never links an existing account on an email the provider has not verified", async () => {
    const reader = await signUp();
    const back = await socialSignIn(providerAccount({ email: reader.email, verified: false }));
    expect(back.searchParams.get("oidc_error")).toBe("email_unverified");
    const identities = await api("/v1/me/identities", { headers: reader.auth });
    expect((await identities.json<{ identities: unknown[] }>()).identities).toEqual([]);
  });

  it("a wrong password links nothing; the code still works with the right one", async () => {
    const reader = await signUp();
    const code = (await socialSignIn(providerAccount({ email: reader.email }))).searchParams.get("oidc_code") ?? "";
    const wrong = await api("/v1/auth/oidc/link", json({ code, password: "not the password at all" }));
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: "invalid_credentials" });
    const identities = await api("/v1/me/identities", { headers: reader.auth });
    expect((await identities.json<{ identities: unknown[] }>()).identities).toEqual([]);

    const right = await api("/v1/auth/oidc/link", json({ code, password: reader.password }));
    expect(right.status).toBe(200);
    expect((await right.json<{ user: { id: string } }>()).user.id).toBe(reader.userId);
  });

  it("a provider account linked to one account cannot be linked to another", async () => {
    const person = providerAccount();
    await signInWithProvider(person);
    const other = await signUp();
    const started = await api(
      "/v1/me/identities",
      json({ provider: "local", redirect: STOREFRONT }, { headers: other.auth }),
    );
    const { authorizationUrl } = await started.json<{ authorizationUrl: string }>();
    const back = await returnTo(await signInAtProvider(authorizationUrl, person));
    const storefront = new URL(back.headers.get("location") ?? "");
    expect(storefront.searchParams.get("oidc_error")).toBe("identity_in_use");
  });

  it("nobody unlinks another account's sign-in", async () => {
    const owner = await signInWithProvider(providerAccount());
    const { identities } = await (await api("/v1/me/identities", { headers: bearer(owner.accessToken) })).json<{
      identities: { id: string }[];
    }>();
    const stranger = await signUp();
    const response = await api(`/v1/me/identities/${identities[0]?.id}`, { method: "DELETE", headers: stranger.auth });
    expect(response.status).toBe(404);
    const still = await (await api("/v1/me/identities", { headers: bearer(owner.accessToken) })).json<{
      identities: unknown[];
    }>();
    expect(still.identities).toHaveLength(1);
  });

  it("a suspended account signs in with a provider nowhere", async () => {
    const person = providerAccount();
    const signedIn = await signInWithProvider(person);
    const admin = await asAdmin();
    const suspended = await api(
      `/v1/admin/users/${signedIn.user.id}/suspend`,
      json({ reason: "fraud" }, { headers: admin.auth }),
    );
    expect(suspended.status).toBe(200);
    const code = (await socialSignIn(person)).searchParams.get("oidc_code") ?? "";
    const response = await exchange(code);
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "account_suspended" });
  });

  it("the identity routes need a signed-in caller", async () => {
    expect((await api("/v1/me/identities")).status).toBe(401);
    expect((await api("/v1/me/identities", json({ provider: "local", redirect: STOREFRONT }))).status).toBe(401);
  });
});
