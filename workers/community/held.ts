import type { ModerationTarget } from "../../schema/community";
import { newId } from "../lib/ids";
import type { Statement } from "../platform/db";
import type { CommunityContext } from "./context";
import { communityEvents } from "./events";
import type { Screening } from "./screening";
import { moderationItemOf, openModerationItem } from "./store/moderation-items";

/**
 * What a post the filter held adds to its write: the moderation item (`pending`, with the filter's flags)
 * and `ContentHidden`. A post the filter passed adds nothing. An edit held again reopens the item the post
 * already has, under its id, so the event names the item the queue shows.
 */
export async function holdIfFlagged(
  ctx: CommunityContext,
  target: { type: ModerationTarget; id: string; authorId: string },
  screening: Screening,
  now = Date.now(),
): Promise<{ statements: Statement[]; events: ReturnType<typeof communityEvents.contentHidden>[] }> {
  if (screening.publish) return { statements: [], events: [] };
  const existing = await moderationItemOf(ctx.services.db, target);
  const item = {
    id: existing?.id ?? newId("mod"),
    targetType: target.type,
    targetId: target.id,
    authorId: target.authorId,
    cause: "filter" as const,
    flags: screening.flags,
  };
  return {
    statements: [openModerationItem(ctx.services.db, item, now)],
    events: [communityEvents.contentHidden(item)],
  };
}
