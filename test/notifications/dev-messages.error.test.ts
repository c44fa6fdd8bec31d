import { describe, expect, it } from "vitest";
import { apiWith, newPhone } from "../support/channels";
import { api } from "../support/identity";

describe("the development message log (errors)", () => {
  it("refuses a query without a known channel or an address", async () => {
    for (const query of [
      "",
      "?to=%2B4915112345678",
      "?channel=email&to=x",
      "?channel=sms",
      "?channel=sms&to=x&limit=0",
    ]) {
      const response = await api(`/v1/dev/messages${query}`);
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ code: "validation_failed" });
    }
  });

  it("answers 404 for a channel whose dev log is not the active adapter", async () => {
    const sms = await apiWith(
      {
        SMS_ADAPTER: "http",
        SMS_API_URL: "https://sms.example/2010-04-01",
        SMS_ACCOUNT_SID: "AC1",
        SMS_AUTH_TOKEN: "token",
        SMS_FROM: "BookBazaar",
      },
      `/v1/dev/messages?channel=sms&to=${encodeURIComponent(newPhone())}`,
    );
    expect(sms.status).toBe(404);
    const push = await apiWith({ PUSH_ADAPTER: "web-push" }, "/v1/dev/messages?channel=push&to=psb_1");
    expect(push.status).toBe(404);
  });
});
