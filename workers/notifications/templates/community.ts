import { z } from "zod";
import type { Config } from "../../config";
import { defineTemplate } from "../template";
import { inertName, inertProse } from "./inert";

/**
 * Mail about readers' conversations and posts (category `community`, with one-click unsubscribe). Everything
 * quoted from a reader (the replier's name, a title, an excerpt) goes through `inertName` / `inertProse`: no mail
 * client turns it into a link, and the HTML part escapes it.
 */

const Reply = z.object({
  subjectType: z.enum(["thread", "review"]),
  subjectId: z.string(),
  isbn13: z.string(),
  reason: z.enum(["reply", "following"]),
  authorName: z.string(),
  subjectTitle: z.string(),
  excerpt: z.string(),
});
type Reply = z.infer<typeof Reply>;

const conversationLink = (config: Config, data: Reply) =>
  `${config.PUBLIC_BASE_URL}/books/${data.isbn13}/${data.subjectType === "thread" ? "threads" : "reviews"}/${data.subjectId}`;

export const commentReplied = defineTemplate({
  kind: "comment-replied",
  category: "community",
  placeholders: Reply,
  link: conversationLink,
  wording: {
    en: (data, config, recipient) => {
      const replier = inertName(data.authorName);
      const title = inertProse(data.subjectTitle);
      const what = data.subjectType === "thread" ? "thread" : "review";
      const reply = data.reason === "reply";
      return {
        subject: reply ? `${replier} replied to you on Book Bazaar` : `New comment in "${title}" on Book Bazaar`,
        text: [
          `Hello ${inertName(recipient.name)},`,
          `${reply ? `${replier} replied to you in the ${what} "${title}":` : `${replier} commented in "${title}", a thread you follow:`}\n\n"${inertProse(data.excerpt)}"`,
          `Read the conversation and answer: ${conversationLink(config, data)}`,
          reply
            ? "You get this mail because someone answered what you wrote."
            : "You get this mail because you follow this thread; unfollow it on the thread's page to stop them.",
        ].join("\n\n"),
        title: reply ? `${data.authorName} replied to you` : `New comment in "${data.subjectTitle}"`,
        body: data.excerpt,
      };
    },
    de: (data, config, recipient) => {
      const replier = inertName(data.authorName);
      const title = inertProse(data.subjectTitle);
      const what = data.subjectType === "thread" ? "in der Diskussion" : "zur Rezension";
      const reply = data.reason === "reply";
      return {
        subject: reply
          ? `${replier} hat Ihnen auf Book Bazaar geantwortet`
          : `Neuer Kommentar in „${title}“ auf Book Bazaar`,
        text: [
          `Hallo ${inertName(recipient.name)},`,
          `${reply ? `${replier} hat Ihnen ${what} „${title}“ geantwortet:` : `${replier} hat in „${title}“ kommentiert, einer Diskussion, der Sie folgen:`}\n\n„${inertProse(data.excerpt)}“`,
          `Zum Gespräch und zum Antworten: ${conversationLink(config, data)}`,
          reply
            ? "Sie erhalten diese Mail, weil jemand auf Ihren Beitrag geantwortet hat."
            : "Sie erhalten diese Mail, weil Sie dieser Diskussion folgen; entfolgen Sie ihr auf ihrer Seite, um keine mehr zu bekommen.",
        ].join("\n\n"),
        title: reply ? `${data.authorName} hat Ihnen geantwortet` : `Neuer Kommentar in „${data.subjectTitle}“`,
        body: data.excerpt,
      };
    },
  },
});

const Decision = z.object({ targetType: z.enum(["review", "seller_review", "comment", "thread"]), note: z.string() });
type Target = z.infer<typeof Decision>["targetType"];

const KIND_EN: Record<Target, string> = {
  review: "review",
  seller_review: "seller review",
  comment: "comment",
  thread: "discussion thread",
};
/** The German nouns' gender differs: "Ihr Kommentar" but "Ihre Rezension", in the nominative and the accusative. */
const KIND_DE: Record<Target, { nominative: string; accusative: string }> = {
  review: { nominative: "Ihre Rezension", accusative: "Ihre Rezension" },
  seller_review: { nominative: "Ihre Verkäuferbewertung", accusative: "Ihre Verkäuferbewertung" },
  comment: { nominative: "Ihr Kommentar", accusative: "Ihren Kommentar" },
  thread: { nominative: "Ihre Diskussion", accusative: "Ihre Diskussion" },
};

/** The moderator's note is staff's own text, quoted as written (the HTML part escapes it). */
function decision(approved: boolean) {
  return defineTemplate({
    kind: approved ? "moderation-approved" : "moderation-removed",
    category: "community",
    placeholders: Decision,
    link: () => null,
    wording: {
      en: (data, config, recipient) => {
        const kind = KIND_EN[data.targetType];
        const outcome = approved ? "approved" : "removed";
        return {
          subject: `Your ${kind} on Book Bazaar was ${outcome}`,
          text: [
            `Hello ${inertName(recipient.name)},`,
            approved
              ? `A moderator looked at your ${kind} and approved it: readers can see it.`
              : `A moderator looked at your ${kind} and removed it: it is no longer shown.`,
            `The moderator's note:\n${data.note}`,
            `Book Bazaar\n${config.PUBLIC_BASE_URL}`,
          ].join("\n\n"),
          title: `Your ${kind} was ${outcome}`,
          body: data.note,
        };
      },
      de: (data, config, recipient) => {
        const kind = KIND_DE[data.targetType];
        const outcome = approved ? "freigegeben" : "entfernt";
        return {
          subject: `${kind.nominative} auf Book Bazaar wurde ${outcome}`,
          text: [
            `Hallo ${inertName(recipient.name)},`,
            approved
              ? `ein Moderator hat ${kind.accusative} geprüft und freigegeben: Der Beitrag ist für alle sichtbar.`
              : `ein Moderator hat ${kind.accusative} geprüft und entfernt: Der Beitrag wird nicht mehr angezeigt.`,
            `Die Anmerkung des Moderators:\n${data.note}`,
            `Book Bazaar\n${config.PUBLIC_BASE_URL}`,
          ].join("\n\n"),
          title: `${kind.nominative} wurde ${outcome}`,
          body: data.note,
        };
      },
    },
  });
}

export const moderationApproved = decision(true);
export const moderationRemoved = decision(false);
