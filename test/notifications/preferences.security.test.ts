import { describe, expect, it } from "vitest";
import { api, json, signUp } from "../support/identity";
import { choose, preferencesOf } from "../support/notifications";

describe("notification preferences (security)", () => {
  it("needs a signed-in user to read or change them", async () => {
    expect((await api("/v1/me/notification-preferences")).status).toBe(401);
    const put = json({ categories: { community: { email: false } } }, { method: "PUT" });
    expect((await api("/v1/me/notification-preferences", put)).status).toBe(401);
    const forged = { authorization: "Bearer not-a-token" };
    expect((await api("/v1/me/notification-preferences", { headers: forged })).status).toBe(401);
  });

  it("changes only the caller's own choices", async () => {
    const [one, other] = await Promise.all([signUp(), signUp()]);
    expect(
      (await choose(one, { categories: { community: { email: false }, marketing: { email: true } } })).status,
    ).toBe(200);
    const untouched = await preferencesOf(other);
    expect(untouched.categories.community!.email).toBe(true);
    expect(untouched.categories.marketing!.email).toBe(false);
  });
});
