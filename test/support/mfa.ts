import { Authenticator } from "./authenticator";
import { api, json, type TestAccount } from "./identity";

export { Authenticator };

/** An account with TOTP on, and what its owner's authenticator app would hold. */
export interface MfaAccount extends TestAccount {
  authenticator: Authenticator;
  recoveryCodes: string[];
}

/** Turns TOTP on for `account` through the API, as its owner would. */
export async function enableMfa(account: TestAccount): Promise<MfaAccount> {
  const started = await api("/v1/me/mfa/totp", { method: "POST", headers: account.auth });
  if (started.status !== 201) throw new Error(`enrol answered ${started.status}: ${await started.text()}`);
  const authenticator = new Authenticator((await started.json<{ secret: string }>()).secret);
  const confirmed = await api(
    "/v1/me/mfa/totp/confirm",
    json({ code: await authenticator.nextCode() }, { headers: account.auth }),
  );
  if (confirmed.status !== 200) throw new Error(`confirm answered ${confirmed.status}: ${await confirmed.text()}`);
  const { recoveryCodes } = await confirmed.json<{ recoveryCodes: string[] }>();
  return { ...account, authenticator, recoveryCodes };
}

/** Logs in with the password; with TOTP on that answers 401 `mfa_required` and a challenge id. */
export async function challengeFor(account: TestAccount, ip = "198.51.100.7"): Promise<string> {
  const response = await api(
    "/v1/auth/login",
    json({ email: account.email, password: account.password }, { headers: { "cf-connecting-ip": ip } }),
  );
  const body = await response.json<{ code: string; challengeId: string }>();
  if (response.status !== 401 || body.code !== "mfa_required") {
    throw new Error(`login answered ${response.status} ${JSON.stringify(body)}`);
  }
  return body.challengeId;
}

/**
 * Sends a second factor for a challenge. The test config allows an account five tries in two seconds; a 429 is
 * waited out as a client would, so tests see the answer to the code itself.
 */
export async function finishMfa(
  body: { challengeId: string; code?: string; recoveryCode?: string },
  ip = "198.51.100.7",
): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    const response = await api("/v1/auth/mfa", json(body, { headers: { "cf-connecting-ip": ip } }));
    if (response.status !== 429 || attempt === 5) return response;
    await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? 1) * 1000));
  }
}
