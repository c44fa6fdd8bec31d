// Setup helpers that talk to the app through its public API, as a client would.

/** GETs every path once, `parallel` at a time (bodies read and dropped); returns the count of each status. */
export async function visitAll(ctx, paths, parallel = 16) {
  const statuses = {};
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < paths.length) {
        const response = await ctx.fetch(paths[next++]);
        await response.arrayBuffer();
        statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      }
    }),
  );
  return statuses;
}

/** `count` calls of `task(i)`, `parallel` at a time, results in order. */
export async function inParallel(count, parallel, task) {
  const results = new Array(count);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, count) }, async () => {
      while (next < count) {
        const i = next++;
        results[i] = await task(i);
      }
    }),
  );
  return results;
}

/** POST/PATCH a JSON body; throws with the answer unless the status is `expect`. */
export async function send(ctx, method, path, body, { headers = {}, expect = [200, 201] } = {}) {
  const response = await ctx.fetch(path, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (![expect].flat().includes(response.status)) {
    throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  }
  return { response, body: text ? JSON.parse(text) : undefined };
}

/**
 * A new account, registered and logged in through the API (argon2id twice: about 0.1 s of the Worker's CPU each).
 * Each account signs up from its own address (TEST-NET-2), as real users do.
 */
export async function signUp(ctx, { email, name = "Bench Reader", password = "bench password, long enough 1" }) {
  const ip = `198.51.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}`;
  const headers = { "cf-connecting-ip": ip };
  await send(ctx, "POST", "/v1/auth/register", { email, password, name }, { headers, expect: 201 });
  return logIn(ctx, { email, password, ip });
}

export async function logIn(ctx, { email, password, ip }) {
  const { body } = await send(
    ctx,
    "POST",
    "/v1/auth/login",
    { email, password },
    {
      headers: { "cf-connecting-ip": ip },
      expect: 200,
    },
  );
  return { userId: body.user.id, email, password, ip, accessToken: body.accessToken, refreshToken: body.refreshToken };
}

/** New tokens for an account (refresh tokens are single use). */
export async function refresh(ctx, account) {
  const { body } = await send(ctx, "POST", "/v1/auth/refresh", { refreshToken: account.refreshToken }, { expect: 200 });
  account.accessToken = body.accessToken;
  account.refreshToken = body.refreshToken;
  return account;
}
