import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { identityContext, listIdentities, principalOf, startSignIn, unlinkIdentity } from "../../identity";
import { csrfOf, plainPage } from "../render";
import { requireConsoleSession, requireFormToken } from "../session";
import { providerChoices } from "../sign-in-options";
import { BackFromProvider, LinkedSignIns, OnToProvider } from "../views/linked-sign-ins";

/** What the security page says after a link, a failed link or an unlink (its query, set by the routes below). */
const NOTICES: Record<string, { kind?: "ok" | "error"; text: string }> = {
  linked: { kind: "ok", text: "Linked: you can sign in with it from now on." },
  unlinked: { kind: "ok", text: "Unlinked." },
  identity_in_use: { kind: "error", text: "That account is linked to another Book Bazaar account." },
  last_sign_in_method: { kind: "error", text: "That is your only way to sign in: set a password first." },
};
const failedLink = { kind: "error" as const, text: "The provider did not confirm the link. Try again." };

/** The "Sign in with another account" section of the security page, for the signed-in account. */
export async function linkedSignInsSection(c: Context<AppEnv>) {
  const { identities, hasPassword } = await listIdentities(identityContext(c), principalOf(c));
  const said = c.req.query("sign-ins");
  const notice = said ? (NOTICES[said] ?? failedLink) : undefined;
  return (
    <LinkedSignIns
      token={csrfOf(c)}
      linked={identities}
      providers={providerChoices(c)}
      hasPassword={hasPassword}
      notice={notice}
    />
  );
}

const toSecurity = (outcome: string) => `/console/security?sign-ins=${encodeURIComponent(outcome)}`;

/** Linking a provider to the signed-in account (there and back), and unlinking one. */
export const linkedSignInRoutes = new Hono<AppEnv>()
  .post("/security/sign-ins/:provider", requireConsoleSession({ shop: "optional" }), requireFormToken, async (c) => {
    const redirect = new URL("/console/linked-sign-in", c.get("config").PUBLIC_BASE_URL).toString();
    const provider = c.req.param("provider");
    const url = (await startSignIn(identityContext(c), { provider, redirect, linkTo: principalOf(c) })).toString();
    // The console's CSP lets a form go only to the console (form-action 'self', redirects included): a page of ours
    // moves on to the provider instead of a redirect.
    const name = providerChoices(c).find((choice) => choice.id === provider)?.name ?? provider;
    return plainPage(c, { title: `On to ${name}`, refreshTo: url }, <OnToProvider to={url} name={name} />);
  })
  .post("/security/sign-ins/:id/unlink", requireConsoleSession({ shop: "optional" }), requireFormToken, async (c) => {
    try {
      await unlinkIdentity(identityContext(c), principalOf(c), c.req.param("id"));
      return c.redirect(toSecurity("unlinked"), 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "last_sign_in_method") {
        return c.redirect(toSecurity(error.code), 303);
      }
      throw error;
    }
  })
  // The browser arrives from the provider's site, so the session cookie (SameSite=Strict) is not sent yet: this page
  // holds no session and moves on to the security page, which has it.
  .get("/linked-sign-in", (c) => {
    const linked = c.req.query("oidc_linked");
    const to = toSecurity(linked ? "linked" : (c.req.query("oidc_error") ?? "failed"));
    return plainPage(c, { title: "Back from the provider", refreshTo: to }, <BackFromProvider to={to} />);
  });
