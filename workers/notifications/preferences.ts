/**
 * What a user may be told about, and through which channel. Security mail (verification, reset, new sign-in)
 * is no category here: it is always sent, by mail only. Marketing stays off until the user opts in.
 */
export const CATEGORIES = ["orders", "community", "seller_alerts", "support", "marketing"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHANNELS = ["email", "sms", "push", "in_app"] as const;
export type Channel = (typeof CHANNELS)[number];

export type Choices = Record<Category, Record<Channel, boolean>>;
/** What a user chose themselves; everything else is at its default. */
export type StoredChoices = Partial<Record<Category, Partial<Record<Channel, boolean>>>>;

/**
 * The categories whose mail carries one-click unsubscribe (RFC 8058). Orders and support are transactional: a
 * receipt, a refund, the answer to one's own ticket are part of what the user asked for, so their mail has no
 * unsubscribe header (the preferences can still turn them off).
 */
export const ONE_CLICK_CATEGORIES: readonly Category[] = ["community", "seller_alerts", "marketing"];

const all = (on: boolean, sms: boolean): Record<Channel, boolean> => ({ email: on, sms, push: on, in_app: on });

/** A user who chose nothing: everything but marketing, SMS only for what is urgent (orders, alerts, support). */
export const DEFAULT_CHOICES: Choices = {
  orders: all(true, true),
  community: all(true, false),
  seller_alerts: all(true, true),
  support: all(true, true),
  marketing: all(false, false),
};

/** The stored choices over the defaults: a category or channel added later starts at its default. */
export function withDefaults(stored: StoredChoices | undefined): Choices {
  const choices = structuredClone(DEFAULT_CHOICES);
  for (const category of CATEGORIES) {
    for (const channel of CHANNELS) {
      const chosen = stored?.[category]?.[channel];
      if (typeof chosen === "boolean") choices[category][channel] = chosen;
    }
  }
  return choices;
}
