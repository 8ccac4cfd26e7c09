import type { Message } from '../i18n/lang.js';

const BYTES_PER = { Ko: 1024, Mo: 1024 * 1024 } as const;
const ENGLISH_UNIT = { Ko: 'KB', Mo: 'MB' } as const;

export interface FileSizeOptions {
  unit?: keyof typeof BYTES_PER;
  decimals?: number;
  /** false: the number alone, for a message that writes the unit itself. */
  withUnit?: boolean;
}

/** 93 417 bytes → « 91,2 Ko » / "91.2 KB" (1 Ko = 1 024 octets); French writes a decimal comma. */
export function fileSize(bytes: number, { unit = 'Ko', decimals = 1, withUnit = true }: FileSizeOptions = {}): Message {
  const value = (bytes / BYTES_PER[unit]).toFixed(decimals);
  const fr = value.replace('.', ',');
  return withUnit ? { fr: `${fr} ${unit}`, en: `${value} ${ENGLISH_UNIT[unit]}` } : { fr, en: value };
}

/** « 3 articles » / "3 items": French puts 0 and 1 in the singular, English only 1. */
export function countOf(count: number, fr: string, en: string): Message {
  return { fr: `${count} ${fr}${count > 1 ? 's' : ''}`, en: `${count} ${en}${count === 1 ? '' : 's'}` };
}
