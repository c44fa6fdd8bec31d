import { AppError } from "../../http/errors";

const DAY_MS = 24 * 60 * 60 * 1000;
export const WEEK_MS = 7 * DAY_MS;

/** An ISO week (`2026-W48`): Monday 00:00 UTC to the next Monday, and its seven days (`YYYY-MM-DD`). */
export interface IsoWeek {
  week: string;
  from: number;
  to: number;
  days: string[];
}

/** Monday 00:00 UTC of ISO week 1 of `year`: the week holding 4 January. */
function firstMonday(year: number): number {
  const fourth = Date.UTC(year, 0, 4);
  const weekday = (new Date(fourth).getUTCDay() + 6) % 7;
  return fourth - weekday * DAY_MS;
}

function weekOf(from: number): IsoWeek {
  const thursday = new Date(from + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const number = Math.round((from - firstMonday(year)) / WEEK_MS) + 1;
  const days = Array.from({ length: 7 }, (_, i) => new Date(from + i * DAY_MS).toISOString().slice(0, 10));
  return { week: `${year}-W${String(number).padStart(2, "0")}`, from, to: from + WEEK_MS, days };
}

/** The week a `YYYY-Www` names; a week number the year does not have is refused (400 `invalid_week`). */
export function parseWeek(text: string): IsoWeek {
  const match = /^(\d{4})-W(\d{2})$/.exec(text);
  if (match) {
    const [year, number] = [Number(match[1]), Number(match[2])];
    const week = weekOf(firstMonday(year) + (number - 1) * WEEK_MS);
    if (number >= 1 && week.week === text) return week;
  }
  throw new AppError("invalid_week", `${text} is not an ISO week (such as 2026-W48).`);
}

/** The last week that is over at `now`. */
export function lastCompleteWeek(now: number): IsoWeek {
  const weekday = (new Date(now).getUTCDay() + 6) % 7;
  const monday = Math.floor(now / DAY_MS) * DAY_MS - weekday * DAY_MS;
  return weekOf(monday - WEEK_MS);
}

/** The week asked for (the last complete one by default); one not over at `now` is refused (422 `week_not_over`). */
export function completeWeek(text: string | undefined, now: number): IsoWeek {
  const week = text === undefined ? lastCompleteWeek(now) : parseWeek(text);
  if (week.to > now)
    throw new AppError("week_not_over", `${week.week} is not over yet: it ends ${new Date(week.to).toISOString()}.`);
  return week;
}
