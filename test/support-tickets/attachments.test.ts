import { describe, expect, it } from "vitest";
import { api, asAdmin, signUp } from "../support/identity";
import {
  conversationOf,
  download,
  FILES,
  type MessageBody,
  openedTicket,
  sellerTicket,
  upload,
  uploaded,
  write,
} from "../support/tickets";

const codeOf = async (response: Response) => [response.status, (await response.json<{ code: string }>()).code];

describe("support attachments: type and size checks", () => {
  it("refuses a PNG declared as a PDF, an HTML file and a file over 5 MB", async () => {
    const { buyer, ticket } = await sellerTicket();
    expect(await codeOf(await upload(buyer, "buyer", ticket.id, FILES.png, "application/pdf"))).toEqual([
      415,
      "unsupported_media_type",
    ]);
    expect(await codeOf(await upload(buyer, "buyer", ticket.id, FILES.pdf, "image/png"))).toEqual([
      415,
      "unsupported_media_type",
    ]);
    expect(await codeOf(await upload(buyer, "buyer", ticket.id, FILES.html, "text/html"))).toEqual([
      415,
      "unsupported_media_type",
    ]);
    expect(await codeOf(await upload(buyer, "buyer", ticket.id, FILES.html, "image/png", "photo.png"))).toEqual([
      415,
      "unsupported_media_type",
    ]);
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set(FILES.png);
    expect(await codeOf(await upload(buyer, "buyer", ticket.id, big, "image/png"))).toEqual([413, "payload_too_large"]);
    expect(await codeOf(await upload(buyer, "buyer", ticket.id, FILES.png, "image/png", "a/b.png"))).toEqual([
      400,
      "validation_failed",
    ]);
    expect((await conversationOf(buyer, "buyer", ticket.id)).attachments).toEqual([]);
  });

  it("accepts a real PDF and a real PNG, and serves them back byte for byte to both sides", async () => {
    const { seller, buyer, ticket } = await sellerTicket();
    const pdf = await uploaded(buyer, "buyer", ticket.id, FILES.pdf, "application/pdf", "Rechnung März.pdf");
    const png = await uploaded(buyer, "buyer", ticket.id, FILES.png, "image/png");
    expect(pdf).toMatchObject({ contentType: "application/pdf", bytes: FILES.pdf.byteLength, messageId: null });
    expect(png).toMatchObject({ contentType: "image/png", fileName: `${png.id}.png` });

    // Not sent yet: the seller does not see the files.
    expect((await conversationOf(seller, "seller", ticket.id)).attachments).toEqual([]);
    expect((await download(seller, "seller", ticket.id, pdf.id)).status).toBe(404);

    const sent = await write(buyer, "buyer", ticket.id, {
      body: "The receipt and a photo.",
      attachmentIds: [pdf.id, png.id],
    });
    expect(sent.status).toBe(201);
    const message = await sent.json<MessageBody>();
    expect(message.attachmentIds).toEqual([pdf.id, png.id]);
    const seen = await conversationOf(seller, "seller", ticket.id);
    expect(seen.attachments.map((file) => [file.id, file.messageId])).toEqual([
      [pdf.id, message.id],
      [png.id, message.id],
    ]);
    expect(seen.messages.at(-1)!.attachmentIds).toEqual([pdf.id, png.id]);

    for (const [account, side] of [
      [seller, "seller"],
      [buyer, "buyer"],
    ] as const) {
      const got = await download(account, side, ticket.id, pdf.id);
      expect(got.status).toBe(200);
      expect(got.headers.get("content-type")).toBe("application/pdf");
      expect(got.headers.get("x-content-type-options")).toBe("nosniff");
      expect(got.headers.get("content-disposition")).toBe(
        `attachment; filename="Rechnung M_rz.pdf"; filename*=UTF-8''${encodeURIComponent("Rechnung März.pdf")}`,
      );
      expect(new Uint8Array(await got.arrayBuffer())).toEqual(FILES.pdf);
    }
    const image = await download(await asAdmin(), "admin", ticket.id, png.id);
    expect(image.headers.get("content-type")).toBe("image/png");
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(FILES.png);
    expect((await download(buyer, "buyer", ticket.id, `tka_${"6".repeat(32)}`)).status).toBe(404);
    // The stored object is not public: the media route serves catalog images only, never the support/ prefix.
    expect((await api(`/v1/media/${pdf.id}.pdf`)).status).toBe(404);
  });

  it("lets the seller and support attach files too", async () => {
    const { seller, buyer, ticket } = await sellerTicket();
    const photo = await uploaded(seller, "seller", ticket.id, FILES.jpeg, "image/jpeg", "parcel.jpg");
    expect((await write(seller, "seller", ticket.id, { body: "Parcel photo", attachmentIds: [photo.id] })).status).toBe(
      201,
    );
    const got = await download(buyer, "buyer", ticket.id, photo.id);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(FILES.jpeg);

    const support = await openedTicket(await signUp(), { category: "other" });
    const admin = await asAdmin();
    const form = await uploaded(admin, "admin", support.id, FILES.pdf, "application/pdf", "form.pdf");
    expect((await write(admin, "admin", support.id, { body: "Fill this in", attachmentIds: [form.id] })).status).toBe(
      201,
    );
  });
});

describe("support attachments: which files a message may carry", () => {
  it("only the poster's own unsent uploads to that ticket, else 422 unknown_attachment", async () => {
    const { seller, buyer, ticket } = await sellerTicket();
    const sellers = await uploaded(seller, "seller", ticket.id, FILES.png, "image/png");
    const mine = await uploaded(buyer, "buyer", ticket.id, FILES.pdf, "application/pdf");
    const elsewhere = await openedTicket(buyer, { category: "other" });
    const otherTicket = await uploaded(buyer, "buyer", elsewhere.id, FILES.png, "image/png");

    for (const attachmentIds of [[sellers.id], [otherTicket.id], [mine.id, `tka_${"7".repeat(32)}`]]) {
      const response = await write(buyer, "buyer", ticket.id, { body: "Files", attachmentIds });
      expect(await codeOf(response)).toEqual([422, "unknown_attachment"]);
    }
    // Nothing was posted or linked by the refused messages.
    const before = await conversationOf(buyer, "buyer", ticket.id);
    expect(before.messages).toHaveLength(1);
    expect(before.attachments.find((file) => file.id === mine.id)?.messageId).toBeNull();

    expect((await write(buyer, "buyer", ticket.id, { body: "File", attachmentIds: [mine.id, mine.id] })).status).toBe(
      201,
    );
    const again = await write(buyer, "buyer", ticket.id, { body: "Same file again", attachmentIds: [mine.id] });
    expect(await codeOf(again)).toEqual([422, "unknown_attachment"]);
  });
});
