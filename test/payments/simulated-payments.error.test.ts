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
});
