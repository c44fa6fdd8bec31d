import type { FC } from "hono/jsx";
import { CsrfField, Notice } from "./parts";
import type { ProviderChoice } from "./sign-in";

export interface LinkedSignIn {
  id: string;
  provider: string;
  providerName: string;
  email: string | null;
}

/** The providers an account signs in with besides (or instead of) a password: link more, unlink one. */
export const LinkedSignIns: FC<{
  token: string;
  linked: LinkedSignIn[];
  providers: ProviderChoice[];
  hasPassword: boolean;
  notice?: { kind?: "ok" | "error"; text: string };
}> = ({ token, linked, providers, hasPassword, notice }) => {
  const unlinked = providers.filter((provider) => !linked.some((link) => link.provider === provider.id));
  const lastWayIn = !hasPassword && linked.length === 1;
  return (
    <section class="panel narrow" aria-labelledby="sign-ins-title">
      <h2 id="sign-ins-title">Sign in with another account</h2>
      {notice && <Notice kind={notice.kind}>{notice.text}</Notice>}
      {linked.length === 0 ? (
        <p>No other account is linked: you sign in with your email and password.</p>
      ) : (
        <ul class="linked-sign-ins">
          {linked.map((link) => (
            <li>
              <span>
                {link.providerName}
                {link.email && ` (${link.email})`}
              </span>
              {lastWayIn ? (
                <span class="hint">Your only way to sign in: set a password before unlinking it.</span>
              ) : (
                <form method="post" action={`/console/security/sign-ins/${link.id}/unlink`}>
                  <CsrfField token={token} />
                  <button type="submit" class="secondary" aria-label={`Unlink ${link.providerName}`}>
                    Unlink
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
      {unlinked.map((provider) => (
        <form method="post" action={`/console/security/sign-ins/${provider.id}`}>
          <CsrfField token={token} />
          <button type="submit">Link {provider.name}</button>
        </form>
      ))}
    </section>
  );
};

/** On the way to the provider to link it: this page moves on by itself (the link is for when it does not). */
export const OnToProvider: FC<{ to: string; name: string }> = ({ to, name }) => (
  <section class="panel narrow" aria-labelledby="on-to-title">
    <h1 id="on-to-title">On to {name}</h1>
    <p>
      <a href={to}>Continue to {name} to link it</a>
    </p>
  </section>
);

/** Back from linking at the provider (another site): this page moves on to the security page by itself. */
export const BackFromProvider: FC<{ to: string }> = ({ to }) => (
  <section class="panel narrow" aria-labelledby="back-title">
    <h1 id="back-title">Back from the provider</h1>
    <p>
      <a href={to}>Continue to sign-in security</a>
    </p>
  </section>
);
