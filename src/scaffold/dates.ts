import { dateOf, MONTHS, MONTHS_EN, WEEKDAYS, WEEKDAYS_EN } from '../text/dates.js';
import type { Message } from '../i18n/lang.js';

/** Dates are calendar days written YYYY-MM-DD; arithmetic runs in UTC so no time zone shifts a day. */
export type IsoDate = string;

function toIso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

/** Today on the user's own calendar, not in UTC. */
export function today(now = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Where a day sits in its month: « the 3rd Monday » is { weekday: 1, ordinal: 3 }. */
export interface WeekdayOfMonth {
  /** 0 = Sunday … 6 = Saturday, as Date.getUTCDay(). */
  weekday: number;
  /** 1 to 5. */
  ordinal: number;
}

export function weekdayOfMonth(value: IsoDate): WeekdayOfMonth {
  const date = dateOf(value);
  return { weekday: date.getUTCDay(), ordinal: Math.ceil(date.getUTCDate() / 7) };
}

/**
 * The same weekday-of-month one month later: the 3rd Monday of December → the 3rd Monday
 * of January. A 5th weekday that the next month lacks becomes that month's last one.
 */
export function sameWeekdayNextMonth(value: IsoDate): IsoDate {
  const date = dateOf(value);
  return sameWeekdayIn(date.getUTCFullYear(), date.getUTCMonth() + 1, weekdayOfMonth(value));
}

/** The first date with the same weekday-of-month as `value` that is on or after `from`. */
export function sameWeekdayFrom(value: IsoDate, from: IsoDate): IsoDate {
  const rhythm = weekdayOfMonth(value);
  const start = dateOf(from);
  for (let months = 0; ; months++) {
    const candidate = sameWeekdayIn(start.getUTCFullYear(), start.getUTCMonth() + months, rhythm);
    if (candidate >= from) return candidate;
  }
}

/** `month` may overflow (12 is next January): Date.UTC carries it into the year. */
function sameWeekdayIn(year: number, month: number, { weekday, ordinal }: WeekdayOfMonth): IsoDate {
  const first = new Date(Date.UTC(year, month, 1));
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  let day = 1 + ((weekday - first.getUTCDay() + 7) % 7) + 7 * (ordinal - 1);
  if (day > daysInMonth) day -= 7;
  return toIso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), day)));
}


/** « lundi 20 janvier 2025 » / "Monday 20 January 2025". */
export function longDate(value: IsoDate): Message {
  const date = dateOf(value);
  const day = date.getUTCDate();
  const month = date.getUTCMonth();
  const year = date.getUTCFullYear();
  return {
    fr: `${WEEKDAYS[date.getUTCDay()]} ${day === 1 ? '1er' : day} ${MONTHS[month]} ${year}`,
    en: `${WEEKDAYS_EN[date.getUTCDay()]} ${day} ${MONTHS_EN[month]} ${year}`,
  };
}

/** « le 3e lundi du mois » / "the 3rd Monday of the month"; « … du mois prochain » with `nextMonth`. */
export function describeWeekdayOfMonth({ weekday, ordinal }: WeekdayOfMonth, nextMonth = false): Message {
  const fr = ordinal === 1 ? '1er' : `${ordinal}e`;
  const en = ordinal === 1 ? '1st' : ordinal === 2 ? '2nd' : ordinal === 3 ? '3rd' : `${ordinal}th`;
  return {
    fr: `le ${fr} ${WEEKDAYS[weekday]} du mois${nextMonth ? ' prochain' : ''}`,
    en: `the ${en} ${WEEKDAYS_EN[weekday]} of ${nextMonth ? 'next month' : 'the month'}`,
  };
}
