import type { EventData } from "../../queues/event-catalogue";
import { createEvent } from "../../queues/events";

/** What community emits, through the outbox atomically with the change. */
export const communityEvents = {
  reviewPosted: (data: EventData<"ReviewPosted">) => createEvent("ReviewPosted", data),
  reviewChanged: (data: EventData<"ReviewChanged">) => createEvent("ReviewChanged", data),
  commentPosted: (data: EventData<"CommentPosted">) => createEvent("CommentPosted", data),
  commentReplied: (data: EventData<"CommentReplied">) => createEvent("CommentReplied", data),
  contentReported: (data: EventData<"ContentReported">) => createEvent("ContentReported", data),
  contentHidden: (item: {
    id: string;
    targetType: EventData<"ContentHidden">["targetType"];
    targetId: string;
    authorId: string;
    cause: "filter" | "reports";
  }) =>
    createEvent("ContentHidden", {
      moderationId: item.id,
      targetType: item.targetType,
      targetId: item.targetId,
      authorId: item.authorId,
      cause: item.cause,
    }),
  moderationDecided: (data: EventData<"ModerationDecided">) => createEvent("ModerationDecided", data),
};
