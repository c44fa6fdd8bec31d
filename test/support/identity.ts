import { api, json } from "./http";
import { codeIn, waitForMail } from "./mail";

export { api, json } from "./http";

/** A signed-in test user, created through the real API. Spread `auth` into request headers. */
export interface TestAccount {
  userId: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
  auth: Record<string, string>;
}

export interface TestSeller extends TestAccount {
  sellerId: string;
}

/** ADMIN_EMAILS in vitest.config.ts lists admin-0@ … admin-49@bazaar.test. */
const ADMIN_EMAIL_COUNT = 50;
const ADMIN_PASSWORD = "the admin test password";
let adminsHandedOut = 0;

const random = () => crypto.randomUUID().replace(/-/g, "").slice(0, 12);

/** Every test user signs up from its own address (TEST-NET-2), as real users do, so per-IP limits stay out of the way. */
const clientIp = () => {
  const [a, b] = crypto.getRandomValues(new Uint8Array(2));
  return `198.51.${a}.${b}`;
};

async function expectStatus(response: Response, status: number, what: string): Promise<void> {
  if (response.status !== status) throw new Error(`${what} answered ${response.status}: ${await response.text()}`);
}

interface TokensBody {
  accessToken: string;
  refreshToken: string;
  user: { id: string };
}

async function logIn(email: string, password: string, ip: string): Promise<TestAccount> {
  for (let attempt = 1; ; attempt++) {
    const response = await api("/v1/auth/login", json({ email, password }, { headers: { "cf-connecting-ip": ip } }));
    // Logging one account in many times a second trips its per-account limit; wait as a client would.
    if (response.status === 429 && attempt < 5) {
      await new Promise((resolve) => setTimeout(resolve, Number(response.headers.get("retry-after") ?? 1) * 1000));
      continue;
    }
    await expectStatus(response, 200, "login");
    const body = await response.json<TokensBody>();
    return {
      userId: body.user.id,
      email,
      password,
      accessToken: body.accessToken,
      refreshToken: body.refreshToken,
      auth: { authorization: `Bearer ${body.accessToken}` },
    };
  }
}

/** Confirms an address with the code from its verification mail, as its owner would. */
export async function verifyEmailOf(email: string): Promise<void> {
  const [mail] = await waitForMail(email, "verify-email");
  const verified = await api("/v1/auth/verify-email", json({ token: codeIn(mail!, "Verification code") }));
  await expectStatus(verified, 204, "verify-email");
}

/**
 * Registers a new account (unique email unless given) and logs it in. `verified` confirms the address first
 * (only a confirmed address gets order mail and account notices); it waits for the mail, so ask only when needed.
 */
export async function signUp(
  opts: { email?: string; password?: string; name?: string; verified?: boolean } = {},
): Promise<TestAccount> {
  const email = opts.email ?? `reader-${random()}@bazaar.test`;
  const password = opts.password ?? `test password ${random()}`;
  const ip = clientIp();
  const response = await api(
    "/v1/auth/register",
    json({ email, password, name: opts.name ?? "Test Reader" }, { headers: { "cf-connecting-ip": ip } }),
  );
  await expectStatus(response, 201, "register");
  if (opts.verified) await verifyEmailOf(email);
  return logIn(email, password, ip);
}

/** A new account with a seller profile, its tokens refreshed so the access token carries `seller`. */
export async function asSeller(opts: { storeName?: string; shipsFrom?: string } = {}): Promise<TestSeller> {
  const account = await signUp({ name: "Test Seller" });
  const created = await api(
    "/v1/sellers",
    json(
      {
        storeName: opts.storeName ?? `Test Store ${random()}`,
        contactEmail: account.email,
        shipsFrom: opts.shipsFrom ?? "DE",
      },
      { headers: account.auth },
    ),
  );
  await expectStatus(created, 201, "POST /v1/sellers");
  const { seller } = await created.json<{ seller: { id: string } }>();
  const refreshed = await api("/v1/auth/refresh", json({ refreshToken: account.refreshToken }));
  await expectStatus(refreshed, 200, "refresh");
  const tokens = await refreshed.json<TokensBody>();
  return {
    ...account,
    sellerId: seller.id,
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    auth: { authorization: `Bearer ${tokens.accessToken}` },
  };
}

/**
 * A signed-in admin: each call registers the next account listed in the test ADMIN_EMAILS (so calls do not
 * share one account's login limit), confirms its address (ADMIN_EMAILS makes only a confirmed address an
 * admin) and logs it in; ADMIN_EMAILS grants the role at login.
 */
export async function asAdmin(): Promise<TestAccount> {
  const email = `admin-${adminsHandedOut++ % ADMIN_EMAIL_COUNT}@bazaar.test`;
  const ip = clientIp();
  const response = await api(
    "/v1/auth/register",
    json({ email, password: ADMIN_PASSWORD, name: "Test Admin" }, { headers: { "cf-connecting-ip": ip } }),
  );
  // After 50 calls in one file the list wraps around and the account already exists, confirmed.
  if (response.status !== 409) {
    await expectStatus(response, 201, "register admin");
    await verifyEmailOf(email);
  }
  return logIn(email, ADMIN_PASSWORD, ip);
}
