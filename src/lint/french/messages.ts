import type { Message } from '../../i18n/lang.js';

/**
 * A rule's messages by id, eslint's way: `{{name}}` marks where a finding's data goes.
 * Tests assert ids; what a user reads is looked up here.
 */
export type Messages<Id extends string> = Readonly<Record<Id, Message>>;

/** A value of a message's data: the same in both languages, or one per language. */
export type MessageData = Readonly<Record<string, string | number | Message>>;

export function formatMessage(message: Message, data: MessageData = {}): Message {
  const fill = (text: string, lang: 'fr' | 'en') => text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => {
    const value = data[name];
    if (value === undefined) return whole;
    return typeof value === 'object' ? value[lang] : String(value);
  });
  return { fr: fill(message.fr, 'fr'), en: fill(message.en, 'en') };
}
