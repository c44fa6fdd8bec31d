import type { CommentNode, CommentView, ThreadView } from "../schemas";
import type { CommentRow } from "../store/comments";
import type { ThreadRow } from "../store/threads";

/** How threads and comments are answered: text exactly as written, a deleted one's text as null. */

const iso = (ms: number) => new Date(ms).toISOString();

export function threadView(thread: ThreadRow): ThreadView {
  const deleted = thread.deletedAt !== null;
  return {
    id: thread.id,
    workId: thread.workId,
    isbn13: thread.isbn13,
    authorId: thread.authorId,
    authorName: thread.authorName,
    title: deleted ? null : thread.title,
    body: deleted ? null : thread.body,
    deleted,
    status: thread.status,
    commentCount: thread.commentCount,
    lastActivityAt: iso(thread.lastActivityAt),
    createdAt: iso(thread.createdAt),
    updatedAt: iso(thread.updatedAt),
  };
}

export function commentView(comment: CommentRow): CommentView {
  return {
    id: comment.id,
    subjectType: comment.subjectType,
    subjectId: comment.subjectId,
    parentId: comment.parentId,
    depth: comment.depth,
    authorId: comment.authorId,
    authorName: comment.authorName,
    body: comment.body,
    status: comment.status,
    createdAt: iso(comment.createdAt),
    updatedAt: iso(comment.updatedAt),
  };
}

interface Node {
  id: string;
  parentId: string | null;
  depth: number;
  authorId: string;
  authorName: string;
  body: string | null;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
  replies: Node[];
}

/**
 * The comments readers see, as a tree, from rows in path order (each comment before its replies). A comment
 * that is not published (held, hidden, removed) is left out with everything under it; a deleted one stays,
 * without its text, only while a reply under it is shown.
 */
export function commentTree(rows: CommentRow[]): CommentNode[] {
  const shown = new Map<string, Node>();
  const roots: Node[] = [];
  for (const row of rows) {
    if (row.status !== "published") continue;
    const parent = row.parentId ? shown.get(row.parentId) : undefined;
    if (row.parentId && !parent) continue;
    const deleted = row.deletedAt !== null;
    const node: Node = {
      id: row.id,
      parentId: row.parentId,
      depth: row.depth,
      authorId: row.authorId,
      authorName: row.authorName,
      body: deleted ? null : row.body,
      deleted,
      createdAt: iso(row.createdAt),
      updatedAt: iso(row.updatedAt),
      replies: [],
    };
    (parent ? parent.replies : roots).push(node);
    shown.set(row.id, node);
  }
  return withoutBareDeleted(roots) as CommentNode[];
}

function withoutBareDeleted(nodes: Node[]): Node[] {
  return nodes.flatMap((node) => {
    const replies = withoutBareDeleted(node.replies);
    return node.deleted && replies.length === 0 ? [] : [{ ...node, replies }];
  });
}
