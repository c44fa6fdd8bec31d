import { describe, expect, it } from "vitest";
import { api, json, signUp } from "../support/identity";

interface Problem {
  code: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

const patch = (auth: Record<string, string>, body: unknown) =>
  api("/v1/me", json(body, { method: "PATCH", headers: auth }));
const address = (fields: Record<string, string>) => ({ name: "R", line1: "1 Book Street", city: "Town", ...fields });

describe("PATCH /v1/me refuses", () => {
  it("an empty patch", async () => {
    const account = await signUp();
    const response = await patch(account.auth, {});
    expect(response.status).toBe(400);
    expect((await response.json<Problem>()).code).toBe("validation_failed");
  });

  it("postal codes of the wrong shape for their country, naming the field", async () => {
    const account = await signUp();
    const cases: Record<string, string>[] = [
      { country: "US", postalCode: "9410", region: "CA" },
      { country: "GB", postalCode: "12345" },
      { country: "DE", postalCode: "1011" },
      { country: "FR", postalCode: "750001" },
      { country: "IN", postalCode: "011001", region: "Delhi" },
      { country: "CA", postalCode: "D1A 0B1", region: "ON" },
    ];
    for (const fields of cases) {
      const response = await patch(account.auth, { addresses: [address(fields)] });
      expect(response.status, fields.country).toBe(400);
      const body = await response.json<Problem>();
      expect(body.errors).toEqual([
        { path: "addresses.0.postalCode", message: expect.stringContaining(`${fields.country} postal code`) },
      ]);
    }
  });

  it("a missing region where the country needs one, or an unknown state code", async () => {
    const account = await signUp();
    for (const country of ["US", "CA", "IN"]) {
      const postalCode = { US: "94103", CA: "K1A 0B1", IN: "110001" }[country]!;
      const response = await patch(account.auth, { addresses: [address({ country, postalCode })] });
      expect(response.status, country).toBe(400);
      expect((await response.json<Problem>()).errors?.[0]?.path).toBe("addresses.0.region");
    }
    const unknownState = await patch(account.auth, {
      addresses: [address({ country: "US", postalCode: "94103", region: "XX" })],
    });
    expect((await unknownState.json<Problem>()).errors?.[0]?.path).toBe("addresses.0.region");
  });

  it("missing required fields and a malformed country code", async () => {
    const account = await signUp();
    const response = await patch(account.auth, {
      addresses: [{ name: "R", line1: "", city: "Berlin", postalCode: "10115", country: "Germany" }],
    });
    expect(response.status).toBe(400);
    const paths = (await response.json<Problem>()).errors?.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["addresses.0.line1", "addresses.0.country"]));
  });

  it("more than 10 addresses", async () => {
    const account = await signUp();
    const many = Array.from({ length: 11 }, () => address({ country: "DE", postalCode: "10115" }));
    expect((await patch(account.auth, { addresses: many })).status).toBe(400);
  });
});

describe("POST /v1/me/password refuses", () => {
  it("a wrong current password with 403 wrong_password", async () => {
    const account = await signUp();
    const response = await api(
      "/v1/me/password",
      json({ currentPassword: "not my password", newPassword: "a new long passphrase" }, { headers: account.auth }),
    );
    expect(response.status).toBe(403);
    expect((await response.json<Problem>()).code).toBe("wrong_password");
  });

  it("a new password that breaks the policy or repeats the current one", async () => {
    const account = await signUp();
    for (const newPassword of ["1234567890", account.email, account.password]) {
      const response = await api(
        "/v1/me/password",
        json({ currentPassword: account.password, newPassword }, { headers: account.auth }),
      );
      expect(response.status).toBe(422);
      expect((await response.json<Problem>()).code).toBe("weak_password");
    }
    const short = await api(
      "/v1/me/password",
      json({ currentPassword: account.password, newPassword: "short" }, { headers: account.auth }),
    );
    expect(short.status).toBe(400);
  });

  it("guessing the current password more than the per-account limit allows", async () => {
    const account = await signUp();
    const attempts = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        api(
          "/v1/me/password",
          json({ currentPassword: `guess ${i}`, newPassword: "a new long passphrase" }, { headers: account.auth }),
        ),
      ),
    );
    expect(attempts.filter((r) => r.status === 403)).toHaveLength(5);
    expect(attempts.filter((r) => r.status === 429)).toHaveLength(1);
  });
});

describe("sessions and deletion refuse", () => {
  it("revoking an unknown or malformed session id", async () => {
    const account = await signUp();
    const unknown = await api(`/v1/me/sessions/ses_${"0".repeat(32)}`, { method: "DELETE", headers: account.auth });
    expect(unknown.status).toBe(404);
    const malformed = await api("/v1/me/sessions/abc", { method: "DELETE", headers: account.auth });
    expect(malformed.status).toBe(400);
  });

  it("a bad session cursor", async () => {
    const account = await signUp();
    const response = await api("/v1/me/sessions?cursor=garbage", { headers: account.auth });
    expect(response.status).toBe(400);
    expect((await response.json<Problem>()).code).toBe("invalid_cursor");
  });

  it("deleting the account without the right password", async () => {
    const account = await signUp();
    const wrong = await api(
      "/v1/me",
      json({ password: "not my password" }, { method: "DELETE", headers: account.auth }),
    );
    expect(wrong.status).toBe(403);
    const missing = await api("/v1/me", { method: "DELETE", headers: account.auth });
    expect(missing.status).toBe(400);
    expect((await api("/v1/me", { headers: account.auth })).status).toBe(200);
  });
});

/** Text that forges a mail header, hides in a terminal or reverses what a reader sees. */
const FORBIDDEN = ["Ada\r\nBcc: all@example.com", "Ada\u0000", "Ada\u202Eevil", "Ada\u2066x\u2069", "A\u0007da"];

describe("names and addresses with control or bidirectional characters", () => {
  it("are refused with 422 invalid_characters at register, and a plain or accented name still registers", async () => {
    for (const name of FORBIDDEN) {
      const response = await api(
        "/v1/auth/register",
        json({ email: `cc${crypto.randomUUID().slice(0, 8)}@x.example`, password: "a long enough password", name }),
      );
      expect(response.status, JSON.stringify(name)).toBe(422);
      const body = await response.json<Problem>();
      expect(body.code).toBe("invalid_characters");
      expect(body.errors?.map((error) => error.path)).toEqual(["name"]);
    }
    const fine = await api(
      "/v1/auth/register",
      json({
        email: `ok${crypto.randomUUID().slice(0, 8)}@x.example`,
        password: "a long enough password",
        name: "Zoë Ōtsuka-Müller 👩‍💻",
      }),
    );
    expect(fine.status).toBe(201);
  });

  it("are refused with 422 in PATCH /v1/me names and every shipping address field; other faults stay 400", async () => {
    const account = await signUp();
    for (const name of FORBIDDEN) {
      const response = await patch(account.auth, { name });
      expect(response.status, JSON.stringify(name)).toBe(422);
      expect((await response.json<Problem>()).code).toBe("invalid_characters");
    }
    for (const field of ["name", "line1", "line2", "city", "region", "postalCode"]) {
      const response = await patch(account.auth, {
        addresses: [{ ...address({ country: "DE", postalCode: "10115" }), [field]: "Haus\n7" }],
      });
      expect(response.status, field).toBe(422);
      const body = await response.json<Problem>();
      expect(body.code).toBe("invalid_characters");
      expect(body.errors?.map((error) => error.path)).toEqual([`addresses.0.${field}`]);
    }
    const shape = await patch(account.auth, { name: "Ada\u202E", addresses: [{ name: "R" }] });
    expect(shape.status).toBe(400);
    expect((await shape.json<Problem>()).code).toBe("validation_failed");
    const me = await (await api("/v1/me", { headers: account.auth })).json<{ user: { name: string } }>();
    expect(FORBIDDEN).not.toContain(me.user.name);
  });
});
