import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { listBook, mailTo, openShop, registerAccount, send } from "./support/shop";

describeInBrowser("unsubscribing from a mail's link", () => {
  useBrowser();

  it("asks first, then turns that category's mail off with one button", async () => {
    const shop = await openShop();
    const book = await listBook(shop);
    const reader = await registerAccount({ name: "Ada Reader", verified: true });
    const thread = await send<{ id: string }>("POST", `/v1/books/${book.isbn}/threads`, 201, reader, {
      title: "Who else loved the ending?",
      body: "I did not see it coming at all.",
    });
    await send("POST", `/v1/threads/${thread.id}/comments`, 201, shop, { body: "Neither did I, lovely twist." });
    const link = /Unsubscribe[^\n]*?(https?:\/\/\S+\/unsubscribe\?token=\S+)/.exec(
      await mailTo(reader.email, "comment-replied"),
    )?.[1];
    expect(link).toBeDefined();

    const watched = await openPage();
    const { page } = watched;
    await page.goto(new URL(link!).pathname + new URL(link!).search);
    await expectAccessible(page, "unsubscribe");
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.getByText("You will get no more community mail").waitFor();
    await expectAccessible(page, "unsubscribed");
    await saveScreenshot(page, "unsubscribed");

    const preferences = await send<{ categories: Record<string, Record<string, boolean>> }>(
      "GET",
      "/v1/me/notification-preferences",
      200,
      reader,
    );
    expect(preferences.categories.community).toMatchObject({ email: false, in_app: true });
    expect(preferences.categories.orders).toMatchObject({ email: true });
    expectNoProblems(watched);
  });

  it("says so when the link was tampered with", async () => {
    const watched = await openPage();
    const { page } = watched;
    await page.goto("/unsubscribe?token=forged");
    await page.getByRole("button", { name: "Unsubscribe" }).click();
    await page.getByRole("heading", { name: "This link does not work" }).waitFor();
    await expectAccessible(page, "unsubscribe-invalid");
    expectNoProblems(watched);
  });
});
