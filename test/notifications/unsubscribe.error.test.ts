import { describe, expect, it } from "vitest";
import { api, json, signUp } from "../support/identity";
import { deliver, mailTo, oneClickPath, replied } from "../support/notifications";

const post = (path: string, type: string, body: string) =>
  api(path, { method: "POST", headers: { "content-type": type }, body });

describe("one-click unsubscribe (errors)", () => {
  it("answers 400 without a token, or with a one-click body that says something else", async () => {
    expect((await api("/v1/notifications/unsubscribe", { method: "POST" })).status).toBe(400);
    expect((await api("/v1/notifications/unsubscribe", json({}))).status).toBe(400);
    const reader = await signUp({ verified: true });
    await deliver(replied(reader.userId));
    const path = oneClickPath(await mailTo(reader.email, "comment-replied"));
    const refused = await post(path, "application/x-www-form-urlencoded", "List-Unsubscribe=Maybe");
    expect(refused.status).toBe(400);
    expect((await refused.json<{ code: string }>()).code).toBe("validation_failed");
  });

  it("answers 415 for a body of another media type, and 400 for broken JSON", async () => {
    expect(
      (await post("/v1/notifications/unsubscribe?token=x.y", "text/plain", "List-Unsubscribe=One-Click")).status,
    ).toBe(415);
    expect((await post("/v1/notifications/unsubscribe", "application/json", "{")).status).toBe(400);
  });
});
