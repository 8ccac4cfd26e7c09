import type { Message } from '../i18n/lang.js';

/** 93 417 bytes → « 91,2 Ko » / "91.2 KB" (1 Ko = 1 024 octets). */
export function kilobytes(bytes: number): Message {
  const value = (bytes / 1024).toFixed(1);
  return { fr: `${value.replace('.', ',')} Ko`, en: `${value} KB` };
}

/** « 3 articles » / "3 items": French puts 0 and 1 in the singular, English only 1. */
export function countOf(count: number, fr: string, en: string): Message {
  return { fr: `${count} ${fr}${count > 1 ? 's' : ''}`, en: `${count} ${en}${count === 1 ? '' : 's'}` };
}
