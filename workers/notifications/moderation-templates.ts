import type { EventData } from "../../queues/event-catalogue";
import type { Config } from "../config";
import { inertName, type RenderedMail } from "./templates";

/** Mail about readers' posts a moderator looked at: approved (shown again) or removed. */

const KIND = {
  review: "review",
  seller_review: "seller review",
  comment: "comment",
  thread: "discussion thread",
} as const;

export const moderationTemplates = {
  decided(config: Config, data: EventData<"ModerationDecided"> & { name: string }): RenderedMail {
    const kind = KIND[data.targetType];
    const approved = data.action === "approve";
    return {
      template: approved ? "moderation-approved" : "moderation-removed",
      subject: `Your ${kind} on Book Bazaar was ${approved ? "approved" : "removed"}`,
      text: [
        `Hello ${inertName(data.name)},`,
        approved
          ? `A moderator looked at your ${kind} and approved it: readers can see it.`
          : `A moderator looked at your ${kind} and removed it: it is no longer shown.`,
        `The moderator's note:\n${data.note}`,
        `Book Bazaar\n${config.PUBLIC_BASE_URL}`,
      ].join("\n\n"),
    };
  },
};
