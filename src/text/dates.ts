// Built once: each Intl formatter costs about a millisecond to create.
const FRENCH_DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2024-12-16` → « 16 décembre 2024 », whatever the machine's time zone. */
export function frenchDate(isoDate: string): string {
  return FRENCH_DATE.format(new Date(`${isoDate}T00:00:00Z`));
}
