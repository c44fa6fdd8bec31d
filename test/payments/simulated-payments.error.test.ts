import { describe, expect, it } from "vitest";
import { api } from "../support/http";

const post = (path: string) => api(path, { method: "POST" });

describe("simulated payments (errors)", () => {
  it("answers 404 for an unknown payment and 400 for a malformed id", async () => {
    expect((await post(`/v1/dev/payments/pay_${"0".repeat(32)}/succeed`)).status).toBe(404);
    const malformed = await post("/v1/dev/payments/not-a-payment/succeed");
    expect(malformed.status).toBe(400);
    expect((await malformed.json<{ code: string }>()).code).toBe("validation_failed");
  });

  it("answers the same for a processing answer, and 400 for a delivery flag that is not true or false", async () => {
    expect((await post(`/v1/dev/payments/pay_${"0".repeat(32)}/processing`)).status).toBe(404);
    expect((await post("/v1/dev/payments/not-a-payment/processing")).status).toBe(400);
    const flag = await post(`/v1/dev/payments/pay_${"0".repeat(32)}/succeed?deliver=maybe`);
    expect(flag.status).toBe(400);
    expect((await flag.json<{ code: string }>()).code).toBe("validation_failed");
  });
});
