import { eventually } from "./eventually";
import { api } from "./http";

export interface DevMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  template: string;
  sentAt: string;
}

/**
 * Waits until the dev mailbox holds `count` mails of `template` for `to` (the real queue consumer sends
 * them shortly after the request), and returns them newest first.
 */
export async function waitForMail(to: string, template: string, count = 1, timeoutMs = 10_000): Promise<DevMail[]> {
  return eventually(async () => {
    const response = await api(`/v1/dev/mailbox?to=${encodeURIComponent(to)}&limit=50`);
    const { items } = await response.json<{ items: DevMail[] }>();
    const matching = items.filter((mail) => mail.template === template);
    return matching.length >= count ? matching : undefined;
  }, timeoutMs);
}

/** The code printed in a mail ("Verification code: …", "Reset code: …"). */
export function codeIn(mail: DevMail, label: "Verification code" | "Reset code"): string {
  const match = new RegExp(`${label}: (\\S+)`).exec(mail.text);
  if (!match?.[1]) throw new Error(`no ${label} in mail ${mail.id}`);
  return match[1];
}
