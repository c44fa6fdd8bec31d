import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { eq } from "drizzle-orm";
import { outbox } from "../../schema/platform";
import { supportTicketHistory, supportTickets } from "../../schema/support";
import { loadConfig } from "../../workers/config";
import { createLogger } from "../../workers/lib/log";
import { buildServices } from "../../workers/platform/services";
import { supportContext } from "../../workers/support";
import { api, asSeller, json, signUp, type TestAccount, type TestSeller } from "./identity";
import { listBook } from "./listings";
import { addToCart, db, paidOrder } from "./orders";

/** Tickets as the API shows them. */
export interface TicketBody {
  id: string;
  buyerId: string;
  sellerId: string | null;
  sellerOrderId: string | null;
  category: string;
  subject: string;
  status: string;
  sellerReplyDueAt: string | null;
  firstSellerReplyAt: string | null;
  escalatedAt: string | null;
  resolvedAt: string | null;
  feedback: { rating: number; comment: string | null; at: string } | null;
  createdAt: string;
  updatedAt: string;
}

export interface MessageBody {
  id: string;
  ticketId: string;
  authorRole: string;
  body: string;
  attachmentIds: string[];
  createdAt: string;
}

export interface AttachmentBody {
  id: string;
  ticketId: string;
  messageId: string | null;
  fileName: string;
  contentType: string;
  bytes: number;
}

export interface ConversationBody extends TicketBody {
  messages: MessageBody[];
  attachments: AttachmentBody[];
  history?: {
    actor: string;
    action: string;
    from: string | null;
    to: string | null;
    note: string | null;
    requestId: string | null;
    at: string;
  }[];
}

/** Where each side reads and writes tickets. */
export const PREFIX = { buyer: "/v1/support", seller: "/v1/seller/support", admin: "/v1/admin/support" } as const;
export type Side = keyof typeof PREFIX;

/** A seller and a buyer who bought one copy from them (paid, not shipped yet: a late order). */
export async function boughtFromSeller(): Promise<{ seller: TestSeller; buyer: TestAccount; sellerOrderId: string }> {
  const seller = await asSeller();
  const buyer = await signUp();
  const listing = await listBook(seller, { quantity: 1, price: 1500 });
  await addToCart(buyer, listing.id);
  const { order } = await paidOrder(buyer);
  return { seller, buyer, sellerOrderId: order.sellerOrders[0]!.id };
}

export const openTicket = (buyer: TestAccount, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  api("/v1/support/tickets", json(body, { headers: { ...buyer.auth, ...headers } }));

/** Opens a ticket and expects 201. */
export async function openedTicket(buyer: TestAccount, body: Record<string, unknown>): Promise<TicketBody> {
  const response = await openTicket(buyer, { subject: "Where is my book?", body: "It has not arrived.", ...body });
  if (response.status !== 201) throw new Error(`open ticket: ${response.status} ${await response.text()}`);
  return response.json<TicketBody>();
}

/** A ticket about the seller order, awaiting the seller's answer. */
export async function sellerTicket() {
  const parties = await boughtFromSeller();
  const ticket = await openedTicket(parties.buyer, { category: "order_issue", sellerOrderId: parties.sellerOrderId });
  return { ...parties, ticket };
}

export const readTicket = (account: TestAccount, side: Side, ticketId: string, headers: Record<string, string> = {}) =>
  api(`${PREFIX[side]}/tickets/${ticketId}`, { headers: { ...account.auth, ...headers } });

export async function conversationOf(account: TestAccount, side: Side, ticketId: string) {
  const response = await readTicket(account, side, ticketId);
  if (response.status !== 200) throw new Error(`read ticket: ${response.status} ${await response.text()}`);
  return response.json<ConversationBody>();
}

export const write = (
  account: TestAccount,
  side: Side,
  ticketId: string,
  body: Record<string, unknown>,
  headers: Record<string, string> = {},
) => api(`${PREFIX[side]}/tickets/${ticketId}/messages`, json(body, { headers: { ...account.auth, ...headers } }));

export const act = (
  account: TestAccount,
  path: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) => api(path, json(body, { headers: { ...account.auth, ...headers } }));

export const listTickets = (account: TestAccount, side: Side, query = "") =>
  api(`${PREFIX[side]}/tickets${query}`, { headers: account.auth });

export async function ticketIdsOf(account: TestAccount, side: Side, query = ""): Promise<string[]> {
  const response = await listTickets(account, side, query);
  if (response.status !== 200) throw new Error(`list tickets: ${response.status} ${await response.text()}`);
  return (await response.json<{ items: TicketBody[] }>()).items.map((ticket) => ticket.id);
}

export function upload(
  account: TestAccount,
  side: Side,
  ticketId: string,
  bytes: Uint8Array,
  contentType: string,
  fileName?: string,
) {
  const query = fileName ? `?fileName=${encodeURIComponent(fileName)}` : "";
  return api(`${PREFIX[side]}/tickets/${ticketId}/attachments${query}`, {
    method: "POST",
    headers: { ...account.auth, "content-type": contentType },
    body: bytes,
  });
}

/** Uploads a file and expects 201. */
export async function uploaded(
  account: TestAccount,
  side: Side,
  ticketId: string,
  bytes: Uint8Array,
  contentType: string,
  fileName?: string,
): Promise<AttachmentBody> {
  const response = await upload(account, side, ticketId, bytes, contentType, fileName);
  if (response.status !== 201) throw new Error(`upload: ${response.status} ${await response.text()}`);
  return response.json<AttachmentBody>();
}

export const download = (account: TestAccount, side: Side, ticketId: string, attachmentId: string) =>
  api(`${PREFIX[side]}/tickets/${ticketId}/attachments/${attachmentId}`, { headers: account.auth });

const header = (...bytes: number[]) => new Uint8Array(bytes);
const withTail = (head: Uint8Array, text: string) => new Uint8Array([...head, ...new TextEncoder().encode(text)]);
const base64 = (text: string) => Uint8Array.from(atob(text), (char) => char.charCodeAt(0));

/** A one-page PDF with its cross-reference table, as a PDF reader opens it. */
const ONE_PAGE_PDF = [
  "%PDF-1.4",
  "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj",
  "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj",
  "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] >>\nendobj",
  "xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n0000000115 00000 n ",
  "trailer\n<< /Size 4 /Root 1 0 R >>\nstartxref\n186\n%%EOF\n",
].join("\n");

/** Real files (a 1×1 PNG, a one-page PDF), a JPEG's first bytes, and an HTML page. */
export const FILES = {
  png: base64("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="),
  jpeg: withTail(header(0xff, 0xd8, 0xff, 0xe0), "JFIF a photo of the damaged cover"),
  pdf: new TextEncoder().encode(ONE_PAGE_PDF),
  html: new TextEncoder().encode("<!doctype html><script>alert('hi')</script>"),
};

/** What the cron hands its jobs. */
export function cronTestContext() {
  const config = loadConfig(env);
  const log = createLogger({ test: "support" });
  return { env, config, services: buildServices(env, config, createExecutionContext(), log), log };
}

/** The support module's context as the cron builds it, for calling its jobs directly. */
export const supportTestContext = () => supportContext(cronTestContext());

/** Moves a ticket's reply deadline (to the past, to let the cron escalate it). */
export const setReplyDue = (ticketId: string, at: number) =>
  db.update(supportTickets).set({ sellerReplyDueAt: at }).where(eq(supportTickets.id, ticketId));

export const historyRows = (ticketId: string) =>
  db.select().from(supportTicketHistory).where(eq(supportTicketHistory.ticketId, ticketId));

/** Every event of `type` written to the outbox for a ticket, each once. */
export async function ticketEvents(ticketId: string, type: string) {
  const rows = await db.select().from(outbox).where(eq(outbox.type, type));
  const events = rows
    .map((row) => JSON.parse(row.envelope) as { id: string; type: string; data: Record<string, unknown> })
    .filter((event) => event.data.ticketId === ticketId);
  return [...new Map(events.map((event) => [event.id, event])).values()];
}
