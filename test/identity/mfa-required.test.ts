import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { createApp } from "../../workers/app";
import { envWith } from "../support/env";
import { asAdmin, asSeller, json } from "../support/identity";
import { Authenticator } from "../support/mfa";

/** The API as production configures it: TOTP required for admin routes and payout onboarding. */
const strict = envWith({ MFA_REQUIRED_FOR_ADMINS: "true", MFA_REQUIRED_FOR_PAYOUTS: "true" });
async function strictApi(path: string, init?: RequestInit): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await createApp().fetch(new Request(`http://bazaar.test${path}`, init), strict, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

async function enrolThrough(auth: Record<string, string>): Promise<void> {
  const started = await strictApi("/v1/me/mfa/totp", { method: "POST", headers: auth });
  expect(started.status).toBe(201);
  const authenticator = new Authenticator((await started.json<{ secret: string }>()).secret);
  const confirmed = await strictApi(
    "/v1/me/mfa/totp/confirm",
    json({ code: await authenticator.nextCode() }, { headers: auth }),
  );
  expect(confirmed.status).toBe(200);
}

describe("two-factor sign-in required (MFA_REQUIRED_FOR_ADMINS, MFA_REQUIRED_FOR_PAYOUTS)", () => {
  it("an admin without TOTP gets 403 mfa_enrolment_required on admin routes, can enrol, then gets through", async () => {
    const admin = await asAdmin();
    const refused = await strictApi("/v1/admin/audit", { headers: admin.auth });
    expect(refused.status).toBe(403);
    expect(refused.headers.get("content-type")).toContain("application/problem+json");
    expect(await refused.json()).toMatchObject({ code: "mfa_enrolment_required" });

    await enrolThrough(admin.auth);
    expect((await strictApi("/v1/admin/audit", { headers: admin.auth })).status).toBe(200);
  });

  it("a seller without TOTP cannot start payout onboarding; their other seller routes stay open", async () => {
    const seller = await asSeller();
    const refused = await strictApi("/v1/seller/payouts/onboarding", { method: "POST", headers: seller.auth });
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: "mfa_enrolment_required" });
    expect((await strictApi("/v1/seller/listings", { headers: seller.auth })).status).toBe(200);

    await enrolThrough(seller.auth);
    const onboarding = await strictApi("/v1/seller/payouts/onboarding", { method: "POST", headers: seller.auth });
    expect(onboarding.status).toBe(200);
  });

  it("an account without the admin role is still 403 forbidden on admin routes, not asked to enrol", async () => {
    const seller = await asSeller();
    const response = await strictApi("/v1/admin/audit", { headers: seller.auth });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ code: "forbidden" });
  });
});
