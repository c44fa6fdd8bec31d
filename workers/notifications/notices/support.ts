import { z } from "zod";
import type { Config } from "../../config";
import { defineTemplate } from "../template";
import { inertName, inertProse } from "../templates";

/**
 * A support ticket's news for its parties (category `support`): a new ticket for the seller or the marketplace's
 * support, each message for the other side, and the escalation, resolution and closing of a ticket. Each party's
 * link is where they read the ticket: the buyer's account pages, the seller's console inbox, the admins' one.
 */

const AUDIENCES = ["buyer", "seller", "support"] as const;
type Audience = (typeof AUDIENCES)[number];

export function ticketLink(config: Config, audience: Audience, ticketId: string): string {
  const base = config.PUBLIC_BASE_URL;
  if (audience === "seller") return `${base}/console/support/${ticketId}`;
  if (audience === "support") return `${base}/console/admin/support/${ticketId}`;
  return `${base}/support/tickets/${ticketId}`;
}

/** The start of what someone wrote, as a notice quotes it. */
const excerpt = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}…` : text);
const quoted = (text: string) => inertProse(excerpt(text));
const hello = (name: string, language: "en" | "de") => `${language === "en" ? "Hello" : "Hallo"} ${inertName(name)},`;

const ticket = {
  ticketId: z.string(),
  audience: z.enum(AUDIENCES),
  subject: z.string(),
};

export const supportTicketOpened = defineTemplate({
  kind: "support-ticket-opened",
  category: "support",
  placeholders: z.object({
    ...ticket,
    sellerOrderId: z.string().nullable(),
    body: z.string(),
    replyHours: z.number().int().positive(),
  }),
  link: (config, data) => ticketLink(config, data.audience, data.ticketId),
  wording: {
    en: (data, config, recipient) => {
      const about = data.sellerOrderId ? ` about order ${data.sellerOrderId}` : "";
      return {
        subject: `New support ticket: ${inertProse(data.subject)}`,
        text: [
          hello(recipient.name, "en"),
          `A buyer opened a ticket${about}: “${inertProse(data.subject)}”.`,
          quoted(data.body),
          data.audience === "seller"
            ? `Answer it within ${data.replyHours} hours, or it goes to Book Bazaar's support team.`
            : "It waits for an answer from the support team.",
          `The ticket: ${ticketLink(config, data.audience, data.ticketId)}`,
        ].join("\n\n"),
        title: "A buyer opened a support ticket",
        body: data.subject,
      };
    },
    de: (data, config, recipient) => {
      const about = data.sellerOrderId ? ` zur Bestellung ${data.sellerOrderId}` : "";
      return {
        subject: `Neue Support-Anfrage: ${inertProse(data.subject)}`,
        text: [
          hello(recipient.name, "de"),
          `Ein Käufer hat eine Anfrage${about} gestellt: „${inertProse(data.subject)}“.`,
          quoted(data.body),
          data.audience === "seller"
            ? `Antworten Sie innerhalb von ${data.replyHours} Stunden, sonst übernimmt das Support-Team von Book Bazaar.`
            : "Sie wartet auf eine Antwort des Support-Teams.",
          `Die Anfrage: ${ticketLink(config, data.audience, data.ticketId)}`,
        ].join("\n\n"),
        title: "Ein Käufer hat eine Support-Anfrage gestellt",
        body: data.subject,
      };
    },
  },
});

const AUTHORS: Record<Audience, [string, string]> = {
  buyer: ["The buyer", "Der Käufer"],
  seller: ["The seller", "Der Verkäufer"],
  support: ["Book Bazaar's support team", "Das Support-Team von Book Bazaar"],
};
const authorName = (role: Audience, language: 0 | 1) => AUTHORS[role][language];

export const supportMessage = defineTemplate({
  kind: "support-message",
  category: "support",
  placeholders: z.object({ ...ticket, authorRole: z.enum(AUDIENCES), body: z.string() }),
  link: (config, data) => ticketLink(config, data.audience, data.ticketId),
  wording: {
    en: (data, config, recipient) => ({
      subject: `New message in the ticket “${inertProse(data.subject)}”`,
      text: [
        hello(recipient.name, "en"),
        `${authorName(data.authorRole, 0)} wrote:`,
        quoted(data.body),
        `Read and answer it: ${ticketLink(config, data.audience, data.ticketId)}`,
      ].join("\n\n"),
      title: `${authorName(data.authorRole, 0)} answered: ${data.subject}`,
      body: excerpt(data.body),
    }),
    de: (data, config, recipient) => ({
      subject: `Neue Nachricht zur Anfrage „${inertProse(data.subject)}“`,
      text: [
        hello(recipient.name, "de"),
        `${authorName(data.authorRole, 1)} schreibt:`,
        quoted(data.body),
        `Lesen und antworten: ${ticketLink(config, data.audience, data.ticketId)}`,
      ].join("\n\n"),
      title: `${authorName(data.authorRole, 1)} hat geantwortet: ${data.subject}`,
      body: excerpt(data.body),
    }),
  },
});

const STEPS = ["escalated", "resolved", "closed"] as const;
type Step = (typeof STEPS)[number];

/** A step's title and line: the buyer hears of each; a seller and the admins of an escalation only. */
interface StepWords {
  buyer: Record<Step, [string, string]>;
  seller: [string, string];
  support: [string, string];
}
const STEP_WORDS: Record<"en" | "de", StepWords> = {
  en: {
    buyer: {
      escalated: ["Our support team now handles your ticket", "An admin reads the conversation and answers you."],
      resolved: ["Your ticket was resolved", "Tell us how well we helped: you can rate the help on the ticket."],
      closed: ["Your ticket was closed", "It takes no more messages; open a new one if you need to."],
    },
    seller: ["A ticket went to our support team", "It was not answered in time; an admin handles it now."],
    support: ["A ticket was escalated", "It waits for the support team."],
  },
  de: {
    buyer: {
      escalated: [
        "Unser Support-Team kümmert sich jetzt um Ihre Anfrage",
        "Ein Admin liest den Verlauf und antwortet Ihnen.",
      ],
      resolved: [
        "Ihre Anfrage wurde gelöst",
        "Sagen Sie uns, wie gut wir geholfen haben: Sie können die Hilfe bewerten.",
      ],
      closed: [
        "Ihre Anfrage wurde geschlossen",
        "Sie nimmt keine Nachrichten mehr an; stellen Sie bei Bedarf eine neue.",
      ],
    },
    seller: [
      "Eine Anfrage ging an unser Support-Team",
      "Sie wurde nicht rechtzeitig beantwortet; jetzt kümmert sich ein Admin darum.",
    ],
    support: ["Eine Anfrage wurde eskaliert", "Sie wartet auf das Support-Team."],
  },
};
const stepWords = (language: "en" | "de", data: { audience: Audience; step: Step }) =>
  data.audience === "buyer" ? STEP_WORDS[language].buyer[data.step] : STEP_WORDS[language][data.audience];

export const supportTicketStatus = defineTemplate({
  kind: "support-ticket-status",
  category: "support",
  placeholders: z.object({ ...ticket, step: z.enum(STEPS), note: z.string().nullable() }),
  link: (config, data) => ticketLink(config, data.audience, data.ticketId),
  wording: {
    en: (data, config, recipient) => {
      const [title, line] = stepWords("en", data);
      return {
        subject: `${title}: ${inertProse(data.subject)}`,
        text: [
          hello(recipient.name, "en"),
          line,
          ...(data.note ? [`Note: ${inertProse(data.note)}`] : []),
          `The ticket: ${ticketLink(config, data.audience, data.ticketId)}`,
        ].join("\n\n"),
        title,
        body: data.subject,
      };
    },
    de: (data, config, recipient) => {
      const [title, line] = stepWords("de", data);
      return {
        subject: `${title}: ${inertProse(data.subject)}`,
        text: [
          hello(recipient.name, "de"),
          line,
          ...(data.note ? [`Hinweis: ${inertProse(data.note)}`] : []),
          `Die Anfrage: ${ticketLink(config, data.audience, data.ticketId)}`,
        ].join("\n\n"),
        title,
        body: data.subject,
      };
    },
  },
});
