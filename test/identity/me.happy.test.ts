import { describe, expect, it } from "vitest";
import { testDatabase } from "../support/database";
import { api, json, signUp } from "../support/identity";
import { waitForMail } from "../support/mail";

interface User {
  id: string;
  email: string;
  name: string;
  roles: string[];
  addresses: Record<string, string>[];
}

describe("GET and PATCH /v1/me", () => {
  it("shows the account and updates the name and shipping addresses, normalising postal codes", async () => {
    const account = await signUp({ name: "Ada" });
    const shown = await api("/v1/me", { headers: account.auth });
    expect(shown.status).toBe(200);
    expect((await shown.json<{ user: User }>()).user).toMatchObject({
      id: account.userId,
      email: account.email,
      name: "Ada",
      roles: ["buyer"],
      addresses: [],
    });

    const addresses = [
      { name: "Ada Lovelace", line1: "12 St James's Square", city: "London", postalCode: "sw1y4ju", country: "gb" },
      {
        name: "Ada L.",
        line1: "1 Infinite Loop",
        line2: "Suite 4",
        city: "Cupertino",
        region: "ca",
        postalCode: "95014",
        country: "US",
      },
    ];
    const patched = await api(
      "/v1/me",
      json({ name: "Ada Lovelace", addresses }, { method: "PATCH", headers: account.auth }),
    );
    expect(patched.status).toBe(200);
    const { user } = await patched.json<{ user: User }>();
    expect(user.name).toBe("Ada Lovelace");
    expect(user.addresses).toEqual([
      { id: expect.stringMatching(/^adr_[0-9a-f]{16}$/), ...addresses[0], postalCode: "SW1Y 4JU", country: "GB" },
      { id: expect.stringMatching(/^adr_[0-9a-f]{16}$/), ...addresses[1], region: "CA" },
    ]);
    const again = await (await api("/v1/me", { headers: account.auth })).json<{ user: User }>();
    expect(again.user.addresses).toHaveLength(2);
    // An address keeps its id while unchanged (the id checkout takes as `addressId`), and gets a new one when edited.
    expect(again.user.addresses.map((a) => a.id)).toEqual(user.addresses.map((a) => a.id));
    const edited = await api(
      "/v1/me",
      json(
        { addresses: [{ ...addresses[0], line2: "Flat 2" }, addresses[1]] },
        { method: "PATCH", headers: account.auth },
      ),
    );
    const after = (await edited.json<{ user: User }>()).user.addresses.map((a) => a.id);
    expect(after[0]).not.toBe(user.addresses[0]?.id);
    expect(after[1]).toBe(user.addresses[1]?.id);
  });

  it("accepts addresses in each country with rules, and elsewhere with generic checks", async () => {
    const account = await signUp();
    const addresses = [
      { country: "DE", postalCode: "10115", city: "Berlin" },
      { country: "FR", postalCode: "75001", city: "Paris" },
      { country: "IN", postalCode: "110 001", city: "New Delhi", region: "Delhi" },
      { country: "CA", postalCode: "k1a0b1", city: "Ottawa", region: "ON" },
      { country: "US", postalCode: "10001-1234", city: "New York", region: "NY" },
      { country: "NL", postalCode: "1012 AB", city: "Amsterdam" },
    ].map((address) => ({ name: "Reader", line1: "1 Book Street", ...address }));
    const response = await api("/v1/me", json({ addresses }, { method: "PATCH", headers: account.auth }));
    expect(response.status).toBe(200);
    const { user } = await response.json<{ user: User }>();
    expect(user.addresses.map((a) => a.postalCode)).toEqual([
      "10115",
      "75001",
      "110001",
      "K1A 0B1",
      "10001-1234",
      "1012 AB",
    ]);
  });
});

describe("POST /v1/me/password", () => {
  it("changes the password, keeps this session and revokes the others", async () => {
    const account = await signUp({ verified: true });
    const other = await (await api("/v1/auth/login", json({ email: account.email, password: account.password }))).json<{
      accessToken: string;
    }>();
    const newPassword = "a completely new passphrase";
    const response = await api(
      "/v1/me/password",
      json({ currentPassword: account.password, newPassword }, { headers: account.auth }),
    );
    expect(response.status).toBe(204);
    expect((await api("/v1/me", { headers: account.auth })).status).toBe(200);
    expect((await api("/v1/me", { headers: { authorization: `Bearer ${other.accessToken}` } })).status).toBe(401);
    expect((await api("/v1/auth/login", json({ email: account.email, password: account.password }))).status).toBe(401);
    expect((await api("/v1/auth/login", json({ email: account.email, password: newPassword }))).status).toBe(200);
    const [mail] = await waitForMail(account.email, "password-changed");
    expect(mail!.text).toContain("changed from your account settings");
  });
});

describe("sessions", () => {
  it("lists the live sessions, marks the current one, pages with a cursor and revokes one", async () => {
    const account = await signUp();
    for (let i = 0; i < 2; i++) {
      await api(
        "/v1/auth/login",
        json({ email: account.email, password: account.password }, { headers: { "user-agent": `Reader/${i}` } }),
      );
    }
    const firstPage = await api("/v1/me/sessions?limit=2", { headers: account.auth });
    expect(firstPage.status).toBe(200);
    const page1 = await firstPage.json<{
      items: { id: string; current: boolean; userAgent: string }[];
      nextCursor: string;
    }>();
    expect(page1.items).toHaveLength(2);
    expect(page1.items[0]!.userAgent).toBe("Reader/1");
    expect(page1.nextCursor).toBeTruthy();
    const page2 = await (
      await api(`/v1/me/sessions?limit=2&cursor=${page1.nextCursor}`, { headers: account.auth })
    ).json<{ items: { id: string; current: boolean }[]; nextCursor: string | null }>();
    expect(page2.items).toHaveLength(1);
    expect(page2.items[0]!.current).toBe(true);
    expect(page2.nextCursor).toBeNull();

    const target = page1.items[0]!.id;
    expect((await api(`/v1/me/sessions/${target}`, { method: "DELETE", headers: account.auth })).status).toBe(204);
    const after = await (await api("/v1/me/sessions", { headers: account.auth })).json<{ items: { id: string }[] }>();
    expect(after.items.map((s) => s.id)).not.toContain(target);
    expect(after.items).toHaveLength(2);
  });
});

describe("DELETE /v1/me", () => {
  it("anonymises the account, keeps its id, revokes sessions and frees the email", async () => {
    const account = await signUp({ name: "Leaving Reader" });
    await api(
      "/v1/me",
      json(
        { addresses: [{ name: "L", line1: "1 Road", city: "Berlin", postalCode: "10115", country: "DE" }] },
        { method: "PATCH", headers: account.auth },
      ),
    );
    const response = await api(
      "/v1/me",
      json({ password: account.password }, { method: "DELETE", headers: account.auth }),
    );
    expect(response.status).toBe(204);

    const row = await testDatabase
      .prepare("SELECT email, name, password_hash, shipping_addresses, deleted_at FROM users WHERE id = ?")
      .bind(account.userId)
      .first<Record<string, unknown>>();
    expect(row).toMatchObject({ name: "Deleted user", password_hash: null, shipping_addresses: "[]" });
    expect(row!.email).not.toContain(account.email.split("@")[0]!);
    expect(row!.deleted_at).toBeTypeOf("number");
    const live = await testDatabase
      .prepare("SELECT COUNT(*) AS n FROM sessions WHERE user_id = ? AND revoked_at IS NULL")
      .bind(account.userId)
      .first<{ n: number }>();
    expect(live!.n).toBe(0);
    const events = await testDatabase.prepare("SELECT type FROM outbox WHERE type = 'UserDeleted'").all();
    expect(events.results).toHaveLength(1);

    // The address can be used for a new account.
    const again = await api(
      "/v1/auth/register",
      json({ email: account.email, password: "a new life passphrase", name: "Back" }),
    );
    expect(again.status).toBe(201);
    expect((await again.json<{ user: User }>()).user.id).not.toBe(account.userId);
  });
});
