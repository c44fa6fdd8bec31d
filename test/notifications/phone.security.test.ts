import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { deliveries, phoneNumbers } from "../../schema/notifications";
import { codeSentTo, db, enterCode, newPhone, setPhone } from "../support/channels";
import { api, json, signUp } from "../support/identity";

const phoneOf = async (account: { auth: Record<string, string> }) =>
  (await api("/v1/me/phone", { headers: account.auth })).json<{ phone: string; verified: boolean }>();

describe("phone numbers (security)", () => {
  it("needs a signed-in account", async () => {
    expect((await api("/v1/me/phone")).status).toBe(401);
    expect((await api("/v1/me/phone", json({ phone: newPhone() }, { method: "PUT" }))).status).toBe(401);
    expect((await api("/v1/me/phone/verify", json({ code: "123456" }))).status).toBe(401);
    expect((await api("/v1/me/phone", { method: "DELETE" })).status).toBe(401);
  });

  it("keeps each account's number and code to itself when two accounts give the same number", async () => {
    const owner = await signUp();
    const other = await signUp();
    const phone = newPhone();
    await setPhone(owner, phone);
    const ownersCode = await codeSentTo(phone);
    await setPhone(other, phone);
    const othersCode = await codeSentTo(phone, 2);

    // A code verifies only the account it was sent for.
    if (ownersCode !== othersCode) expect((await enterCode(other, ownersCode)).status).toBe(422);
    expect((await enterCode(owner, ownersCode)).status).toBe(200);
    expect(await phoneOf(owner)).toMatchObject({ phone, verified: true });
    expect(await phoneOf(other)).toMatchObject({ phone, verified: false });

    expect((await api("/v1/me/phone", { method: "DELETE", headers: other.auth })).status).toBe(204);
    expect(await phoneOf(owner)).toMatchObject({ phone, verified: true });
  });

  it("stores the code only hashed, and never logs it", async () => {
    const reader = await signUp();
    const phone = newPhone();
    await setPhone(reader, phone);
    const code = await codeSentTo(phone);
    const [row] = await db.select().from(phoneNumbers).where(eq(phoneNumbers.userId, reader.userId));
    expect(row!.codeHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.codeHash).not.toContain(code);
    const logged = await db.select().from(deliveries).where(eq(deliveries.userId, reader.userId));
    expect(logged.filter((delivery) => delivery.channel === "sms").map((delivery) => delivery.message)).toEqual([null]);
  });

  it("limits the codes sent to one number, whichever accounts ask", async () => {
    const phone = newPhone();
    for (let i = 0; i < 5; i++) expect((await setPhone(await signUp(), phone)).status).toBe(200);
    const response = await setPhone(await signUp(), phone);
    expect(response.status).toBe(429);
    expect(await response.json()).toMatchObject({ code: "rate_limited" });
  });
});
