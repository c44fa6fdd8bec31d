import type { EventEnvelope } from "../../../queues/event-catalogue";
import { adminUserIds } from "../../identity";
import type { NotificationsContext } from "../context";
import { weeklyReport } from "../notices/weekly-report";
import { renderTemplate } from "../template";
import type { Notice } from "./notify";

/** The week's report is told to every admin. */
export async function weeklyReportNotices(
  ctx: NotificationsContext,
  event: EventEnvelope<"WeeklyReportBuilt">,
): Promise<Notice[]> {
  const admins = await adminUserIds(ctx);
  return admins.map((userId) => ({
    userId,
    sourceId: event.id,
    kind: weeklyReport.kind,
    category: weeklyReport.category,
    data: { week: event.data.week },
    render: (recipient) => renderTemplate(weeklyReport, event.data, ctx.config, recipient),
  }));
}
