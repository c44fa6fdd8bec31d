import { Hono, type MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import { confirmTotp, disableTotp, enrolTotp, identityContext, mfaEnabled, principalOf } from "../../identity";
import { formFields, refusal } from "../forms";
import { accountPage, csrfOf } from "../render";
import { requireConsoleSession, requireFormToken } from "../session";
import { emptyForm } from "../views/parts";
import { RecoveryCodes, SecurityPage, type SecurityReason, TotpEnrolment } from "../views/security";
import { linkedSignInsSection } from "./linked-sign-ins";

const FLAG_OF = { admin: "MFA_REQUIRED_FOR_ADMINS", payouts: "MFA_REQUIRED_FOR_PAYOUTS" } as const;

/**
 * Where the marketplace asks for two-factor sign-in (MFA_REQUIRED_FOR_ADMINS, MFA_REQUIRED_FOR_PAYOUTS), an
 * account without it is sent to the security page, told why (use behind `requireConsoleSession`).
 */
export function requireConsoleTotp(reason: SecurityReason): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get("config")[FLAG_OF[reason]] && !(await mfaEnabled(identityContext(c), principalOf(c).userId))) {
      const to = `/console/security?required=${reason}`;
      if (c.req.header("hx-request")) return c.body(null, 204, { "hx-redirect": to });
      return c.redirect(to, 303);
    }
    await next();
  };
}

const Reason = z.enum(["admin", "payouts"]).optional().catch(undefined);
const CodeField = z.object({
  code: z
    .string()
    .trim()
    .regex(/^\d{6}$/, "Enter the six digits the app shows."),
});
const DisableFields = CodeField.extend({ password: z.string().min(1, "Enter your password.").max(1024) });

/** The security page: two-factor sign-in turned on (a secret, its first code, the recovery codes) and off. */
export const securityRoutes = new Hono<AppEnv>()
  .use("/security", requireConsoleSession({ shop: "optional" }), requireFormToken)
  .use("/security/*", requireConsoleSession({ shop: "optional" }), requireFormToken)
  .get("/security", async (c) => {
    const enabled = await mfaEnabled(identityContext(c), principalOf(c).userId);
    const reason = Reason.parse(c.req.query("required"));
    const notice = c.req.query("turned-off") !== undefined ? "Two-factor sign-in is off." : undefined;
    return accountPage(
      c,
      { title: "Sign-in security" },
      <>
        <SecurityPage
          enabled={enabled}
          token={csrfOf(c)}
          form={emptyForm()}
          reason={enabled ? undefined : reason}
          notice={notice}
        />
        {await linkedSignInsSection(c)}
      </>,
    );
  })
  .post("/security/totp", async (c) => {
    try {
      const { qrSvg, secret } = await enrolTotp(identityContext(c), principalOf(c));
      return accountPage(
        c,
        { title: "Set up your authenticator app" },
        <TotpEnrolment token={csrfOf(c)} form={emptyForm()} qrSvg={qrSvg} secret={secret} />,
      );
    } catch (error) {
      if (error instanceof AppError && error.code === "mfa_enabled") return c.redirect("/console/security", 303);
      throw error;
    }
  })
  .post("/security/totp/confirm", async (c) => {
    const values = await formFields(c);
    try {
      const { code } = CodeField.parse(values);
      const codes = await confirmTotp(identityContext(c), principalOf(c), code);
      return accountPage(c, { title: "Two-factor sign-in is on" }, <RecoveryCodes codes={codes} />);
    } catch (error) {
      if (error instanceof AppError && ["mfa_enabled", "mfa_not_enabled"].includes(error.code)) {
        return c.redirect("/console/security", 303);
      }
      const form = refusal({}, error);
      return accountPage(
        c,
        { title: "Set up your authenticator app", status: form.status },
        <TotpEnrolment token={csrfOf(c)} form={form} />,
      );
    }
  })
  .post("/security/totp/disable", async (c) => {
    const values = await formFields(c);
    try {
      const input = DisableFields.parse(values);
      await disableTotp(identityContext(c), principalOf(c), input);
      return c.redirect("/console/security?turned-off", 303);
    } catch (error) {
      if (error instanceof AppError && error.code === "mfa_not_enabled") return c.redirect("/console/security", 303);
      const form = refusal({}, error);
      return accountPage(
        c,
        { title: "Sign-in security", status: form.status },
        <SecurityPage enabled token={csrfOf(c)} form={form} />,
      );
    }
  });
