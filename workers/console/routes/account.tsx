import { Hono } from "hono";
import { z } from "zod";
import type { AppEnv } from "../../http/context";
import { AppError } from "../../http/errors";
import {
  confirmPasswordReset,
  EmailField,
  identityContext,
  ResetConfirmBody,
  requestPasswordReset,
  verifyEmail,
} from "../../identity";
import { notificationsContext, unsubscribe } from "../../notifications";
import { formFields, refusal } from "../forms";
import { plainPage } from "../render";
import { loginFormToken, requireLoginFormToken } from "../session";
import { ForgotPasswordForm, ResetPasswordForm, VerifyEmailForm } from "../views/account";
import { emptyForm } from "../views/parts";
import { Unsubscribed, UnsubscribeForm, UnsubscribeLinkInvalid } from "../views/unsubscribe";

const TokenField = z.object({ token: z.string().trim().min(1, "Enter the code from the mail.").max(200) });

/**
 * The pages the mails link to (`/verify-email?token=`, `/reset-password?token=`, `/unsubscribe?token=`). Opening
 * a link only fills the form: a mail scanner that follows it uses nothing up; the user's submit does.
 */
export const accountPageRoutes = new Hono<AppEnv>()
  .get("/verify-email", (c) => {
    const form = emptyForm({ token: c.req.query("token") ?? "" });
    return plainPage(c, { title: "Confirm your email" }, <VerifyEmailForm form={form} token={loginFormToken(c)} />);
  })
  .post("/verify-email", requireLoginFormToken, async (c) => {
    const values = await formFields(c);
    try {
      await verifyEmail(identityContext(c), TokenField.parse(values).token);
      return plainPage(c, { title: "Email confirmed" }, <VerifyEmailForm form={emptyForm()} token="" done />);
    } catch (error) {
      const form = refusal(values, error, { token: "token" });
      return plainPage(
        c,
        { title: "Confirm your email", status: form.status },
        <VerifyEmailForm form={form} token={loginFormToken(c)} />,
      );
    }
  })
  .get("/reset-password", (c) => {
    const form = emptyForm({ token: c.req.query("token") ?? "" });
    return plainPage(
      c,
      { title: "Choose a new password" },
      <ResetPasswordForm form={form} token={loginFormToken(c)} />,
    );
  })
  .post("/reset-password", requireLoginFormToken, async (c) => {
    const values = await formFields(c);
    try {
      await confirmPasswordReset(identityContext(c), ResetConfirmBody.parse(values));
      return plainPage(c, { title: "Password changed" }, <ResetPasswordForm form={emptyForm()} token="" done />);
    } catch (error) {
      const form = refusal({ token: values.token ?? "" }, error);
      return plainPage(
        c,
        { title: "Choose a new password", status: form.status },
        <ResetPasswordForm form={form} token={loginFormToken(c)} />,
      );
    }
  })
  .get("/unsubscribe", (c) =>
    plainPage(
      c,
      { title: "Unsubscribe" },
      <UnsubscribeForm mailToken={c.req.query("token") ?? ""} formToken={loginFormToken(c)} />,
    ),
  )
  .post("/unsubscribe", requireLoginFormToken, async (c) => {
    try {
      const { category } = await unsubscribe(notificationsContext(c), (await formFields(c)).token ?? "");
      return plainPage(c, { title: "Unsubscribed" }, <Unsubscribed category={category} />);
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 404) throw error;
      return plainPage(c, { title: "Unsubscribe", status: 404 }, <UnsubscribeLinkInvalid />);
    }
  })
  .get("/console/forgot-password", (c) =>
    plainPage(c, { title: "Reset your password" }, <ForgotPasswordForm form={emptyForm()} token={loginFormToken(c)} />),
  )
  .post("/console/forgot-password", requireLoginFormToken, async (c) => {
    const values = await formFields(c);
    try {
      await requestPasswordReset(identityContext(c), z.object({ email: EmailField }).parse(values).email);
      return plainPage(
        c,
        { title: "Reset your password" },
        <ForgotPasswordForm form={emptyForm(values)} token={loginFormToken(c)} sent />,
      );
    } catch (error) {
      const form = refusal(values, error);
      return plainPage(
        c,
        { title: "Reset your password", status: form.status },
        <ForgotPasswordForm form={form} token={loginFormToken(c)} />,
      );
    }
  });
