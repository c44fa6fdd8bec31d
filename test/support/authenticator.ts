import { Secret, TOTP } from "otpauth";

const PERIOD_MS = 30_000;

/**
 * An authenticator app for tests: codes come from otpauth with the secret the API gave. The server accepts each
 * 30-second step once, within one step either way; `nextCode` hands out the step after the last one used (the
 * current step or the next), waiting for the clock only when both are spent.
 */
export class Authenticator {
  private lastStep = Number.NEGATIVE_INFINITY;
  private readonly totp: TOTP;

  constructor(secret: string) {
    this.totp = new TOTP({ secret: Secret.fromBase32(secret), algorithm: "SHA1", digits: 6, period: 30 });
  }

  async nextCode(): Promise<string> {
    let current = Math.floor(Date.now() / PERIOD_MS);
    if (this.lastStep + 1 > current + 1) {
      await new Promise((resolve) => setTimeout(resolve, (current + 1) * PERIOD_MS - Date.now() + 50));
      current = Math.floor(Date.now() / PERIOD_MS);
    }
    const step = Math.max(this.lastStep + 1, current);
    this.lastStep = step;
    return this.totp.generate({ timestamp: step * PERIOD_MS });
  }

  /** The code of the step used last: what a replay sends. */
  lastCode(): string {
    return this.totp.generate({ timestamp: this.lastStep * PERIOD_MS });
  }

  /** A code that is no step's within the window: the current code with its last digit changed. */
  wrongCode(): string {
    const current = Math.floor(Date.now() / PERIOD_MS);
    const valid = new Set([-1, 0, 1].map((d) => this.totp.generate({ timestamp: (current + d) * PERIOD_MS })));
    for (let n = 0; ; n++) {
      const guess = String(n).padStart(6, "0");
      if (!valid.has(guess)) return guess;
    }
  }
}
