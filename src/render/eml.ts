import { createHash } from 'node:crypto';
import type { FrontMatter } from '../issue/model.js';
import type { TemplateConfig } from '../template/model.js';

/** The hour the .eml says the issue was sent, in Paris time (the team sends in the morning). */
export const SEND_HOUR = 9;
export const SEND_TIME_ZONE = 'Europe/Paris';
/** Who the .eml is addressed to: nobody in particular (RFC 5322 empty group). */
export const EML_TO = 'undisclosed-recipients:;';
// Part of the hash: a change to how the .eml is composed changes its Message-ID too.
const EML_FORMAT = 'pvd-eml-1';

export interface EmlHeaders {
  subject: string;
  from: { name: string; address: string };
  to: string;
  /** RFC 5322 date, e.g. `Mon, 16 Dec 2024 09:00:00 +0100`. */
  date: string;
  messageId: string;
  /** Shared part of the MIME boundaries, from the same hash: no random bytes in the file. */
  baseBoundary: string;
}

/**
 * Everything the .eml is made of, decided without loading the MIME library: the
 * Message-ID is a hash of the content, so an .eml already on disk with the same
 * Message-ID is byte for byte the one nodemailer would write again.
 */
export function emlHeaders(frontMatter: FrontMatter, config: TemplateConfig, html: string, text: string): EmlHeaders {
  const subject = frontMatter.subject;
  const from = { name: config.from.name, address: config.from.email };
  const date = parisMorning(frontMatter.date);
  const hash = createHash('sha256');
  for (const part of [EML_FORMAT, subject, from.name, from.address, EML_TO, date, text, html]) hash.update(part).update('\0');
  const digest = hash.digest('hex');
  const domain = from.address.split('@').pop() ?? 'localhost';
  return { subject, from, to: EML_TO, date, messageId: `<${digest.slice(0, 32)}@${domain}>`, baseBoundary: digest.slice(32, 48) };
}

/** issue.eml: multipart/alternative, plaintext first then HTML, UTF-8, made by nodemailer's MailComposer. */
export async function renderEml(headers: EmlHeaders, html: string, text: string): Promise<Buffer> {
  // ~70 ms to load: only builds that write the .eml pay for it.
  const { default: MailComposer } = await import('nodemailer/lib/mail-composer/index.js');
  const options = {
    from: headers.from,
    to: headers.to,
    subject: headers.subject,
    date: headers.date,
    messageId: headers.messageId,
    baseBoundary: headers.baseBoundary,
    text,
    html,
    // Base64 is encoded natively; quoted-printable, in JavaScript, cost a build 6 ms per issue.
    textEncoding: 'base64' as const,
    newline: '\r\n',
  };
  return new MailComposer(options).compile().build();
}

// RFC 5322 names, whatever the machine's locale.
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/**
 * Paris's offset from UTC at 9 a.m. on a day: summer time (+02:00) from the last Sunday of
 * March to the day before the last Sunday of October, the European Union's rule since 1996
 * (the changes happen at 1 a.m. UTC, long before 9 a.m.). Reckoned here rather than through
 * Intl, whose first formatter loads the time-zone data (10 to 50 ms of every build);
 * tests/eml.test.ts compares it with Intl's Europe/Paris for every day the front matter allows.
 */
export function parisOffset(year: number, month: number, day: number): '+0100' | '+0200' {
  const lastSunday = (monthIndex: number) => {
    const last = new Date(Date.UTC(year, monthIndex + 1, 0));
    return last.getUTCDate() - last.getUTCDay();
  };
  const summer = (month > 3 && month < 10) || (month === 3 && day >= lastSunday(2)) || (month === 10 && day < lastSunday(9));
  return summer ? '+0200' : '+0100';
}

/** `2024-12-16` → `Mon, 16 Dec 2024 09:00:00 +0100`: 9 a.m. in Paris, summer time included. */
export function parisMorning(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  const monthName = MONTHS[month - 1];
  return `${weekday}, ${String(day).padStart(2, '0')} ${monthName} ${year} ${String(SEND_HOUR).padStart(2, '0')}:00:00 ${parisOffset(year, month, day)}`;
}
