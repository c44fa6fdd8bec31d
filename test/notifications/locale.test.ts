import { describe, expect, it } from "vitest";
import { api, json, signUp } from "../support/identity";
import { codeIn, waitForMail } from "../support/mail";

const random = () => crypto.randomUUID().slice(0, 8);

describe("the locale profile field", () => {
  it("is en by default and changes with PATCH /v1/me", async () => {
    const reader = await signUp();
    const me = await api("/v1/me", { headers: reader.auth });
    expect((await me.json<{ user: { locale: string } }>()).user.locale).toBe("en");
    const patched = await api("/v1/me", json({ locale: "de" }, { method: "PATCH", headers: reader.auth }));
    expect(patched.status).toBe(200);
    expect((await patched.json<{ user: { locale: string } }>()).user.locale).toBe("de");
    const again = await api("/v1/me", { headers: reader.auth });
    expect((await again.json<{ user: { locale: string; name: string } }>()).user).toMatchObject({
      locale: "de",
      name: "Test Reader",
    });
  });

  it("can be chosen at sign-up, and the verification mail is then German", async () => {
    const email = `leserin-${random()}@bazaar.test`;
    const response = await api(
      "/v1/auth/register",
      json({ email, password: `a long password ${random()}`, name: "Grete", locale: "de" }),
    );
    expect(response.status).toBe(201);
    expect((await response.json<{ user: { locale: string } }>()).user.locale).toBe("de");
    const [mail] = await waitForMail(email, "verify-email");
    expect(mail!.subject).toBe("Bestätigen Sie Ihre E-Mail-Adresse für Book Bazaar");
    expect(mail!.text).toMatch(/Bestätigungscode: \S+/);
    expect(() => codeIn(mail!, "Verification code")).toThrow();
  });

  it("answers 400 for any other locale, at sign-up and on the profile", async () => {
    const reader = await signUp();
    for (const locale of ["fr", "EN", "", 1, null]) {
      const patched = await api("/v1/me", json({ locale }, { method: "PATCH", headers: reader.auth }));
      expect(patched.status, String(locale)).toBe(400);
      expect((await patched.json<{ errors: { path: string }[] }>()).errors).toEqual([
        expect.objectContaining({ path: "locale" }),
      ]);
    }
    const registered = await api(
      "/v1/auth/register",
      json({ email: `r-${random()}@bazaar.test`, password: `a long password ${random()}`, name: "R", locale: "fr" }),
    );
    expect(registered.status).toBe(400);
  });

  it("is only the caller's to change", async () => {
    expect((await api("/v1/me", json({ locale: "de" }, { method: "PATCH" }))).status).toBe(401);
    const [reader, other] = await Promise.all([signUp(), signUp()]);
    await api("/v1/me", json({ locale: "de" }, { method: "PATCH", headers: reader.auth }));
    const theirs = await api("/v1/me", { headers: other.auth });
    expect((await theirs.json<{ user: { locale: string } }>()).user.locale).toBe("en");
  });
});
