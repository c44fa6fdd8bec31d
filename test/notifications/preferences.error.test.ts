import { describe, expect, it } from "vitest";
import { api, signUp } from "../support/identity";
import { choose, preferencesOf } from "../support/notifications";

describe("notification preferences (errors)", () => {
  it("refuses to turn security mail off, with a problem that says why", async () => {
    const reader = await signUp();
    for (const security of [{ email: false }, { alwaysOn: false }]) {
      const response = await choose(reader, { categories: { community: { email: false } }, security });
      expect(response.status).toBe(400);
      const problem = await response.json<{ code: string; detail: string }>();
      expect(problem.code).toBe("security_mail_required");
      expect(problem.detail).toMatch(/always sent/);
    }
    // Nothing of a refused change is kept.
    expect((await preferencesOf(reader)).categories.community!.email).toBe(true);
  });

  it("answers 400 for an unknown category or channel, a non-boolean, or a matrix not under `categories`", async () => {
    const reader = await signUp();
    for (const body of [
      { categories: { newsletters: { email: false } } },
      { categories: { community: { fax: false } } },
      { categories: { community: { email: "no" } } },
      { community: { email: false } },
      { categories: { community: null } },
    ]) {
      const response = await choose(reader, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect((await response.json<{ code: string }>()).code).toBe("validation_failed");
    }
  });

  it("answers 400 for a body that is not JSON and 415 for another media type", async () => {
    const reader = await signUp();
    const put = (body: string, type: string) =>
      api("/v1/me/notification-preferences", {
        method: "PUT",
        headers: { ...reader.auth, "content-type": type },
        body,
      });
    expect((await put("{", "application/json")).status).toBe(400);
    expect((await put("community=off", "text/plain")).status).toBe(415);
  });
});
