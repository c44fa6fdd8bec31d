import { describe, expect, it } from "vitest";
import { ConsoleClient } from "../support/console";
import { asAdmin, asSeller, type TestAccount } from "../support/identity";
import {
  boughtFromSeller,
  conversationOf,
  FILES,
  historyRows,
  openedTicket,
  sellerTicket,
  uploaded,
  write,
} from "../support/tickets";

/** The console's support inbox: a shop's tickets and the admins' one, through the console's session and forms. */

const HOSTILE_SUBJECT = "<script>alert('subject')</script> Late book";

async function consoleOf(account: TestAccount) {
  const browser = new ConsoleClient();
  await browser.signIn(account.email, account.password);
  return browser;
}

describe("a shop's support inbox", () => {
  it("lists the shop's tickets newest first, the ones awaiting it highlighted, filtered by status", async () => {
    const { seller, buyer, sellerOrderId } = await boughtFromSeller();
    const older = await openedTicket(buyer, { category: "order_issue", sellerOrderId, subject: "First question" });
    const newer = await openedTicket(buyer, { category: "order_issue", sellerOrderId, subject: "Second question" });
    const browser = await consoleOf(seller);
    const page = await browser.get("/console/support");
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html.indexOf(newer.id)).toBeLessThan(html.indexOf(older.id));
    expect(html).toContain('class="row-waiting"');
    expect(html).toContain("Your turn");
    expect(html).toContain('href="/console/support" aria-current="page"');

    const answered = await browser.get(`/console/support?status=awaiting_buyer`);
    expect(await answered.text()).not.toContain(newer.id);
    const fragment = await browser.fetch("/console/support?status=awaiting_seller", {
      headers: { "hx-request": "true" },
    });
    const part = await fragment.text();
    expect(part).toContain(older.id);
    expect(part).not.toContain("<html");
  });

  it("shows the conversation with its files, takes a reply and resolves the ticket", async () => {
    const { seller, buyer, ticket } = await sellerTicket();
    const file = await uploaded(buyer, "buyer", ticket.id, FILES.png, "image/png", "receipt.png");
    expect(
      (await write(buyer, "buyer", ticket.id, { body: "Here is the receipt.", attachmentIds: [file.id] })).status,
    ).toBe(201);
    const browser = await consoleOf(seller);
    const path = `/console/support/${ticket.id}`;
    const html = await (await browser.get(path)).text();
    expect(html).toContain("It has not arrived.");
    expect(html).toContain("Here is the receipt.");
    expect(html).toContain(`href="${path}/attachments/${file.id}"`);
    const downloaded = await browser.get(`${path}/attachments/${file.id}`);
    expect(downloaded.status).toBe(200);
    expect(downloaded.headers.get("content-type")).toBe("image/png");
    expect(downloaded.headers.get("content-disposition")).toContain("receipt.png");
    expect(new Uint8Array(await downloaded.arrayBuffer())).toEqual(FILES.png);

    const _csrf = await browser.formToken(path);
    const sent = await browser.post(`${path}/messages`, { _csrf, body: "It left today, tracking follows." });
    expect(sent.status).toBe(303);
    expect(sent.headers.get("location")).toBe(`${path}?done=sent`);
    const read = await conversationOf(buyer, "buyer", ticket.id);
    expect(read.status).toBe("awaiting_buyer");
    expect(read.messages.at(-1)).toMatchObject({ authorRole: "seller", body: "It left today, tracking follows." });

    const resolved = await browser.post(`${path}/resolve`, { _csrf });
    expect(resolved.status).toBe(303);
    expect((await conversationOf(buyer, "buyer", ticket.id)).status).toBe("resolved");
    const after = await (await browser.get(path)).text();
    expect(after).not.toContain("Send reply");
  });

  it("answers an empty reply with 422 beside the field, an unknown view with 400, a resolved ticket's reply with 409", async () => {
    const { seller, ticket } = await sellerTicket();
    const browser = await consoleOf(seller);
    const path = `/console/support/${ticket.id}`;
    const _csrf = await browser.formToken(path);
    const empty = await browser.post(`${path}/messages`, { _csrf, body: "   " });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('id="field-body-error"');
    expect((await browser.get("/console/support?status=lost")).status).toBe(400);
    expect((await browser.post(`${path}/resolve`, { _csrf })).status).toBe(303);
    const late = await browser.post(`${path}/messages`, { _csrf, body: "One more thing." });
    expect(late.status).toBe(409);
    expect(await late.text()).toContain("takes no more messages");
  });

  it("is the shop's own: another seller gets the 404 page for every page and form, and forms need the token", async () => {
    const { buyer, sellerOrderId, seller } = await boughtFromSeller();
    const ticket = await openedTicket(buyer, { category: "order_issue", sellerOrderId, subject: HOSTILE_SUBJECT });
    const file = await uploaded(buyer, "buyer", ticket.id, FILES.pdf, "application/pdf");
    await write(buyer, "buyer", ticket.id, { body: "Attached.", attachmentIds: [file.id] });
    const stranger = await consoleOf(await asSeller());
    const path = `/console/support/${ticket.id}`;
    const _csrf = await stranger.formToken("/console/support");
    const answers = [
      await stranger.get(path),
      await stranger.get(`${path}/attachments/${file.id}`),
      await stranger.post(`${path}/messages`, { _csrf, body: "Not my ticket." }),
      await stranger.post(`${path}/resolve`, { _csrf }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404]);
    expect(await (await stranger.get("/console/support")).text()).not.toContain(ticket.id);

    const owner = await consoleOf(seller);
    expect((await owner.post(`${path}/messages`, { body: "No token." })).status).toBe(403);
    const html = await (await owner.get(path)).text();
    expect(html).not.toContain("<script>alert");
    expect(html).toContain("&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt; Late book");
    const read = await conversationOf(buyer, "buyer", ticket.id);
    expect(read.messages.map((message) => message.authorRole)).toEqual(["buyer", "buyer"]);
    expect((await new ConsoleClient().get("/console/support")).status).toBe(303);
  });
});

describe("the admins' support inbox", () => {
  it("shows every ticket with its history and moves it with a note the history keeps", async () => {
    const { buyer, ticket } = await sellerTicket();
    const admin = await consoleOf(await asAdmin());
    expect(await (await admin.get("/console/admin/support?status=awaiting_seller")).text()).toContain(ticket.id);
    const path = `/console/admin/support/${ticket.id}`;
    const page = await (await admin.get(path)).text();
    expect(page).toContain("History");
    expect(page).toContain(`buyer:${buyer.userId}`);
    const _csrf = await admin.formToken(path);
    const escalated = await admin.post(`${path}/status`, { _csrf, status: "escalated", note: "Taking this over." });
    expect(escalated.status).toBe(303);
    const resolved = await admin.post(`${path}/status`, { _csrf, status: "resolved", note: "Refunded by the seller." });
    expect(resolved.headers.get("location")).toBe(`${path}?done=moved`);
    expect((await conversationOf(buyer, "buyer", ticket.id)).status).toBe("resolved");
    const notes = (await historyRows(ticket.id)).map((row) => row.note);
    expect(notes).toEqual(expect.arrayContaining(["Taking this over.", "Refunded by the seller."]));
    const after = await (await admin.get(path)).text();
    expect(after).toContain("Refunded by the seller.");
    expect(after).not.toContain('value="escalated"');
  });

  it("answers a status the ticket cannot take with 409, an unknown one with 422, a missing token with 403", async () => {
    const { ticket } = await sellerTicket();
    const admin = await consoleOf(await asAdmin());
    const path = `/console/admin/support/${ticket.id}`;
    const _csrf = await admin.formToken(path);
    expect((await admin.post(`${path}/status`, { _csrf, status: "reopened" })).status).toBe(422);
    expect((await admin.post(`${path}/status`, { status: "resolved" })).status).toBe(403);
    expect((await admin.post(`${path}/status`, { _csrf, status: "closed" })).status).toBe(303);
    const again = await admin.post(`${path}/status`, { _csrf, status: "resolved" });
    expect(again.status).toBe(409);
    expect((await admin.get("/console/admin/support/tkt_00000000000000000000000000000000")).status).toBe(404);
  });

  it("is for admins only: a seller gets 403 (even the ticket's own), a visitor the sign-in page", async () => {
    const { seller, ticket } = await sellerTicket();
    const owner = await consoleOf(seller);
    expect((await owner.get("/console/admin/support")).status).toBe(403);
    expect((await owner.get(`/console/admin/support/${ticket.id}`)).status).toBe(403);
    const _csrf = await owner.formToken("/console/support");
    expect((await owner.post(`/console/admin/support/${ticket.id}/status`, { _csrf, status: "resolved" })).status).toBe(
      403,
    );
    expect((await new ConsoleClient().get("/console/admin/support")).status).toBe(303);
  });
});
