import { expect, it } from "vitest";
import {
  describeInBrowser,
  expectAccessible,
  expectNoProblems,
  openPage,
  saveScreenshot,
  useBrowser,
} from "./support/browser";
import { type Account, listBook, mailTo, openShop, paidOrder, registerAccount, send, signIn } from "./support/shop";

/** The admin of `npm start` (ADMIN_EMAILS in .dev.vars.example): the role comes with a confirmed address. */
async function marketplaceAdmin(): Promise<Pick<Account, "email" | "password">> {
  const email = "admin@bookbazaar.local";
  const password = "the browser test admin's password";
  await send("POST", "/v1/auth/register", 201, undefined, { email, password, name: "Ada Admin" });
  const token = /Verification code: (\S+)/.exec(await mailTo(email, "verify-email"))?.[1];
  await send("POST", "/v1/auth/verify-email", 204, undefined, { token });
  return { email, password };
}

describeInBrowser("the support inbox", () => {
  useBrowser();

  it("a seller answers a buyer's ticket from the console and an admin resolves it", async () => {
    const shop = await openShop();
    const book = await listBook(shop, { quantity: 1 });
    const buyer = await registerAccount({ verified: true });
    const { sellerOrderId } = await paidOrder(buyer, [{ id: book.id }]);
    const ticket = await send<{ id: string; status: string }>("POST", "/v1/support/tickets", 201, buyer, {
      sellerOrderId,
      category: "order_issue",
      subject: "My book has not arrived",
      body: "It was due on Monday and the tracking has not moved.",
    });
    expect(ticket.status).toBe("awaiting_seller");

    const seller = await openPage();
    await signIn(seller.page, shop);
    await seller.page.getByRole("link", { name: "Support", exact: true }).click();
    await seller.page.getByRole("heading", { level: 1, name: "Support" }).waitFor();
    const row = seller.page.getByRole("row", { name: /My book has not arrived/ });
    await row.getByText("Your turn").waitFor();
    expect(await row.getAttribute("class")).toBe("row-waiting");
    await expectAccessible(seller.page, "the shop's support inbox");
    await saveScreenshot(seller.page, "support-inbox");

    await row.getByRole("link", { name: "My book has not arrived" }).click();
    await seller.page.getByText("It was due on Monday and the tracking has not moved.").waitFor();
    await seller.page.getByLabel("Your message").fill("It left our shop on Friday; I am asking the carrier.");
    await seller.page.getByRole("button", { name: "Send reply" }).click();
    await seller.page.getByText("Your reply was sent.").waitFor();
    await seller.page.getByText("It left our shop on Friday; I am asking the carrier.").waitFor();
    await expectAccessible(seller.page, "a ticket in the shop's inbox");
    await saveScreenshot(seller.page, "support-ticket");
    expectNoProblems(seller);

    const admin = await openPage();
    await signIn(admin.page, await marketplaceAdmin());
    await admin.page.goto("/console/admin/support");
    await admin.page.getByRole("link", { name: "My book has not arrived" }).click();
    await admin.page.getByRole("table", { name: "History" }).waitFor();
    await admin.page.getByLabel("Note").fill("The carrier found the parcel; it arrives tomorrow.");
    await admin.page.getByRole("button", { name: "Resolve" }).click();
    await admin.page.getByText("The ticket's status was changed.").waitFor();
    await admin.page.getByRole("cell", { name: "The carrier found the parcel; it arrives tomorrow." }).waitFor();
    await expectAccessible(admin.page, "a ticket in the admins' inbox");
    await saveScreenshot(admin.page, "support-admin-ticket");
    expectNoProblems(admin);

    const read = await send<{ status: string; messages: { authorRole: string }[] }>(
      "GET",
      `/v1/support/tickets/${ticket.id}`,
      200,
      buyer,
    );
    expect(read.status).toBe("resolved");
    expect(read.messages.map((message) => message.authorRole)).toEqual(["buyer", "seller"]);
  });
});
