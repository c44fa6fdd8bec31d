import { describe, expect, it } from "vitest";
import { codeSentTo, devMessages, newPhone, setPhone } from "../support/channels";
import { signUp } from "../support/identity";

// In production every /v1/dev/ route answers 404 (test/foundation/production.test.ts).
describe("the development message log (security)", () => {
  it("shows a number only the texts sent to it", async () => {
    const phone = newPhone();
    const other = newPhone();
    await setPhone(await signUp(), phone);
    await setPhone(await signUp(), other);
    await codeSentTo(other);
    expect((await devMessages("sms", phone)).map((text) => text.to)).toEqual([phone]);
  });
});
