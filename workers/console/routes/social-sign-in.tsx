import { type Context, Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { exchangeSignInCode, identityContext, linkWithPassword, startSignIn } from "../../identity";
import { accountSellers } from "../../sellers";
import { formFields, refusal } from "../forms";
import { plainPage } from "../render";
import { holdSession, holdSignInTrip, loginFormToken, requireLoginFormToken, takeSignInTrip } from "../session";
import { consolePath, providerChoices } from "../sign-in-options";
import { emptyForm, type FormState } from "../views/parts";
import { LinkAccountForm, LoginForm, MfaForm, SignedIn } from "../views/sign-in";

/** What the login page says when a provider sign-in came back without one (`oidc_error`). */
const RETURN_FAILURES: Record<string, string> = {
  access_denied: "The sign-in was cancelled at the provider.",
  code_refused: "The provider did not confirm the sign-in. Try again.",
  invalid_id_token: "The provider's answer could not be verified, so you are not signed in.",
  email_unverified: "The provider has not verified your email address; verify it there, or sign in with a password.",
  identity_in_use: "That provider account is linked to another Book Bazaar account.",
  provider_unavailable: "The provider cannot be reached right now. Try again shortly.",
  try_again: "Something changed while you signed in. Try again.",
};

const providerName = (c: Context<AppEnv>, id: string) => providerChoices(c).find((p) => p.id === id)?.name ?? id;
const accounts = (c: Context<AppEnv>) => ({ ...identityContext(c), sellers: accountSellers });

function loginAgain(c: Context<AppEnv>, next: string, message: string, status: FormState["status"] = 400) {
  const form: FormState = { ...emptyForm(), message, status };
  return plainPage(
    c,
    { title: "Sign in", status },
    <LoginForm form={form} token={loginFormToken(c)} next={next} providers={providerChoices(c)} />,
  );
}

/**
 * The browser came back from another site, so the session cookie (SameSite=Strict) set now is not sent on a redirect
 * that continues that trip: a page of ours moves on instead.
 */
const signedIn = (c: Context<AppEnv>, next: string) =>
  plainPage(c, { title: "Signed in", refreshTo: next }, <SignedIn next={next} />);

/** A sign-in that got past the provider and its password or code: the second factor, when on, comes next. */
function secondFactor(c: Context<AppEnv>, next: string, error: unknown) {
  if (error instanceof AppError && error.code === "mfa_required") {
    const challengeId = String(error.extra.challengeId);
    return plainPage(
      c,
      { title: "Sign in" },
      <MfaForm form={emptyForm()} token={loginFormToken(c)} next={next} challengeId={challengeId} />,
    );
  }
  return undefined;
}

/** Sign-in with a provider (OpenID Connect): there, back, and linking to an account that has the same email. */
export const socialSignInRoutes = new Hono<AppEnv>()
  .get("/login/oidc/:provider", async (c) => {
    const next = consolePath(c.req.query("next"));
    const trip = holdSignInTrip(c);
    const back = new URL("/console/login/oidc", c.get("config").PUBLIC_BASE_URL);
    back.search = new URLSearchParams({ next, trip }).toString();
    try {
      const url = await startSignIn(identityContext(c), {
        provider: c.req.param("provider"),
        redirect: back.toString(),
      });
      return c.redirect(url.toString(), 303);
    } catch (error) {
      if (error instanceof AppError && error.status < 500) return loginAgain(c, next, error.message, error.status);
      throw error;
    }
  })
  .get("/login/oidc", async (c) => {
    const next = consolePath(c.req.query("next"));
    if (!takeSignInTrip(c, c.req.query("trip"))) {
      return loginAgain(c, next, "This sign-in did not start in this browser. Start it again here.");
    }
    const failure = c.req.query("oidc_error");
    if (failure) return loginAgain(c, next, RETURN_FAILURES[failure] ?? RETURN_FAILURES.try_again!);
    const code = c.req.query("oidc_code") ?? "";
    try {
      const { principal } = await exchangeSignInCode(accounts(c), code);
      await holdSession(c, principal);
      return signedIn(c, next);
    } catch (error) {
      if (error instanceof AppError && error.code === "link_required") {
        const email = String(error.extra.email ?? "");
        const provider = providerName(c, String(error.extra.provider ?? ""));
        const props = { token: loginFormToken(c), next, code, email, provider };
        return plainPage(c, { title: "Link your account" }, <LinkAccountForm form={emptyForm()} {...props} />);
      }
      const asked = secondFactor(c, next, error);
      if (asked) return asked;
      if (error instanceof AppError && error.status < 500) return loginAgain(c, next, error.message, error.status);
      throw error;
    }
  })
  .post("/login/oidc/link", requireLoginFormToken, async (c) => {
    const values = await formFields(c);
    const next = consolePath(values.next);
    const code = values.code ?? "";
    try {
      const { principal } = await linkWithPassword(accounts(c), { code, password: values.password ?? "" });
      await holdSession(c, principal);
      return c.redirect(next, 303);
    } catch (error) {
      const asked = secondFactor(c, next, error);
      if (asked) return asked;
      const form = refusal({}, error);
      const provider = values.provider ?? "the provider";
      const props = { token: loginFormToken(c), next, code, email: values.email ?? "", provider };
      return plainPage(
        c,
        { title: "Link your account", status: form.status },
        <LinkAccountForm form={form} {...props} />,
      );
    }
  });
