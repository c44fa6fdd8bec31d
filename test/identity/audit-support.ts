import { expect } from "vitest";
import { api, type TestAccount } from "../support/identity";

/** An audit entry as `GET /v1/admin/audit` and `GET /v1/seller/audit` show it. */
export interface BusinessEntry {
  id: string;
  type: string;
  userId: string | null;
  actorId: string | null;
  sessionId: string | null;
  ip: string | null;
  userAgent: string | null;
  target: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
  shopId: string | null;
  detail: Record<string, unknown>;
}

export interface AuditPage {
  items: BusinessEntry[];
  nextCursor: string | null;
}

/** A request id of the test's own, sent as `X-Request-Id`, so the entry it writes can be told from any other. */
export const requestIdFor = (what: string) => `test-${what}-${crypto.randomUUID()}`;

/** The account's auth headers plus a request id. */
export const tagged = (account: TestAccount, requestId: string) => ({ ...account.auth, "x-request-id": requestId });

/** One page of the admin audit log with the query given; any answer but 200 fails the test. */
export async function adminAudit(admin: TestAccount, query: Record<string, string> = {}): Promise<AuditPage> {
  const response = await api(`/v1/admin/audit?${new URLSearchParams(query)}`, { headers: admin.auth });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json<AuditPage>();
}

/** The entries of one action on one target, newest first. */
export async function entriesAbout(admin: TestAccount, action: string, target: string): Promise<BusinessEntry[]> {
  return (await adminAudit(admin, { action, target, limit: "100" })).items;
}

/** One page of the calling seller's shop audit log. */
export async function shopAudit(seller: TestAccount, query: Record<string, string> = {}): Promise<AuditPage> {
  const response = await api(`/v1/seller/audit?${new URLSearchParams(query)}`, { headers: seller.auth });
  expect(response.status, await response.clone().text()).toBe(200);
  return response.json<AuditPage>();
}
