import type { Principal } from "../../http/context";
import { AppError } from "../../http/errors";
import { changes } from "../../platform/db";
import { auditEntry } from "../audit";
import type { IdentityContext } from "../context";
import { signInProviders } from "../oidc";
import * as store from "../store";
import { liveUser } from "./accounts";

/** The providers linked to an account (social sign-in, `oidc.ts`): listed and unlinked by the account's owner. */

export interface IdentityView {
  id: string;
  provider: string;
  providerName: string;
  email: string | null;
  linkedAt: string;
  lastUsedAt: string | null;
}

export async function listIdentities(
  ctx: IdentityContext,
  principal: Principal,
): Promise<{ identities: IdentityView[]; hasPassword: boolean }> {
  const user = await liveUser(ctx, principal.userId);
  const rows = await store.identitiesOf(ctx.services.db, user.id);
  return {
    hasPassword: user.passwordHash !== null,
    identities: rows.map((row) => ({
      id: row.id,
      provider: row.provider,
      providerName: providerName(ctx, row.provider),
      email: row.email,
      linkedAt: new Date(row.createdAt).toISOString(),
      lastUsedAt: row.lastUsedAt === null ? null : new Date(row.lastUsedAt).toISOString(),
    })),
  };
}

/** A provider's name; a link to a provider since removed from configuration shows its id. */
function providerName(ctx: IdentityContext, id: string): string {
  return signInProviders(ctx.config).find((provider) => provider.id === id)?.name ?? id;
}

/**
 * Unlinks a provider. An account without a password keeps its last one (409 `last_sign_in_method`): set a password
 * (the reset mail) first.
 */
export async function unlinkIdentity(ctx: IdentityContext, principal: Principal, id: string, now = Date.now()) {
  const { db } = ctx.services;
  const user = await liveUser(ctx, principal.userId);
  const identity = (await store.identitiesOf(db, user.id)).find((row) => row.id === id);
  if (!identity) throw new AppError("not_found", "No such sign-in on your account.");
  const lastWayIn = () =>
    new AppError(
      "last_sign_in_method",
      "This is the account's only way to sign in. Set a password (POST /v1/auth/password-reset) before unlinking it.",
    );
  const withoutPassword = user.passwordHash === null;
  if (changes(await store.deleteIdentity(db, user.id, id, withoutPassword)) !== 1) throw lastWayIn();
  const detail = { provider: identity.provider };
  await auditEntry(ctx, "identity_unlinked", { userId: user.id, sessionId: principal.sessionId, detail }, now);
}
