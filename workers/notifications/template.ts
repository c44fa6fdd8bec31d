import { prettifyError, type z } from "zod";
import type { Config } from "../config";
import type { Locale } from "../identity";
import type { Category } from "./preferences";
import type { NoticeContent, Recipient } from "./service/notify";
import { mailHtml } from "./templates/layout";

/** One language's words for a notice: the mail's subject and text, and the short form (feed, push, SMS). */
export interface Wording {
  subject: string;
  text: string;
  title: string;
  body: string;
}

type Words<D> = (data: D, config: Config, recipient: Recipient) => Wording;

/**
 * A notification kind: its category (`security` for account mail, which is always sent and never a
 * preference), its typed placeholders (validated before anything is sent) and its words per locale; `en` is
 * required and is what any other locale falls back to.
 */
export interface NoticeTemplate<D, C extends Category | "security" = Category> {
  kind: string;
  category: C;
  placeholders: z.ZodType<D>;
  link(config: Config, data: D): string | null;
  wording: { en: Words<D> } & Partial<Record<Exclude<Locale, "en">, Words<D>>>;
}

export function defineTemplate<D, const C extends Category | "security" = Category>(
  template: NoticeTemplate<D, C>,
): NoticeTemplate<D, C> {
  return template;
}

const LABELS: Record<Locale, Record<Category, string>> = {
  en: {
    orders: "order mail",
    community: "community mail",
    seller_alerts: "seller alert mail",
    support: "support mail",
    marketing: "news and offers",
  },
  de: {
    orders: "Bestell-Mails",
    community: "Community-Mails",
    seller_alerts: "Verkäufer-Hinweisen per Mail",
    support: "Support-Mails",
    marketing: "Neuigkeiten und Angeboten",
  },
};

/** The one-click line at the end of a mail, in its language. */
const UNSUBSCRIBE: Record<Locale, (category: Category, url: string) => string> = {
  en: (category, url) => `Unsubscribe from ${LABELS.en[category]}: ${url}`,
  de: (category, url) => `Von ${LABELS.de[category]} abmelden: ${url}`,
};
/**
 * Renders a template in the recipient's language (or English when the template has no words in it): subject,
 * text and HTML of the mail, with the one-click unsubscribe line and headers when the recipient has them, and the
 * short form. Placeholders that do not fit throw, before anything is written or sent.
 */
export function renderTemplate<D, C extends Category | "security">(
  template: NoticeTemplate<D, C>,
  data: unknown,
  config: Config,
  recipient: Recipient,
): NoticeContent {
  const parsed = template.placeholders.safeParse(data);
  if (!parsed.success) {
    throw new Error(`the ${template.kind} template's placeholders do not fit: ${prettifyError(parsed.error)}`);
  }
  const own = template.wording[recipient.locale];
  const language: Locale = own ? recipient.locale : "en";
  const words = (own ?? template.wording.en)(parsed.data, config, recipient);
  const { unsubscribe } = recipient;
  const footer =
    unsubscribe && template.category !== "security"
      ? UNSUBSCRIBE[language](template.category as Category, unsubscribe.page)
      : undefined;
  return {
    mail: {
      template: template.kind,
      subject: words.subject,
      text: footer ? `${words.text}\n\n${footer}` : words.text,
      html: mailHtml({ language, subject: words.subject, text: words.text, footer }),
      ...(footer && unsubscribe
        ? {
            headers: {
              "List-Unsubscribe": `<${unsubscribe.oneClick}>`,
              "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
          }
        : {}),
    },
    title: words.title,
    body: words.body,
    link: template.link(config, parsed.data),
  };
}
