import { describe, expect, inject, it } from "vitest";
import { api, signUp } from "../support/identity";
import { exchange, returnTo, STOREFRONT, startAt } from "../support/oidc";

const github = inject("githubUrl");

let nextId = Math.floor(Math.random() * 1_000_000) * 1000;

/** Someone with a GitHub account, known to the stand-in; `verified` is whether GitHub verified the primary email. */
async function gitHubPerson(email: string, verified = true) {
  const person = { id: ++nextId, login: `reader${nextId}`, name: null, emails: [{ email, primary: true, verified }] };
  const response = await fetch(`${github}/__people`, { method: "POST", body: JSON.stringify(person) });
  expect(response.status).toBe(201);
  return person;
}

/** Through GitHub's authorize page (the person has said yes) and back through the callback to the storefront. */
async function signInWithGitHub(login: string): Promise<URL> {
  const authorize = new URL(await startAt("github"));
  expect(`${authorize.origin}${authorize.pathname}`).toBe(`${github}/login/oauth/authorize`);
  expect(authorize.searchParams.get("scope")).toBe("read:user user:email");
  expect(authorize.searchParams.get("code_challenge_method")).toBe("S256");
  authorize.searchParams.set("login", login);
  const atGitHub = await fetch(authorize, { redirect: "manual" });
  expect(atGitHub.status).toBe(302);
  const back = await returnTo(new URL(atGitHub.headers.get("location") ?? ""));
  expect(back.status).toBe(302);
  return new URL(back.headers.get("location") ?? "");
}

describe("sign-in with GitHub (the github preset)", () => {
  it("opens an account from GitHub's verified primary email and signs into it again by GitHub user id", async () => {
    const email = `octo-${crypto.randomUUID().slice(0, 8)}@bazaar.test`;
    const person = await gitHubPerson(email);
    const back = await signInWithGitHub(person.login);
    expect(`${back.origin}${back.pathname}`).toBe(STOREFRONT);
    const first = await exchange(back.searchParams.get("oidc_code") ?? "");
    expect(first.status).toBe(200);
    const tokens = await first.json<{ accessToken: string; user: { id: string; email: string; name: string } }>();
    expect(tokens.user).toMatchObject({ email, name: person.login });

    const again = await exchange((await signInWithGitHub(person.login)).searchParams.get("oidc_code") ?? "");
    expect((await again.json<{ user: { id: string } }>()).user.id).toBe(tokens.user.id);
    const identities = await api("/v1/me/identities", { headers: { authorization: `Bearer ${tokens.accessToken}` } });
    const { identities: linked } = await identities.json<{
      identities: { provider: string; providerName: string }[];
    }>();
    expect(linked).toEqual([expect.objectContaining({ provider: "github", providerName: "GitHub" })]);
  });

  it("an email GitHub has not verified neither opens an account nor links one", async () => {
    const reader = await signUp();
    const person = await gitHubPerson(reader.email, false);
    const back = await signInWithGitHub(person.login);
    expect(back.searchParams.get("oidc_error")).toBe("email_unverified");
  });

  it("a code GitHub refuses (already redeemed) comes back as code_refused", async () => {
    const person = await gitHubPerson(`octo-${crypto.randomUUID().slice(0, 8)}@bazaar.test`);
    const authorize = new URL(await startAt("github"));
    authorize.searchParams.set("login", person.login);
    const callback = new URL((await fetch(authorize, { redirect: "manual" })).headers.get("location") ?? "");
    // Another trip's state with this code: the code was issued for another PKCE challenge.
    const other = new URL(await startAt("github"));
    callback.searchParams.set("state", other.searchParams.get("state") ?? "");
    const back = await returnTo(callback);
    expect(new URL(back.headers.get("location") ?? "").searchParams.get("oidc_error")).toBe("code_refused");
  });
});
