import { z } from "@hono/zod-openapi";
import { createRouter } from "../../http/router";
import { jsonContent, problems } from "../../http/schemas";
import { securedRoute } from "../../identity";
import { IMAGE_AND_PDF_TYPES } from "../../lib/file-types";
import { attachmentFile, MAX_ATTACHMENT_BYTES, uploadAttachment } from "../attachments";
import { supportContextOf } from "../context";
import { AttachmentParams, AttachmentQuery, AttachmentSchema, TicketIdParam } from "../schemas";
import { type Audience, tags } from "./audiences";
import { attachmentView } from "./views";

const file = { schema: z.string().openapi({ type: "string", format: "binary" }) };
const fileContent = Object.fromEntries(IMAGE_AND_PDF_TYPES.map((type) => [type, file]));

/** `filename*` (RFC 6266) for any name, with a plain ASCII fallback for old clients. */
const disposition = (fileName: string) =>
  `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

/** Uploading files to a ticket and downloading them, for each audience under its own path and role. */
export function attachmentRoutes(audience: Audience) {
  const { prefix, operation, role, middleware, whose } = audience;

  const upload = securedRoute({
    method: "post",
    path: `${prefix}/tickets/{id}/attachments`,
    operationId: `upload${operation}SupportAttachment`,
    role,
    middleware,
    bodyLimit: MAX_ATTACHMENT_BYTES,
    tags,
    summary: "Upload a file (JPEG, PNG, WebP or PDF, at most 5 MB) to send with your next message",
    description:
      `To one of ${whose}. The raw file is the body, with its \`Content-Type\`; \`fileName\` names it. The type ` +
      "is decided by the file's first bytes: anything else, or bytes that are not the declared type (a PNG sent " +
      "as application/pdf), is 415 `unsupported_media_type`; over 5 MB is 413 `payload_too_large`. The file " +
      "waits, seen by you only, until a message names it in `attachmentIds`. A resolved or closed ticket is 409 `invalid_transition`.",
    request: { params: TicketIdParam, query: AttachmentQuery, body: { content: fileContent, required: true } },
    responses: { 201: jsonContent(AttachmentSchema, "The stored file"), ...problems(400, 404, 409, 413, 415) },
  });

  const download = securedRoute({
    method: "get",
    path: `${prefix}/tickets/{id}/attachments/{attachmentId}`,
    operationId: `download${operation}SupportAttachment`,
    role,
    middleware,
    tags,
    summary: "Download a ticket's file",
    description:
      "Sent with its stored type as `Content-Disposition: attachment` and `X-Content-Type-Options: nosniff`. " +
      `Only on ${whose}; a file not sent yet is its uploader's only (404 to others).`,
    request: { params: AttachmentParams },
    responses: { 200: { description: "The file", content: fileContent }, ...problems(400, 404) },
  });

  return createRouter()
    .openapi(upload, async (c) => {
      const stored = await uploadAttachment(supportContextOf(c), audience.callerOf(c), c.req.valid("param").id, {
        bytes: new Uint8Array(await c.req.arrayBuffer()),
        declaredType: c.req.header("content-type") ?? null,
        fileName: c.req.valid("query").fileName,
      });
      return c.json(attachmentView(stored), 201);
    })
    .openapi(download, async (c) => {
      const { id, attachmentId } = c.req.valid("param");
      const { attachment, body } = await attachmentFile(supportContextOf(c), audience.callerOf(c), id, attachmentId);
      return new Response(body, {
        status: 200,
        headers: {
          "content-type": attachment.contentType,
          "content-length": String(attachment.bytes),
          "content-disposition": disposition(attachment.fileName),
          "x-content-type-options": "nosniff",
          "cache-control": "private, no-store",
        },
      });
    });
}
