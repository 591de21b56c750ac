/** Quiet hours as stored: minutes after local midnight, in `timeZone`. */
export interface QuietWindow {
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

/** Minutes after midnight of `at` on the wall clock of `timeZone`. */
function localMinute(at: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .formatToParts(at)
    .reduce<Record<string, string>>((all, part) => ({ ...all, [part.type]: part.value }), {});
  return Number(parts.hour) * 60 + Number(parts.minute);
}

/**
 * When an SMS due at `now` may go: `now` outside the window, else the window's end on the recipient's
 * wall clock (a window with start > end spans midnight). Across a DST change the end can be off by the
 * shift, at most an hour, which only moves a delayed SMS, never drops it.
 */
export function smsAllowedAt(now: Date, window: QuietWindow): Date {
  const { startMinute: start, endMinute: end } = window;
  if (start === end) return now;
  const minute = localMinute(now, window.timeZone);
  const quiet = start < end ? minute >= start && minute < end : minute >= start || minute < end;
  if (!quiet) return now;
  const minutesLeft = (end - minute + 1440) % 1440;
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + minutesLeft * 60_000);
}

/** `HH:MM` ↔ minutes after midnight. */
export const toMinute = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const fromMinute = (minute: number): string =>
  `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Whether `timeZone` is one the runtime knows (the schema checks only its shape). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}
