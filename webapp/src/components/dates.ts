/** Days as a date input holds them (YYYY-MM-DD, the viewer's own calendar) and ends of access. */

const DAY_MS = 24 * 60 * 60 * 1000;

/** How far ahead access may end (the server refuses more than 365 days). */
export const MAX_DAYS_AHEAD = 365;

function pad(value: number): string {
  return String(value).padStart(2, "0");
}

/** The day of a moment, in the viewer's calendar, as a date input's value. */
export function dayOf(moment: Date | string): string {
  const date = typeof moment === "string" ? new Date(moment) : moment;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Access chosen "until" a day ends with that day: its last second, in the viewer's calendar. */
export function endOfDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year, month - 1, date, 23, 59, 59).toISOString();
}

/** The end of `day`, or `until` when that comes first (a sharer's own access may end within the day). */
export function endOfDayUntil(day: string, until?: string | null): string {
  const end = endOfDay(day);
  return until && new Date(until) < new Date(end) ? new Date(until).toISOString() : end;
}

/** The days a date input may offer for an end: from today, at most a year ahead (no later than `until`). */
export function endDayRange(now: Date = new Date(), until?: string | null): { min: string; max: string } {
  const furthest = dayOf(new Date(now.getTime() + (MAX_DAYS_AHEAD - 1) * DAY_MS));
  const max = until && dayOf(until) < furthest ? dayOf(until) : furthest;
  return { min: dayOf(now), max };
}

/** A moment for people, as a day: 1/12/2026 in the viewer's own way. */
export function formatDay(moment: string): string {
  return new Date(moment).toLocaleDateString();
}
