import type { z } from "zod";
import type { Config } from "../config";
import type { Category } from "./preferences";
import type { NoticeContent, Recipient } from "./service/notify";
import { toHtml } from "./templates";

export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];

/** One language's words for a notice: the mail's subject and text, and the short form (feed, push, SMS). */
export interface Wording {
  subject: string;
  text: string;
  title: string;
  body: string;
}

/**
 * A notification kind: its category, its typed placeholders (validated before anything is sent) and its words
 * per locale; `en` is required and is what any other locale falls back to.
 */
export interface NoticeTemplate<D> {
  kind: string;
  category: Category;
  placeholders: z.ZodType<D>;
  link(config: Config, data: D): string | null;
  wording: { en: (data: D, config: Config, recipient: Recipient) => Wording } & Partial<
    Record<Exclude<Locale, "en">, (data: D, config: Config, recipient: Recipient) => Wording>
  >;
}

export function defineTemplate<D>(template: NoticeTemplate<D>): NoticeTemplate<D> {
  return template;
}

export const localeOf = (value: string): Locale =>
  (LOCALES as readonly string[]).includes(value) ? (value as Locale) : "en";

/** Renders a template in the recipient's language (or English); placeholders that do not fit throw. */
export function renderTemplate<D>(
  template: NoticeTemplate<D>,
  data: unknown,
  config: Config,
  recipient: Recipient,
): NoticeContent {
  const parsed = template.placeholders.parse(data);
  const words = (template.wording[localeOf(recipient.locale)] ?? template.wording.en)(parsed, config, recipient);
  return {
    mail: { template: template.kind, subject: words.subject, text: words.text, html: toHtml(words.text) },
    title: words.title,
    body: words.body,
    link: template.link(config, parsed),
  };
}
