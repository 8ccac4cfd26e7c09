/** The language of everything pvd prints: French unless asked otherwise. */
export type Lang = 'fr' | 'en';

/** A user-facing text in both languages; code never shows one without the other. */
export interface Message {
  fr: string;
  en: string;
}

let current: Lang = detectLang(process.env.PVD_LANG);

function detectLang(value: string | undefined): Lang {
  return value?.toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function setLang(lang: string | undefined): void {
  if (lang !== undefined) current = detectLang(lang);
}

export function getLang(): Lang {
  return current;
}

export function t(message: Message): string {
  return message[current];
}
