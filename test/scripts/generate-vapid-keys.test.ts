import { execFileSync } from "node:child_process";
import { createECDH } from "node:crypto";
import { describe, expect, it } from "vitest";

/** The two lines the script prints, as .dev.vars or `wrangler secret put` take them. */
function generate(...args: string[]) {
  const output = execFileSync(process.execPath, ["scripts/generate-vapid-keys.mjs", ...args], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return Object.fromEntries(
    output
      .trim()
      .split("\n")
      .map((line) => /^(\w+)="(.*)"$/.exec(line)!.slice(1, 3) as [string, string]),
  ) as { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string };
}

describe("scripts/generate-vapid-keys.mjs", () => {
  it("prints a P-256 key pair whose private half derives its public half", () => {
    const { VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY } = generate();
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(Buffer.from(VAPID_PRIVATE_KEY, "base64url"));
    expect(ecdh.getPublicKey().toString("base64url")).toBe(VAPID_PUBLIC_KEY);
  });

  it("marks a development pair with dev-, which production refuses", () => {
    const production = generate();
    const development = generate("--dev");
    expect(production).toEqual({
      VAPID_PUBLIC_KEY: expect.stringMatching(/^B[\w-]{86}$/),
      VAPID_PRIVATE_KEY: expect.stringMatching(/^[\w-]{43}$/),
    });
    expect(development.VAPID_PRIVATE_KEY).toMatch(/^dev-[\w-]{43}$/);
  });
});
