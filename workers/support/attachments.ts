import { AppError } from "../http/errors";
import { IMAGE_AND_PDF_TYPES, sniffFileType } from "../lib/file-types";
import { newId } from "../lib/ids";
import type { SupportContext } from "./context";
import { type Caller, ticketFor } from "./parties";
import * as store from "./store";

export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;

/** Whether the caller may see an attachment: once a message carries it, every party; before, its uploader only. */
export const isVisibleTo = (attachment: store.AttachmentRow, caller: Caller) =>
  attachment.messageId !== null || attachment.uploaderId === caller.userId;

/**
 * A party uploads a file to a ticket, to attach to their next message. The type is decided by the file's first
 * bytes (JPEG, PNG, WebP or PDF) and must be the Content-Type it was sent with; anything else is 415.
 */
export async function uploadAttachment(
  ctx: SupportContext,
  caller: Caller,
  ticketId: string,
  file: { bytes: Uint8Array; declaredType: string | null; fileName?: string },
): Promise<store.AttachmentRow> {
  const ticket = await ticketFor(ctx, caller, ticketId);
  if (ticket.status === "resolved" || ticket.status === "closed") {
    throw new AppError("invalid_transition", `The ticket is ${ticket.status}: it takes no more files.`, {
      currentStatus: ticket.status,
    });
  }
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new AppError("payload_too_large", "An attachment may be at most 5 MB.");
  }
  const sniffed = sniffFileType(file.bytes, IMAGE_AND_PDF_TYPES);
  if (!sniffed) throw new AppError("unsupported_media_type", "Attach a JPEG, PNG or WebP image or a PDF.");
  const declared = file.declaredType?.split(";")[0]?.trim().toLowerCase();
  if (declared !== sniffed.type) {
    throw new AppError(
      "unsupported_media_type",
      `The file is ${sniffed.type}, but was sent as ${declared ?? "nothing"}.`,
      {
        detectedType: sniffed.type,
      },
    );
  }
  const id = newId("tka");
  const row: store.AttachmentRow = {
    id,
    ticketId: ticket.id,
    messageId: null,
    uploaderId: caller.userId,
    fileName: file.fileName ?? `${id}.${sniffed.ext}`,
    contentType: sniffed.type,
    bytes: file.bytes.byteLength,
    key: `support/${ticket.id}/${id}.${sniffed.ext}`,
    createdAt: Date.now(),
  };
  await ctx.media.put(row.key, file.bytes, { httpMetadata: { contentType: row.contentType } });
  try {
    await store.insertAttachment(ctx.services.db, row);
  } catch (error) {
    await ctx.media.delete(row.key).catch(() => undefined);
    throw error;
  }
  return row;
}

/** A ticket's attachment and its stored bytes, for a party who may see it (404 otherwise). */
export async function attachmentFile(
  ctx: SupportContext,
  caller: Caller,
  ticketId: string,
  attachmentId: string,
): Promise<{ attachment: store.AttachmentRow; body: ReadableStream }> {
  const ticket = await ticketFor(ctx, caller, ticketId);
  const attachment = await store.attachmentById(ctx.services.db, ticket.id, attachmentId);
  const object = attachment && isVisibleTo(attachment, caller) ? await ctx.media.get(attachment.key) : null;
  if (!attachment || !object) throw new AppError("not_found", "No such attachment on this ticket.");
  return { attachment, body: object.body };
}
