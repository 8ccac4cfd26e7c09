// Built once, when first needed: the first Intl formatter loads the locale data (~15 ms),
// which `pvd lint` never needs.
let frenchDateFormat: Intl.DateTimeFormat | undefined;

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

/** `2024-12-16` → « 16 décembre 2024 », whatever the machine's time zone. */
export function frenchDate(isoDate: string): string {
  frenchDateFormat ??= new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
  return frenchDateFormat.format(dateOf(isoDate));
}
