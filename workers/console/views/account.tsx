import type { FC } from "hono/jsx";
import { CsrfField, Field, FormMessage, type FormState, Notice } from "./parts";

export const VerifyEmailForm: FC<{ form: FormState; token: string; done?: boolean }> = ({ form, token, done }) => (
  <section class="panel narrow" aria-labelledby="verify-title">
    <h1 id="verify-title">Confirm your email address</h1>
    {done ? (
      <>
        <Notice kind="ok">Your email address is confirmed. Welcome to Book Bazaar.</Notice>
        <p>
          <a href="/console">Go to the seller console</a>
        </p>
      </>
    ) : (
      <>
        <FormMessage form={form} />
        <form method="post" action="/verify-email">
          <CsrfField token={token} />
          <Field form={form} name="token" label="Verification code" hint="From the mail we sent you." required />
          <div class="actions">
            <button type="submit">Confirm my address</button>
          </div>
        </form>
      </>
    )}
  </section>
);

export const ResetPasswordForm: FC<{ form: FormState; token: string; done?: boolean }> = ({ form, token, done }) => (
  <section class="panel narrow" aria-labelledby="reset-title">
    <h1 id="reset-title">Choose a new password</h1>
    {done ? (
      <>
        <Notice kind="ok">Your password is changed; every other session was signed out.</Notice>
        <p>
          <a href="/console/login">Sign in</a>
        </p>
      </>
    ) : (
      <>
        <FormMessage form={form} />
        <form method="post" action="/reset-password">
          <CsrfField token={token} />
          <Field form={form} name="token" label="Reset code" hint="From the mail we sent you." required />
          <Field
            form={form}
            name="password"
            label="New password"
            type="password"
            autocomplete="new-password"
            hint="At least 10 characters; not a common password."
            required
          />
          <div class="actions">
            <button type="submit">Change my password</button>
          </div>
        </form>
      </>
    )}
  </section>
);

export const ForgotPasswordForm: FC<{ form: FormState; token: string; sent?: boolean }> = ({ form, token, sent }) => (
  <section class="panel narrow" aria-labelledby="forgot-title">
    <h1 id="forgot-title">Reset your password</h1>
    {sent && <Notice kind="ok">If that address has an account, a mail with a reset link is on its way.</Notice>}
    <FormMessage form={form} />
    <form method="post" action="/console/forgot-password">
      <CsrfField token={token} />
      <Field form={form} name="email" label="Email" type="email" autocomplete="email" required />
      <div class="actions">
        <button type="submit">Send me a reset link</button>
        <a href="/console/login">Back to sign-in</a>
      </div>
    </form>
  </section>
);
