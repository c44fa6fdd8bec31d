import type { CommentSubject } from "../../../schema/community";
import { workOfEdition } from "../../catalog";
import type { CommunityContext } from "../context";
import { communityEvents } from "../events";
import { reviewAsSubject } from "../store/commented-reviews";
import { commentAuthor } from "../store/comments";
import { followersOf } from "../store/follows";
import { threadById } from "../store/threads";

/** The comment readers are told of: it must be published when its notices are built. */
export interface RepliedComment {
  id: string;
  subjectType: CommentSubject;
  subjectId: string;
  parentId: string | null;
  authorId: string;
  authorName: string;
  body: string;
}

export type ReplyNotice = ReturnType<typeof communityEvents.commentReplied>;

/** How much of the comment a notice quotes. */
const EXCERPT_LENGTH = 200;

function excerptOf(body: string): string {
  const text = body.replace(/\s+/g, " ").trim();
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > EXCERPT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * The `CommentReplied` events of a published comment, one per reader to tell: the author of the comment it
 * answers (of the thread or review for a top-level comment) with reason `reply`, then the thread's followers
 * with reason `following`; never the commenter, each reader once (`reply` wins). Commit them with the write
 * that publishes the comment: its posting, or a moderator approving it after the filter held it.
 */
export async function replyNotices(ctx: CommunityContext, comment: RepliedComment): Promise<ReplyNotice[]> {
  const { db } = ctx.services;
  const [subject, parentAuthor, followers] = await Promise.all([
    subjectOf(ctx, comment.subjectType, comment.subjectId),
    comment.parentId ? commentAuthor(db, comment.parentId) : Promise.resolve(undefined),
    comment.subjectType === "thread" ? followersOf(db, comment.subjectId) : Promise.resolve([]),
  ]);
  if (!subject) return [];
  const recipients = new Map<string, "reply" | "following">();
  const answered = comment.parentId ? parentAuthor : subject.authorId;
  if (answered) recipients.set(answered, "reply");
  for (const follower of followers) if (!recipients.has(follower)) recipients.set(follower, "following");
  recipients.delete(comment.authorId);

  const excerpt = excerptOf(comment.body);
  return [...recipients].map(([recipientId, reason]) =>
    communityEvents.commentReplied({
      commentId: comment.id,
      subjectType: comment.subjectType,
      subjectId: comment.subjectId,
      recipientId,
      reason,
      authorName: comment.authorName,
      subjectTitle: subject.title,
      isbn13: subject.isbn13,
      excerpt,
    }),
  );
}

/** Who wrote the thread or review and what a notice calls it: its title, or the book's when it has none. */
async function subjectOf(
  ctx: CommunityContext,
  type: CommentSubject,
  id: string,
): Promise<{ authorId: string; title: string; isbn13: string } | undefined> {
  const { db } = ctx.services;
  const subject = type === "thread" ? await threadById(db, id) : await reviewAsSubject(db, id);
  if (!subject) return undefined;
  const title = subject.title || (await workOfEdition({ db }, subject.isbn13))?.title || subject.isbn13;
  return { authorId: subject.authorId, title, isbn13: subject.isbn13 };
}
