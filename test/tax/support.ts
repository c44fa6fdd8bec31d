import type { TaxRateBody } from "../../workers/tax/schemas";
import { api, json, type TestAccount } from "../support/identity";

/** PUT /v1/admin/tax-rates/{destination}/{taxClass} as the account. */
export const setRate = (account: TestAccount, destination: string, taxClass: string, body: unknown) =>
  api(`/v1/admin/tax-rates/${destination}/${taxClass}`, json(body, { method: "PUT", headers: account.auth }));

export async function ratesListed(account: TestAccount, query = ""): Promise<TaxRateBody[]> {
  const response = await api(`/v1/admin/tax-rates${query}`, { headers: account.auth });
  if (response.status !== 200) throw new Error(`GET /v1/admin/tax-rates answered ${response.status}`);
  return (await response.json<{ items: TaxRateBody[] }>()).items;
}

export interface AuditEntry {
  type: string;
  actorId: string | null;
  sessionId: string | null;
  detail: Record<string, unknown>;
}

/** The audit log's entries of one type about one tax rate, newest first. */
export async function auditOfRate(admin: TestAccount, type: string, taxRateId: string): Promise<AuditEntry[]> {
  const response = await api(`/v1/admin/audit?type=${type}&limit=100`, { headers: admin.auth });
  const { items } = await response.json<{ items: AuditEntry[] }>();
  return items.filter((entry) => entry.detail.taxRateId === taxRateId);
}
