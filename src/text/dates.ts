/** The names of days (Sunday first, as Date.getUTCDay()) and months, in both languages. */
export const WEEKDAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'] as const;
export const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
export const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'] as const;
export const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;

/** A calendar day `YYYY-MM-DD` as a Date at midnight UTC: no time zone ever shifts it. */
export function dateOf(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00Z`);
}

/** `2024-02-30` is written like a date but is none. */
export function isRealDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = dateOf(value);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

/**
 * `2024-12-16` → « 16 décembre 2024 », whatever the machine's time zone and locale. Spelt
 * out rather than through Intl, whose first formatter loads the locale data (10 to 50 ms
 * of every build); the result is Intl's own (tests/eml.test.ts compares them).
 */
export function frenchDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}
