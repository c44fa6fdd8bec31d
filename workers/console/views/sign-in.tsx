import type { FC } from "hono/jsx";
import { CsrfField, Field, FormMessage, type FormState, Notice } from "./parts";
import { StoreFields } from "./profile";

/** A sign-in provider as the login page offers it. */
export interface ProviderChoice {
  id: string;
  name: string;
}

/** "Sign in with …": one link per configured provider; each starts the trip to that provider. */
const SocialSignIn: FC<{ providers: ProviderChoice[]; next: string }> = ({ providers, next }) =>
  providers.length === 0 ? null : (
    <nav class="social-sign-in" aria-label="Other ways to sign in">
      <p>Or sign in with</p>
      <ul class="provider-list">
        {providers.map((provider) => (
          <li>
            <a class="button" href={`/console/login/oidc/${provider.id}?next=${encodeURIComponent(next)}`}>
              {provider.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );

export const LoginForm: FC<{
  form: FormState;
  token: string;
  next: string;
  notice?: string;
  providers?: ProviderChoice[];
}> = ({ form, token, next, notice, providers = [] }) => (
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
    <SocialSignIn providers={providers} next={next} />
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

/**
 * A first sign-in with a provider whose email an account already uses: its password links the two (once linked, the
 * provider alone signs in).
 */
export const LinkAccountForm: FC<{
  form: FormState;
  token: string;
  next: string;
  code: string;
  email: string;
  provider: string;
}> = ({ form, token, next, code, email, provider }) => (
  <section class="panel narrow" aria-labelledby="link-title">
    <h1 id="link-title">Link {provider} to your account</h1>
    <p>
      An account with <strong>{email}</strong> already exists. Enter its password once to sign in with {provider} from
      now on.
    </p>
    <FormMessage form={form} />
    <form method="post" action="/console/login/oidc/link">
      <CsrfField token={token} />
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="code" value={code} />
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="provider" value={provider} />
      <Field form={form} name="password" label="Password" type="password" autocomplete="current-password" required />
      <div class="actions">
        <button type="submit">Link and sign in</button>
        <a href="/console/login">Cancel</a>
      </div>
    </form>
  </section>
);

/** Signed in after a trip to a provider: the page moves on to `next` by itself (the link is for when it does not). */
export const SignedIn: FC<{ next: string }> = ({ next }) => (
  <section class="panel narrow" aria-labelledby="signed-in-title">
    <h1 id="signed-in-title">You are signed in</h1>
    <p>
      <a href={next}>Continue to the console</a>
    </p>
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
