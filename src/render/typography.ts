/** U+00A0: the no-break space every mail client's fonts have (U+202F is missing from some). */
export const NBSP = '\u00a0';
/** U+202F: the narrow no-break space the Imprimerie nationale puts before ; ! ? and inside « ». */
export const NNBSP = '\u202f';

export interface TypographyOptions {
  /** The narrow no-break space before ; ! ? and inside « » (template.yaml's typography.thinSpaces). */
  thinSpaces: boolean;
}

const WIDE: TypographyOptions = { thinSpaces: false };

/**
 * French typography at render time, on text only (never on URLs or markup):
 * a no-break space before « : ; ! ? » » and after « « », and no line break inside a
 * number and its unit (84 %, 14 h 00) or between groups of digits (4 430). With
 * thinSpaces, the space before ; ! ? and inside « » is the narrow one; the colon keeps
 * the full one, as the Imprimerie nationale has it.
 */
export function frenchTypography(text: string, options: TypographyOptions = WIDE): string {
  const narrow = options.thinSpaces ? NNBSP : NBSP;
  return text
    .replace(/[ \t\u00a0\u202f]+:/g, `${NBSP}:`)
    .replace(/[ \t\u00a0\u202f]+([;!?»])/g, `${narrow}$1`)
    .replace(/«[ \t\u00a0\u202f]*/g, `«${narrow}`)
    .replace(/(\d)[ \t]+(%|€|h\b|km|m²|ha\b)/g, `$1${NBSP}$2`)
    .replace(/\b(h) (\d{2}\b)/g, `$1${NBSP}$2`)
    .replace(/(\d) (\d{3})(?!\d)/g, `$1${NBSP}$2`)
    .replace(/\b(n°|N°|p\.) (\d)/g, `$1${NBSP}$2`);
}
