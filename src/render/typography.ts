/** U+00A0: the no-break space every mail client's fonts have (U+202F is missing from some). */
export const NBSP = '\u00a0';

/**
 * French typography at render time, on text only (never on URLs or markup):
 * a no-break space before « : ; ! ? » » and after « « », and no line break inside a
 * number and its unit (84 %, 14 h 00) or between groups of digits (4 430).
 */
export function frenchTypography(text: string): string {
  return text
    .replace(/[ \t\u202f]+([:;!?»])/g, `${NBSP}$1`)
    .replace(/«[ \t\u202f]*/g, `«${NBSP}`)
    .replace(/(\d)[ \t]+(%|€|h\b|km|m²|ha\b)/g, `$1${NBSP}$2`)
    .replace(/\b(h) (\d{2}\b)/g, `$1${NBSP}$2`)
    .replace(/(\d) (\d{3})(?!\d)/g, `$1${NBSP}$2`)
    .replace(/\b(n°|N°|p\.) (\d)/g, `$1${NBSP}$2`);
}
