import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries } from "../../schema/notifications";
import { apiWith, codeSentTo, db, enterCode, newPhone, setPhone, verifiedPhone } from "../support/channels";
import { testDatabase } from "../support/database";
import { api, json, signUp } from "../support/identity";
import { recorderUrl, scriptReply } from "../support/outside";

const problem = async (response: Response) => ({ status: response.status, ...(await response.json<object>()) });

describe("phone numbers (errors)", () => {
  it("refuses a number that is not E.164 and a code that is not six digits", async () => {
    const reader = await signUp();
    for (const phone of ["015112345678", "+49 151 1234567", "+0151123456", "+1234", "", 4915112345678]) {
      const response = await api("/v1/me/phone", json({ phone }, { method: "PUT", headers: reader.auth }));
      expect(await problem(response)).toMatchObject({ status: 400, code: "validation_failed" });
    }
    await setPhone(reader, newPhone());
    for (const code of ["12345", "1234567", "abcdef", 123456]) {
      expect(await problem(await enterCode(reader, code as string))).toMatchObject({
        status: 400,
        code: "validation_failed",
      });
    }
  });

  it("answers 404 for an account without a number", async () => {
    const reader = await signUp();
    expect((await api("/v1/me/phone", { headers: reader.auth })).status).toBe(404);
    expect(await problem(await enterCode(reader, "123456"))).toMatchObject({ status: 404, code: "not_found" });
  });

  it("refuses a wrong code with the tries left, and a verified number's second verification", async () => {
    const reader = await signUp();
    const phone = newPhone();
    await setPhone(reader, phone);
    const code = await codeSentTo(phone);
    const wrong = code === "000000" ? "000001" : "000000";
    expect(await problem(await enterCode(reader, wrong))).toMatchObject({
      status: 422,
      code: "invalid_phone_code",
      triesLeft: 4,
    });
    expect((await enterCode(reader, code)).status).toBe(200);
    expect(await problem(await enterCode(reader, code))).toMatchObject({ status: 409, code: "phone_already_verified" });
  });

  it("refuses an expired code; a new one works", async () => {
    const reader = await signUp();
    const phone = newPhone();
    await setPhone(reader, phone);
    const code = await codeSentTo(phone);
    await testDatabase
      .prepare("UPDATE phone_numbers SET code_expires_at = ? WHERE user_id = ?")
      .bind(Date.now() - 1, reader.userId)
      .run();
    expect(await problem(await enterCode(reader, code))).toMatchObject({ status: 422, code: "phone_code_expired" });

    await setPhone(reader, phone);
    expect((await enterCode(reader, await codeSentTo(phone, 2))).status).toBe(200);
  });

  it("burns a code after five wrong tries, even for the right code", async () => {
    const reader = await signUp();
    const phone = newPhone();
    await setPhone(reader, phone);
    const code = await codeSentTo(phone);
    const wrong = code === "999999" ? "999998" : "999999";
    const left = [];
    for (let i = 0; i < 5; i++)
      left.push(((await (await enterCode(reader, wrong)).json()) as { triesLeft: number }).triesLeft);
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect(await problem(await enterCode(reader, code))).toMatchObject({ status: 422, code: "too_many_code_attempts" });
    expect(await (await api("/v1/me/phone", { headers: reader.auth })).json()).toMatchObject({ verified: false });
  });

  it("limits the codes sent to an account", async () => {
    const reader = await signUp();
    for (let i = 0; i < 5; i++) expect((await setPhone(reader, newPhone())).status).toBe(200);
    const limited = await setPhone(reader, newPhone());
    expect(await problem(limited)).toMatchObject({ status: 429, code: "rate_limited" });
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("answers 503 when the SMS provider does not take the code, and logs the failed send", async () => {
    await scriptReply({ method: "POST", path: "/sms-refused/", status: 500, body: {} });
    const reader = await signUp();
    const phone = newPhone();
    const response = await apiWith(
      {
        SMS_ADAPTER: "http",
        SMS_API_URL: `${recorderUrl}/sms-refused`,
        SMS_ACCOUNT_SID: "AC1",
        SMS_AUTH_TOKEN: "token",
        SMS_FROM: "BookBazaar",
      },
      "/v1/me/phone",
      json({ phone }, { method: "PUT", headers: reader.auth }),
    );
    expect(await problem(response)).toMatchObject({ status: 503, code: "unavailable" });
    const logged = await db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.userId, reader.userId), eq(deliveries.template, "phone-verification")));
    expect(logged).toMatchObject([
      { channel: "sms", status: "failed", to: phone, lastError: "Error: SMS API answered 500" },
    ]);
    // The number waits for a code that never came: asking again sends one.
    await verifiedPhone(reader, phone);
  });
});
