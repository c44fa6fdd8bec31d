/**
 * What a user may be told about, and through which channel. Security mail (verification, reset, new sign-in)
 * is no category here: it is always sent, by mail only. Marketing stays off until the user opts in.
 */
export const CATEGORIES = ["orders", "community", "seller_alerts", "support", "marketing"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHANNELS = ["email", "sms", "push", "in_app"] as const;
export type Channel = (typeof CHANNELS)[number];

export type Choices = Record<Category, Record<Channel, boolean>>;

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
export function withDefaults(stored: Partial<Record<string, Partial<Record<string, boolean>>>> | undefined): Choices {
  const choices = structuredClone(DEFAULT_CHOICES);
  for (const category of CATEGORIES) {
    for (const channel of CHANNELS) {
      const chosen = stored?.[category]?.[channel];
      if (typeof chosen === "boolean") choices[category][channel] = chosen;
    }
  }
  return choices;
}
