import { env } from "cloudflare:workers";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../workers/config";
import { base64url, fromBase64url } from "../../workers/lib/tokens";
import { unsubscribeToken } from "../../workers/notifications/service/unsubscribe";
import { ConsoleClient } from "../support/console";
import { signUp } from "../support/identity";
import { deliver, mailTo, oneClick, oneClickPath, preferencesOf, replied } from "../support/notifications";

const config = loadConfig(env);
const unsubscribePath = (token: string) => `/v1/notifications/unsubscribe?token=${encodeURIComponent(token)}`;

/** The token with its signed claims changed and the signature kept. */
function altered(token: string, change: Record<string, string>): string {
  const [payload, mac] = token.split(".") as [string, string];
  const claims = JSON.parse(new TextDecoder().decode(fromBase64url(payload)));
  return `${base64url(new TextEncoder().encode(JSON.stringify({ ...claims, ...change })))}.${mac}`;
}

describe("one-click unsubscribe (security)", () => {
  it("answers 404 to a forged, altered or foreign-signed token, and changes nothing", async () => {
    const [reader, victim] = await Promise.all([signUp({ verified: true }), signUp()]);
    await deliver(replied(reader.userId));
    const mine = new URL(`http://x${oneClickPath(await mailTo(reader.email, "comment-replied"))}`).searchParams.get(
      "token",
    )!;
    const foreign = await unsubscribeToken(
      { ...config, UNSUBSCRIBE_TOKEN_SECRET: "another-secret-entirely" },
      victim.userId,
      "community",
    );
    for (const token of [
      "forged",
      "a.b",
      `${mine}x`,
      altered(mine, { user: victim.userId }),
      altered(mine, { category: "orders" }),
      foreign,
    ]) {
      const response = await oneClick(unsubscribePath(token));
      expect(response.status, token).toBe(404);
      expect((await response.json<{ code: string }>()).code).toBe("not_found");
    }
    expect((await preferencesOf(victim)).categories.community!.email).toBe(true);
    expect((await preferencesOf(reader)).categories.orders!.email).toBe(true);
  });

  it("unsubscribes only the user the token names", async () => {
    const [reader, other] = await Promise.all([signUp({ verified: true }), signUp()]);
    await deliver(replied(reader.userId));
    expect((await oneClick(oneClickPath(await mailTo(reader.email, "comment-replied")))).status).toBe(200);
    expect((await preferencesOf(reader)).categories.community!.email).toBe(false);
    expect((await preferencesOf(other)).categories.community!.email).toBe(true);
  });

  it("shows the page's own not-valid answer for a forged token, without changing anything", async () => {
    const reader = await signUp();
    const browser = new ConsoleClient();
    const page = await browser.get(
      `/unsubscribe?token=${encodeURIComponent(altered(await unsubscribeToken(config, "usr_x", "community"), { user: reader.userId }))}`,
    );
    const html = await page.text();
    const _csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
    const token = /name="token" value="([^"]+)"/.exec(html)![1]!;
    const pressed = await browser.post("/unsubscribe", { _csrf, token });
    expect(pressed.status).toBe(404);
    expect(await pressed.text()).toContain("not valid");
    expect((await preferencesOf(reader)).categories.community!.email).toBe(true);
    // Without the page's form token the press is refused.
    expect((await new ConsoleClient().post("/unsubscribe", { token })).status).toBe(403);
  });
});
