import type { AnyEvent } from "../../../queues/event-catalogue";
import type { NotificationsContext } from "../context";
import type { Notice } from "../service/notify";
import { renderTemplate } from "../template";
import { commentReplied, moderationApproved, moderationRemoved } from "../templates";

/** The community events that notify a reader (category `community`): a reply or comment, a moderator's decision. */
export const COMMUNITY_NOTICE_EVENTS = ["CommentReplied", "ModerationDecided"] as const;
export type CommunityNoticeEvent = Extract<AnyEvent, { type: (typeof COMMUNITY_NOTICE_EVENTS)[number] }>;

export function communityNotices({ config }: NotificationsContext, event: CommunityNoticeEvent): Notice[] {
  if (event.type === "CommentReplied") {
    const { data } = event;
    return [
      {
        userId: data.recipientId,
        sourceId: event.id,
        kind: commentReplied.kind,
        category: commentReplied.category,
        data: {
          commentId: data.commentId,
          subjectType: data.subjectType,
          subjectId: data.subjectId,
          isbn13: data.isbn13,
        },
        render: (recipient) => renderTemplate(commentReplied, data, config, recipient),
      },
    ];
  }
  const { data } = event;
  const template = data.action === "approve" ? moderationApproved : moderationRemoved;
  return [
    {
      userId: data.authorId,
      sourceId: event.id,
      kind: template.kind,
      category: template.category,
      data: { moderationId: data.moderationId, targetType: data.targetType, targetId: data.targetId },
      render: (recipient) => renderTemplate(template, data, config, recipient),
    },
  ];
}
