import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { parisMorning, parisOffset, SEND_TIME_ZONE } from '../src/render/eml.js';
import { frenchDate } from '../src/text/dates.js';
import { editIssue, makeProject, runPvd } from './helpers.js';

describe('out/042/issue.eml', () => {
  let root: string;
  let folder: string;
  let raw: Buffer;
  let mail: ParsedMail;

  beforeAll(async () => {
    root = makeProject();
    const result = runPvd(['build', '42', '--target', 'brevo'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    folder = join(root, 'out', '042');
    raw = readFileSync(join(folder, 'issue.eml'));
    mail = await simpleParser(raw);
  });

  it('is a multipart/alternative message, plaintext then HTML, in UTF-8', () => {
    expect(mail.headers.get('content-type')).toMatchObject({ value: 'multipart/alternative' });
    const head = raw.subarray(0, raw.indexOf('\r\n\r\n')).toString('latin1');
    expect(head).toMatch(/^MIME-Version: 1\.0\r$/m);
    const parts = [...raw.toString('latin1').matchAll(/^Content-Type: (text\/\w+); charset=utf-8\r$/gm)].map((match) => match[1]);
    expect(parts).toEqual(['text/plain', 'text/html']);
  });

  it('carries the subject (encoded), From of template.yaml and a neutral To', () => {
    expect(mail.subject).toBe('Rencontres PACA, baromètre AFL et agenda de janvier');
    expect(raw.toString('latin1')).toMatch(/^Subject: =\?UTF-8\?[QB]\?/m); // RFC 2047, either encoding
    expect(mail.from?.value).toEqual([{ name: 'Petites villes de demain', address: 'petitesvillesdedemain@anct.gouv.fr' }]);
    expect(mail.headers.get('to')).toMatchObject({ text: expect.stringContaining('undisclosed-recipients') });
  });

  it('is dated from the front matter, 9:00 in Paris', () => {
    expect(mail.date?.toISOString()).toBe('2024-12-16T08:00:00.000Z');
    expect(raw.toString('latin1')).toMatch(/^Date: Mon, 16 Dec 2024 09:00:00 \+0100\r$/m);
  });

  it('holds exactly index.txt and index.html, merge tags included', () => {
    const text = readFileSync(join(folder, 'index.txt'), 'utf8');
    const html = readFileSync(join(folder, 'index.html'), 'utf8');
    expect(mail.text).toBe(text);
    expect(mail.html).toBe(html);
    expect(mail.text).toContain('{{ unsubscribe }}');
    expect(mail.html).toContain('href="{{ unsubscribe }}"');
  });

  it('has a Message-ID and boundaries made from its content: byte-identical when built again elsewhere', () => {
    expect(mail.messageId).toMatch(/^<[0-9a-f]{32}@anct\.gouv\.fr>$/);
    const again = runPvd(['build', '42', '--target', 'brevo', '--out-dir', 'elsewhere'], { cwd: root });
    expect(again.code, again.stderr).toBe(0);
    expect(readFileSync(join(root, 'elsewhere', '042', 'issue.eml')).equals(raw)).toBe(true);
  });

  it('changes with the content, and is rewritten with it', async () => {
    const project = makeProject();
    expect(runPvd(['build', '42'], { cwd: project }).code).toBe(0);
    const before = await simpleParser(readFileSync(join(project, 'out', '042', 'issue.eml')));
    editIssue(project, '042', (source) => source.replace('baromètre AFL et agenda de janvier', 'baromètre AFL et agenda de février'));
    const result = runPvd(['build', '42'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const after = await simpleParser(readFileSync(join(project, 'out', '042', 'issue.eml')));
    expect(after.subject).toBe('Rencontres PACA, baromètre AFL et agenda de février');
    expect(after.messageId).not.toBe(before.messageId);
    expect(after.html).toBe(readFileSync(join(project, 'out', '042', 'index.html'), 'utf8'));
  });

  it('is not written by --stdout', () => {
    const project = makeProject();
    expect(runPvd(['build', '42', '--stdout', 'text'], { cwd: project }).code).toBe(0);
    expect(existsSync(join(project, 'out', '042', 'issue.eml'))).toBe(false);
  });
});

describe('the send date', () => {
  it('is 9:00 in Paris, winter (+0100) or summer time (+0200)', () => {
    expect(parisMorning('2024-12-16')).toBe('Mon, 16 Dec 2024 09:00:00 +0100');
    expect(parisMorning('2025-06-16')).toBe('Mon, 16 Jun 2025 09:00:00 +0200');
    // The days the clocks change.
    expect(parisMorning('2025-03-30')).toBe('Sun, 30 Mar 2025 09:00:00 +0200');
    expect(parisMorning('2025-10-26')).toBe('Sun, 26 Oct 2025 09:00:00 +0100');
  });

  it('gives the offset Intl gives for Europe/Paris at 9:00, every day from 2000 to 2099', () => {
    const paris = new Intl.DateTimeFormat('en-US', { timeZone: SEND_TIME_ZONE, timeZoneName: 'longOffset' });
    const differing: string[] = [];
    for (let day = Date.UTC(2000, 0, 1); day < Date.UTC(2100, 0, 1); day += 86_400_000) {
      const date = new Date(day);
      // 9:00 in Paris is 7:00 or 8:00 UTC: 7:30 UTC is 9:30 in summer and 8:30 in winter, the same day.
      const name = paris.formatToParts(new Date(day + 7.5 * 3_600_000)).find((part) => part.type === 'timeZoneName')!.value;
      const expected = name.replace(/^GMT([+-]\d{2}):(\d{2})$/, '$1$2');
      const reckoned = parisOffset(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
      if (reckoned !== expected) differing.push(`${date.toISOString().slice(0, 10)}: ${reckoned} / ${expected}`);
    }
    expect(differing).toEqual([]);
  });
});

describe('French dates', () => {
  it('are Intl\'s own « 16 décembre 2024 », spelt out without it', () => {
    const intl = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (let day = Date.UTC(2024, 0, 1); day < Date.UTC(2026, 0, 1); day += 86_400_000) {
      const date = new Date(day);
      expect(frenchDate(date.toISOString().slice(0, 10))).toBe(intl.format(date));
    }
  });
});
