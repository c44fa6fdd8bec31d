import { AppError } from "../../http/errors";
import { atomically } from "../../platform/db";
import type { NotificationsContext } from "../context";
import { CATEGORIES, type Choices, type StoredChoices, withDefaults } from "../preferences";
import { saveChoices, storedChoices } from "../store/preferences";

/** Security mail (verification, password reset, new sign-in) is not a preference: shown as on, and locked. */
const SECURITY = { email: true, alwaysOn: true } as const;

export interface PreferencesView {
  categories: Choices;
  security: typeof SECURITY;
}

export async function preferencesOf(ctx: NotificationsContext, userId: string): Promise<PreferencesView> {
  return { categories: withDefaults(await storedChoices(ctx.services.db, userId)), security: SECURITY };
}

/**
 * Merges a partial matrix into the user's choices: what it names changes, the rest stays as chosen (or at its
 * default). Turning security mail off is refused, whatever else the request holds.
 */
export async function choosePreferences(
  ctx: NotificationsContext,
  userId: string,
  change: { categories?: StoredChoices; security?: { email?: boolean; alwaysOn?: boolean } },
): Promise<PreferencesView> {
  if (change.security?.email === false || change.security?.alwaysOn === false) {
    throw new AppError(
      "security_mail_required",
      "Security mail (email verification, password reset, new sign-in) is always sent and cannot be turned off.",
      { errors: [{ path: "security.email", message: "cannot be turned off" }] },
    );
  }
  const { db } = ctx.services;
  const stored = (await storedChoices(db, userId)) ?? {};
  const merged: StoredChoices = { ...stored };
  for (const category of CATEGORIES) {
    const chosen = change.categories?.[category];
    if (chosen) merged[category] = { ...stored[category], ...chosen };
  }
  await atomically(db, [saveChoices(db, userId, merged)]);
  return { categories: withDefaults(merged), security: SECURITY };
}
