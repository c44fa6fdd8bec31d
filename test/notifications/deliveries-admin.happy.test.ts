import { describe, expect, it } from "vitest";
import { newPhone, setPhone, verifiedPhone } from "../support/channels";
import { api, asAdmin, signUp } from "../support/identity";

interface DeliveryPage {
  items: { id: string; userId: string; channel: string; status: string; template: string; to: string }[];
  nextCursor: string | null;
}

describe("the delivery log for operators (happy path)", () => {
  it("lists a user's deliveries newest first, filtered by channel and status, page by page", async () => {
    const admin = await asAdmin();
    const reader = await signUp();
    const phone = await verifiedPhone(reader);
    await setPhone(reader, newPhone());
    const page = async (query: string) =>
      (await api(`/v1/admin/deliveries?userId=${reader.userId}${query}`, { headers: admin.auth })).json<DeliveryPage>();

    // Their sign-up's verification mail is in the log too, as soon as the queue sent it.
    const all = await page("&channel=sms");
    expect(all.items.map((item) => [item.channel, item.status, item.template])).toEqual([
      ["sms", "sent", "phone-verification"],
      ["sms", "sent", "phone-verification"],
    ]);
    expect(all.items[1]!.to).toBe(phone);
    expect((await page("&channel=sms&status=sent")).items).toHaveLength(2);
    expect((await page("&channel=push")).items).toEqual([]);
    expect((await page("&status=dead")).items).toEqual([]);

    const first = await page("&channel=sms&limit=1");
    expect(first.items.map((item) => item.id)).toEqual([all.items[0]!.id]);
    const second = await page(`&channel=sms&limit=1&cursor=${first.nextCursor}`);
    expect(second.items.map((item) => item.id)).toEqual([all.items[1]!.id]);
  });
});
