import { describe, expect, it } from "vitest";
import { api, asAdmin, json, signUp } from "../support/identity";
import { waitForMail } from "../support/mail";
import { challengeFor, enableMfa } from "../support/mfa";
import {
  exchange,
  providerAccount,
  returnTo,
  STOREFRONT,
  signInAtProvider,
  signInWithProvider,
  socialSignIn,
} from "../support/oidc";

interface Identities {
  identities: { id: string; provider: string; providerName: string; email: string | null }[];
  hasPassword: boolean;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("social sign-in (happy)", () => {
  it("lists the configured providers with their start URLs", async () => {
    const response = await api("/v1/auth/oidc/providers");
    expect(response.status).toBe(200);
    const { providers } = await response.json<{ providers: { id: string; name: string; startUrl: string }[] }>();
    expect(providers).toContainEqual({
      id: "local",
      name: "Local provider",
      startUrl: "http://127.0.0.1:8787/v1/auth/oidc/local/start",
    });
  });

  it("sends the browser to the provider with PKCE, state and nonce", async () => {
    const response = await api(`/v1/auth/oidc/local/start?redirect=${encodeURIComponent(STOREFRONT)}`, {
      redirect: "manual",
    });
    expect(response.status).toBe(302);
    const url = new URL(response.headers.get("location") ?? "");
    expect(url.pathname).toBe("/auth");
    expect(url.searchParams.get("client_id")).toBe("book-bazaar-test");
    expect(url.searchParams.get("redirect_uri")).toBe("http://127.0.0.1:8787/v1/auth/oidc/local/callback");
    expect(url.searchParams.get("response_type")).toBe("code");
    expect(url.searchParams.get("scope")).toBe("openid email profile");
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(url.searchParams.get("state")).toMatch(/^[\w-]{40,}$/);
    expect(url.searchParams.get("nonce")).toMatch(/^[\w-]{40,}$/);
  });

  it("a first sign-in opens an account with the email verified, and the next one signs into it", async () => {
    const person = providerAccount();
    const back = await socialSignIn(person);
    expect(`${back.origin}${back.pathname}`).toBe(STOREFRONT);
    const code = back.searchParams.get("oidc_code") ?? "";
    expect(code).toMatch(/^[\w-]{40,}$/);

    const first = await exchange(code);
    expect(first.status).toBe(200);
    const tokens = await first.json<{
      accessToken: string;
      user: { id: string; email: string; emailVerified: boolean };
    }>();
    expect(tokens.user).toMatchObject({ email: person.email, emailVerified: true });
    const me = await api("/v1/me", { headers: bearer(tokens.accessToken) });
    expect(me.status).toBe(200);

    // The welcome mail, not a verification link: the provider verified the address.
    await waitForMail(person.email, "welcome");

    const again = await signInWithProvider(person);
    expect(again.user.id).toBe(tokens.user.id);

    const linked = await api("/v1/me/identities", { headers: bearer(again.accessToken) });
    const body = await linked.json<Identities>();
    expect(body.hasPassword).toBe(false);
    expect(body.identities).toEqual([
      expect.objectContaining({ provider: "local", providerName: "Local provider", email: person.email }),
    ]);
  });

  it("audits the sign-up, the link, each sign-in and the unlink", async () => {
    const person = providerAccount();
    const signedIn = await signInWithProvider(person);
    const headers = bearer(signedIn.accessToken);
    const started = await api("/v1/me/identities", json({ provider: "local", redirect: STOREFRONT }, { headers }));
    const { authorizationUrl } = await started.json<{ authorizationUrl: string }>();
    await returnTo(
      await signInAtProvider(
        authorizationUrl,
        providerAccount({ email: person.email, subject: `second-${crypto.randomUUID()}` }),
      ),
    );
    const { identities } = await (await api("/v1/me/identities", { headers })).json<Identities>();
    expect(identities).toHaveLength(2);
    expect((await api(`/v1/me/identities/${identities[1]?.id}`, { method: "DELETE", headers })).status).toBe(204);

    const admin = await asAdmin();
    const audit = await api(`/v1/admin/audit?actor=${signedIn.user.id}`, { headers: admin.auth });
    const { items } = await audit.json<{ items: { type: string; detail: Record<string, unknown> }[] }>();
    expect(items.map((entry) => entry.type).sort()).toEqual(
      ["identity_linked", "identity_linked", "identity_unlinked", "login", "oidc_signed_in", "registered"].sort(),
    );
    expect(items.find((entry) => entry.type === "oidc_signed_in")?.detail).toEqual({ provider: "local" });
  });

  it("keeps the storefront's own query parameters on the return URL", async () => {
    const back = await socialSignIn(providerAccount(), { redirect: `${STOREFRONT}?next=%2Fcart` });
    expect(back.searchParams.get("next")).toBe("/cart");
    expect(back.searchParams.get("oidc_code")).toBeTruthy();
  });

  it("links to an existing password account once its password is proved, then signs straight in", async () => {
    const reader = await signUp();
    const person = providerAccount({ email: reader.email.toUpperCase().replace("@BAZAAR.TEST", "@bazaar.test") });
    const back = await socialSignIn(person);
    const code = back.searchParams.get("oidc_code") ?? "";

    const refused = await exchange(code);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: "link_required", provider: "local", email: person.email });

    const linked = await api("/v1/auth/oidc/link", json({ code, password: reader.password }));
    expect(linked.status).toBe(200);
    const tokens = await linked.json<{ user: { id: string } }>();
    expect(tokens.user.id).toBe(reader.userId);

    const next = await signInWithProvider(person);
    expect(next.user.id).toBe(reader.userId);
    const identities = await (await api("/v1/me/identities", { headers: reader.auth })).json<Identities>();
    expect(identities.hasPassword).toBe(true);
    expect(identities.identities).toHaveLength(1);
  });

  it("links a provider from a signed-in session, and unlinks it again", async () => {
    const reader = await signUp();
    const started = await api(
      "/v1/me/identities",
      json({ provider: "local", redirect: STOREFRONT }, { headers: reader.auth }),
    );
    expect(started.status).toBe(201);
    const { authorizationUrl } = await started.json<{ authorizationUrl: string }>();
    const person = providerAccount();
    const back = await returnTo(await signInAtProvider(authorizationUrl, person));
    expect(back.status).toBe(302);
    expect(new URL(back.headers.get("location") ?? "").searchParams.get("oidc_linked")).toBe("local");

    const next = await signInWithProvider(person);
    expect(next.user.id).toBe(reader.userId);

    const { identities } = await (await api("/v1/me/identities", { headers: reader.auth })).json<Identities>();
    expect(identities).toHaveLength(1);
    const unlinked = await api(`/v1/me/identities/${identities[0]?.id}`, { method: "DELETE", headers: reader.auth });
    expect(unlinked.status).toBe(204);
    const after = await (await api("/v1/me/identities", { headers: reader.auth })).json<Identities>();
    expect(after.identities).toEqual([]);
  });

  it("with TOTP on, the exchange answers mfa_required like a password login", async () => {
    const reader = await signUp();
    const withMfa = await enableMfa(reader);
    await challengeFor(withMfa);
    const person = providerAccount({ email: reader.email });
    const code = (await socialSignIn(person)).searchParams.get("oidc_code") ?? "";
    const linked = await api("/v1/auth/oidc/link", json({ code, password: reader.password }));
    expect(linked.status).toBe(401);
    expect(await linked.json()).toMatchObject({ code: "mfa_required", challengeId: expect.any(String) });

    const again = await exchange((await socialSignIn(person)).searchParams.get("oidc_code") ?? "");
    expect(again.status).toBe(401);
    expect(await again.json()).toMatchObject({ code: "mfa_required" });
  });
});
