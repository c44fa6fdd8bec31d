import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries } from "../../schema/notifications";
import { codeSentTo, db, devMessages, enterCode, newPhone, setPhone } from "../support/channels";
import { api, signUp } from "../support/identity";

const TEN_MINUTES = 10 * 60 * 1000;

describe("phone numbers (happy path)", () => {
  it("texts a code to a new number and verifies it with that code", async () => {
    const reader = await signUp();
    const phone = newPhone();
    const before = Date.now();
    const set = await setPhone(reader, phone);
    expect(set.status).toBe(200);
    const pending = await set.json<{ verified: boolean; verifiedAt: null; codeExpiresAt: string }>();
    expect(pending).toMatchObject({ phone, verified: false, verifiedAt: null });
    const expiresIn = Date.parse(pending.codeExpiresAt) - before;
    expect(expiresIn).toBeGreaterThan(TEN_MINUTES - 5000);
    expect(expiresIn).toBeLessThanOrEqual(TEN_MINUTES + 5000);
    const [text] = await devMessages("sms", phone);
    expect(text!.body).toMatch(/^Your Book Bazaar code is \d{6}\. It expires in 10 minutes\./);

    const verified = await enterCode(reader, await codeSentTo(phone));
    expect(verified.status).toBe(200);
    expect(await verified.json()).toMatchObject({
      phone,
      verified: true,
      verifiedAt: expect.any(String),
      codeExpiresAt: null,
    });
    const shown = await api("/v1/me/phone", { headers: reader.auth });
    expect(await shown.json()).toMatchObject({ phone, verified: true });
  });

  it("sends nothing for the number already verified, and a new code for a changed one, which is unverified again", async () => {
    const reader = await signUp();
    const first = newPhone();
    await setPhone(reader, first);
    await enterCode(reader, await codeSentTo(first));

    const again = await setPhone(reader, first);
    expect(await again.json()).toMatchObject({ phone: first, verified: true });
    expect(await devMessages("sms", first)).toHaveLength(1);

    const second = newPhone();
    const changed = await setPhone(reader, second);
    expect(await changed.json()).toMatchObject({ phone: second, verified: false, verifiedAt: null });
    expect(await devMessages("sms", second)).toHaveLength(1);
    expect(await enterCode(reader, await codeSentTo(second)).then((r) => r.status)).toBe(200);
  });

  it("lets a new code replace the one before", async () => {
    const reader = await signUp();
    const phone = newPhone();
    await setPhone(reader, phone);
    const old = await codeSentTo(phone);
    await setPhone(reader, phone);
    const fresh = await codeSentTo(phone, 2);
    if (old !== fresh) expect((await enterCode(reader, old)).status).toBe(422);
    expect((await enterCode(reader, fresh)).status).toBe(200);
  });

  it("logs each code sent as an SMS delivery", async () => {
    const reader = await signUp();
    const phone = newPhone();
    await setPhone(reader, phone);
    const logged = await db
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.userId, reader.userId), eq(deliveries.template, "phone-verification")));
    expect(logged).toMatchObject([{ channel: "sms", status: "sent", to: phone, attempts: 1, provider: "dev-log" }]);
  });

  it("removes the number, idempotently", async () => {
    const reader = await signUp();
    await setPhone(reader, newPhone());
    const remove = () => api("/v1/me/phone", { method: "DELETE", headers: reader.auth });
    expect((await remove()).status).toBe(204);
    expect((await remove()).status).toBe(204);
    expect((await api("/v1/me/phone", { headers: reader.auth })).status).toBe(404);
  });
});
