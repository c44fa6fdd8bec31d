import type { FC } from "hono/jsx";
import { CsrfField, Field, FormMessage, type FormState, Notice } from "./parts";
import { StoreFields } from "./profile";

export const LoginForm: FC<{ form: FormState; token: string; next: string; notice?: string }> = ({
  form,
  token,
  next,
  notice,
}) => (
  <section class="panel narrow" aria-labelledby="login-title">
    <h1 id="login-title">Sign in to your shop</h1>
    {notice && <Notice kind="ok">{notice}</Notice>}
    <FormMessage form={form} />
    <form method="post" action="/console/login">
      <CsrfField token={token} />
      <input type="hidden" name="next" value={next} />
      <Field form={form} name="email" label="Email" type="email" autocomplete="username" required />
      <Field form={form} name="password" label="Password" type="password" autocomplete="current-password" required />
      <div class="actions">
        <button type="submit">Sign in</button>
        <a href="/console/forgot-password">Forgot your password?</a>
      </div>
    </form>
    <p>
      New to Book Bazaar? <a href="/console/register">Create an account</a>
    </p>
  </section>
);

/** The second step of a sign-in with two-factor on: a code from the authenticator app, or a recovery code. */
export const MfaForm: FC<{ form: FormState; token: string; next: string; challengeId: string }> = ({
  form,
  token,
  next,
  challengeId,
}) => (
  <section class="panel narrow" aria-labelledby="mfa-title">
    <h1 id="mfa-title">Enter your sign-in code</h1>
    <FormMessage form={form} />
    <form method="post" action="/console/login/mfa">
      <CsrfField token={token} />
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="challengeId" value={challengeId} />
      <Field
        form={form}
        name="code"
        label="Code"
        autocomplete="one-time-code"
        inputmode="numeric"
        hint="The six digits your authenticator app shows, or one of your recovery codes."
        required
      />
      <div class="actions">
        <button type="submit">Sign in</button>
        <a href="/console/login">Start again</a>
      </div>
    </form>
  </section>
);

export const RegisterForm: FC<{ form: FormState; token: string }> = ({ form, token }) => (
  <section class="panel narrow" aria-labelledby="register-title">
    <h1 id="register-title">Create your account</h1>
    <FormMessage form={form} />
    <form method="post" action="/console/register">
      <CsrfField token={token} />
      <Field form={form} name="name" label="Your name" autocomplete="name" required />
      <Field form={form} name="email" label="Email" type="email" autocomplete="email" required />
      <Field
        form={form}
        name="password"
        label="Password"
        type="password"
        autocomplete="new-password"
        hint="At least 10 characters; not a common password."
        required
      />
      <div class="actions">
        <button type="submit">Create account</button>
        <a href="/console/login">I already have an account</a>
      </div>
    </form>
  </section>
);

export const OnboardingForm: FC<{ form: FormState; token: string; welcome: boolean }> = ({ form, token, welcome }) => (
  <section class="panel narrow" aria-labelledby="onboarding-title">
    <h1 id="onboarding-title">Open your shop</h1>
    {welcome && <Notice>We sent you a mail to confirm your address. You can open your shop meanwhile.</Notice>}
    <p>Tell buyers who you are and where your books ship from.</p>
    <FormMessage form={form} />
    <form method="post" action="/console/onboarding">
      <CsrfField token={token} />
      <StoreFields form={form} />
      <div class="actions">
        <button type="submit">Open my shop</button>
      </div>
    </form>
  </section>
);
