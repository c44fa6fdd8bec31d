import type { EventData } from "../../queues/event-catalogue";
import type { Config } from "../config";
import { inertName, inertProse, type RenderedMail } from "./templates";

/**
 * Mail about replies in threads and on reviews. Everything quoted was written by a reader (the replier's name,
 * the title, the excerpt), so it goes through `inertName` / `inertProse`: no mail client turns it into a link,
 * and the HTML part escapes it. It carries no unsubscribe link yet: unfollowing the thread stops the `following` ones.
 */

const subjectLink = (config: Config, data: EventData<"CommentReplied">) =>
  `${config.PUBLIC_BASE_URL}/books/${data.isbn13}/${data.subjectType === "thread" ? "threads" : "reviews"}/${data.subjectId}`;

export const replyTemplates = {
  commentReplied(config: Config, data: EventData<"CommentReplied">, recipient: { name: string }): RenderedMail {
    const replier = inertName(data.authorName);
    const title = inertProse(data.subjectTitle);
    const what = data.subjectType === "thread" ? "thread" : "review";
    const happened =
      data.reason === "reply"
        ? `${replier} replied to you in the ${what} "${title}":`
        : `${replier} commented in "${title}", a thread you follow:`;
    return {
      template: "comment-replied",
      subject:
        data.reason === "reply"
          ? `${replier} replied to you on Book Bazaar`
          : `New comment in "${title}" on Book Bazaar`,
      text: [
        `Hello ${inertName(recipient.name)},`,
        `${happened}\n\n"${inertProse(data.excerpt)}"`,
        `Read the conversation and answer: ${subjectLink(config, data)}`,
        data.reason === "following"
          ? "You get this mail because you follow this thread; unfollow it on the thread's page to stop them."
          : "You get this mail because someone answered what you wrote.",
      ].join("\n\n"),
    };
  },
};
