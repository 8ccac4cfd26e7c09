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

/**
 * Control characters and bidirectional overrides, which a terminal obeys: content quoted in a
 * message (a title, a link, a path) must not set the window title, erase lines or reorder text.
 */
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text as it may reach a terminal: tabs and newlines kept, every other control character dropped. */
export function printable(text: string): string {
  return text.replace(CONTROLS, '');
}

/** The message in the reader's language, safe to print. */
export function t(message: Message): string {
  return printable(message[current]);
}

/** What a message template's `{name}` placeholders are filled with; a Message is taken in each language. */
export type MessageData = Record<string, string | number | Message>;

/** `{ fr: 'a {n} b' }` with `{ n: 3 }` → `{ fr: 'a 3 b' }`; an unknown placeholder stays as written. */
export function interpolate(template: Message, data: MessageData = {}): Message {
  const fill = (text: string, lang: Lang) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = data[name];
      if (value === undefined) return whole;
      return typeof value === 'object' ? value[lang] : String(value);
    });
  return { fr: fill(template.fr, 'fr'), en: fill(template.en, 'en') };
}

/** « pvd : » / "pvd: ", before a message of pvd's own (French puts a space before the colon). */
export function prefixed(message: Message): string {
  return t({ fr: `pvd : ${message.fr}`, en: `pvd: ${message.en}` });
}
