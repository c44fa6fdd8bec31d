import type { FC } from "hono/jsx";
import { CsrfField, Field, FormMessage, type FormState, Notice } from "./parts";

/** Why a page sent the user here: the marketplace asks for two-factor sign-in before it. */
export type SecurityReason = "admin" | "payouts";

const REASONS: Record<SecurityReason, string> = {
  admin: "The marketplace's admin pages need two-factor sign-in. Turn it on, then open them again.",
  payouts: "Setting up or changing payout details needs two-factor sign-in. Turn it on, then continue on Payouts.",
};

/** Two-factor sign-in: whether it is on, and the form that turns it on or off. */
export const SecurityPage: FC<{
  enabled: boolean;
  token: string;
  form: FormState;
  reason?: SecurityReason;
  notice?: string;
}> = ({ enabled, token, form, reason, notice }) => (
  <section class="panel narrow" aria-labelledby="security-title">
    <h1 id="security-title">Sign-in security</h1>
    {reason && <Notice>{REASONS[reason]}</Notice>}
    {notice && <Notice kind="ok">{notice}</Notice>}
    <FormMessage form={form} />
    {enabled ? (
      <>
        <p>Two-factor sign-in is on: after your password, the console asks for a code from your authenticator app.</p>
        <h2>Turn it off</h2>
        <form method="post" action="/console/security/totp/disable">
          <CsrfField token={token} />
          <Field
            form={form}
            name="password"
            label="Password"
            type="password"
            autocomplete="current-password"
            required
          />
          <Field
            form={form}
            name="code"
            label="Code"
            autocomplete="one-time-code"
            inputmode="numeric"
            hint="The six digits your authenticator app shows now."
            required
          />
          <div class="actions">
            <button type="submit">Turn off two-factor sign-in</button>
          </div>
        </form>
      </>
    ) : (
      <>
        <p>
          Two-factor sign-in is off. With it on, a stolen password is not enough to open your shop: signing in also
          takes a code from an authenticator app on your phone.
        </p>
        <form method="post" action="/console/security/totp">
          <CsrfField token={token} />
          <div class="actions">
            <button type="submit">Set up an authenticator app</button>
          </div>
        </form>
      </>
    )}
  </section>
);

/** The secret to take into the authenticator app, as a QR code and as text, and the form for its first code. */
export const TotpEnrolment: FC<{ token: string; form: FormState; qrSvg?: string; secret?: string }> = ({
  token,
  form,
  qrSvg,
  secret,
}) => (
  <section class="panel narrow" aria-labelledby="enrol-title">
    <h1 id="enrol-title">Set up your authenticator app</h1>
    <FormMessage form={form} />
    {qrSvg && secret && (
      <>
        <p>Scan this code with your authenticator app, or type the key below into it.</p>
        <img
          class="qr-code"
          src={`data:image/svg+xml;base64,${btoa(qrSvg)}`}
          alt="QR code holding the key for your authenticator app"
          width="200"
          height="200"
        />
        <p>
          Key: <code class="totp-secret">{secret}</code>
        </p>
      </>
    )}
    <form method="post" action="/console/security/totp/confirm">
      <CsrfField token={token} />
      <Field
        form={form}
        name="code"
        label="Code"
        autocomplete="one-time-code"
        inputmode="numeric"
        hint="The six digits the app shows for Book Bazaar, to confirm it works."
        required
      />
      <div class="actions">
        <button type="submit">Turn on two-factor sign-in</button>
        <a href="/console/security">Cancel</a>
      </div>
    </form>
  </section>
);

/** The ten recovery codes, shown this once. */
export const RecoveryCodes: FC<{ codes: string[] }> = ({ codes }) => (
  <section class="panel narrow" aria-labelledby="recovery-title">
    <h1 id="recovery-title">Two-factor sign-in is on</h1>
    <Notice kind="ok">From now on, signing in asks for a code from your authenticator app.</Notice>
    <h2>Your recovery codes</h2>
    <p>
      Keep these somewhere safe, apart from your phone. Each one signs you in once in place of a code, if you lose the
      app. They are shown only now.
    </p>
    <ul class="recovery-codes">
      {codes.map((code) => (
        <li>
          <code>{code}</code>
        </li>
      ))}
    </ul>
    <p>
      <a href="/console/security">Done</a>
    </p>
  </section>
);
