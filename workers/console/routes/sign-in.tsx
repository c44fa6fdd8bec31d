import { Hono } from "hono";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import {
  completeSecondFactor,
  identityContext,
  LoginBody,
  login,
  logout,
  MfaBody,
  RegisterBody,
  register,
} from "../../identity";
import { accountSellers } from "../../sellers";
import { formFields, refusal } from "../forms";
import { plainPage } from "../render";
import {
  dropSession,
  holdSession,
  loginFormToken,
  requireConsoleSession,
  requireFormToken,
  requireLoginFormToken,
} from "../session";
import { consolePath, providerChoices } from "../sign-in-options";
import { emptyForm } from "../views/parts";
import { LoginForm, MfaForm, RegisterForm } from "../views/sign-in";

/** Sign-in, registration and sign-out: the identity module's accounts and sessions, held in a cookie. */
export const signInRoutes = new Hono<AppEnv>()
  .get("/login", (c) => {
    const next = consolePath(c.req.query("next"));
    const notice = c.req.query("signed-out") !== undefined ? "You are signed out." : undefined;
    return plainPage(
      c,
      { title: "Sign in" },
      <LoginForm
        form={emptyForm()}
        token={loginFormToken(c)}
        next={next}
        notice={notice}
        providers={providerChoices(c)}
      />,
    );
  })
  .post("/login", requireLoginFormToken, async (c) => {
    const values = await formFields(c);
    const next = consolePath(values.next);
    try {
      const input = LoginBody.parse({ email: values.email, password: values.password });
      const { principal } = await login({ ...identityContext(c), sellers: accountSellers }, input);
      await holdSession(c, principal);
      return c.redirect(next, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "mfa_required") {
        const challengeId = String(error.extra.challengeId);
        return plainPage(
          c,
          { title: "Sign in" },
          <MfaForm form={emptyForm()} token={loginFormToken(c)} next={next} challengeId={challengeId} />,
        );
      }
      const form = refusal({ email: values.email ?? "" }, error);
      return plainPage(
        c,
        { title: "Sign in", status: form.status },
        <LoginForm form={form} token={loginFormToken(c)} next={next} providers={providerChoices(c)} />,
      );
    }
  })
  .post("/login/mfa", requireLoginFormToken, async (c) => {
    const values = await formFields(c);
    const next = consolePath(values.next);
    const challengeId = values.challengeId ?? "";
    const typed = (values.code ?? "").trim();
    try {
      const factor = /^\d{6}$/.test(typed) ? { code: typed } : { recoveryCode: typed };
      const input = MfaBody.parse({ challengeId, ...factor });
      const { principal } = await completeSecondFactor({ ...identityContext(c), sellers: accountSellers }, input);
      await holdSession(c, principal);
      return c.redirect(next, 303);
    } catch (error) {
      const form = refusal({}, error, { recoveryCode: "code" });
      return plainPage(
        c,
        { title: "Sign in", status: form.status },
        <MfaForm form={form} token={loginFormToken(c)} next={next} challengeId={challengeId} />,
      );
    }
  })
  .get("/register", (c) =>
    plainPage(c, { title: "Create your account" }, <RegisterForm form={emptyForm()} token={loginFormToken(c)} />),
  )
  .post("/register", requireLoginFormToken, async (c) => {
    const values = await formFields(c);
    try {
      const input = RegisterBody.parse({ name: values.name, email: values.email, password: values.password });
      await register(identityContext(c), input);
      const { principal } = await login({ ...identityContext(c), sellers: accountSellers }, input);
      await holdSession(c, principal);
      return c.redirect("/console/onboarding?welcome", 303);
    } catch (error) {
      const form = refusal({ name: values.name ?? "", email: values.email ?? "" }, error);
      return plainPage(
        c,
        { title: "Create your account", status: form.status },
        <RegisterForm form={form} token={loginFormToken(c)} />,
      );
    }
  })
  .post("/logout", requireConsoleSession({ shop: false }), requireFormToken, async (c) => {
    await logout(identityContext(c), c.get("principal")!);
    dropSession(c);
    return c.redirect("/console/login?signed-out", 303);
  });
