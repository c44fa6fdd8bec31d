import { api, json } from "./http";

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

/** Matches ADMIN_EMAILS in vitest.config.ts. */
const ADMIN_EMAIL = "admin@bazaar.test";
const ADMIN_PASSWORD = "the admin test password";

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
  const response = await api("/v1/auth/login", json({ email, password }, { headers: { "cf-connecting-ip": ip } }));
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

/** Registers a new account (unique email unless given) and logs it in. */
export async function signUp(opts: { email?: string; password?: string; name?: string } = {}): Promise<TestAccount> {
  const email = opts.email ?? `reader-${random()}@bazaar.test`;
  const password = opts.password ?? `test password ${random()}`;
  const ip = clientIp();
  const response = await api(
    "/v1/auth/register",
    json({ email, password, name: opts.name ?? "Test Reader" }, { headers: { "cf-connecting-ip": ip } }),
  );
  await expectStatus(response, 201, "register");
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

/** The admin account of this test file (its email is in ADMIN_EMAILS), registered on first use, then logged in. */
export async function asAdmin(): Promise<TestAccount> {
  const ip = clientIp();
  const response = await api(
    "/v1/auth/register",
    json({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD, name: "Test Admin" }, { headers: { "cf-connecting-ip": ip } }),
  );
  if (response.status !== 409) await expectStatus(response, 201, "register admin");
  return logIn(ADMIN_EMAIL, ADMIN_PASSWORD, ip);
}
