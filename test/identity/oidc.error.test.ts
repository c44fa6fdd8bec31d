import { describe, expect, it } from "vitest";
import { api, json } from "../support/identity";
import {
  exchange,
  providerAccount,
  returnTo,
  STOREFRONT,
  signInWithProvider,
  socialSignIn,
  startAt,
} from "../support/oidc";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("social sign-in (errors)", () => {
  it("an unknown provider is 404", async () => {
    const response = await api(`/v1/auth/oidc/nobody/start?redirect=${encodeURIComponent(STOREFRONT)}`, {
      redirect: "manual",
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: "not_found" });
  });

  it("a start without a redirect, or with a malformed provider id, is 400", async () => {
    const missing = await api("/v1/auth/oidc/local/start", { redirect: "manual" });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ code: "validation_failed" });
    const malformed = await api(`/v1/auth/oidc/NOT_AN_ID/start?redirect=${encodeURIComponent(STOREFRONT)}`, {
      redirect: "manual",
    });
    expect(malformed.status).toBe(400);
  });

  it("a provider that cannot be reached is 502 provider_unavailable", async () => {
    const response = await api(`/v1/auth/oidc/offline/start?redirect=${encodeURIComponent(STOREFRONT)}`, {
      redirect: "manual",
    });
    expect(response.status).toBe(502);
    expect(await response.json()).toMatchObject({ code: "provider_unavailable", provider: "offline" });
  });

  it("a code the provider refuses to redeem sends the browser back with code_refused", async () => {
    const back = await socialSignIn(providerAccount(), { provider: "stale-secret" });
    expect(back.searchParams.get("oidc_error")).toBe("code_refused");
  });

  it("a person who declines at the provider comes back with access_denied", async () => {
    const provider = new URL(await startAt());
    const state = provider.searchParams.get("state") ?? "";
    const query = new URLSearchParams({
      state,
      error: "access_denied",
      error_description: "The user said no",
      iss: provider.origin,
    });
    const response = await returnTo(new URL(`http://127.0.0.1:8787/v1/auth/oidc/local/callback?${query}`));
    expect(response.status).toBe(302);
    const back = new URL(response.headers.get("location") ?? "");
    expect(back.searchParams.get("oidc_error")).toBe("access_denied");
  });

  it("a callback without a state is 400 invalid_state", async () => {
    const response = await returnTo(new URL("http://127.0.0.1:8787/v1/auth/oidc/local/callback?code=abc"));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: "invalid_state" });
  });

  it("a new person without a verified email gets no account", async () => {
    const back = await socialSignIn(providerAccount({ verified: false }));
    expect(back.searchParams.get("oidc_error")).toBe("email_unverified");
  });

  it("an unknown sign-in code is 400, a malformed body too", async () => {
    const unknown = await exchange("a-code-nobody-was-ever-given-0123456789");
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ code: "invalid_or_expired_token" });
    const malformed = await api("/v1/auth/oidc/exchange", json({ code: 42 }));
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ code: "validation_failed" });
    const noLink = await api(
      "/v1/auth/oidc/link",
      json({ code: "a-code-nobody-was-ever-given-0123456789", password: "x" }),
    );
    expect(noLink.status).toBe(400);
  });

  it("an account without a password keeps its last sign-in", async () => {
    const signedIn = await signInWithProvider(providerAccount());
    const headers = bearer(signedIn.accessToken);
    const { identities } = await (await api("/v1/me/identities", { headers })).json<{ identities: { id: string }[] }>();
    const response = await api(`/v1/me/identities/${identities[0]?.id}`, { method: "DELETE", headers });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: "last_sign_in_method" });
    const malformed = await api("/v1/me/identities/not-an-id", { method: "DELETE", headers });
    expect(malformed.status).toBe(400);
  });

  it("a password login to an account opened with a provider is refused like a wrong password", async () => {
    const person = providerAccount();
    await signInWithProvider(person);
    const response = await api("/v1/auth/login", json({ email: person.email, password: "any password at all" }));
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ code: "invalid_credentials" });
  });
});
