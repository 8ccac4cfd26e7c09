import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Parser } from 'htmlparser2';
import { beforeAll, describe, expect, test } from 'vitest';
import { loadIssueSource } from '../../src/issue/load.js';
import { classifyUrl, type UrlKind } from '../../src/text/urls.js';
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

/** The href of every <a> whose text is `label`. */
function hrefsOf(html: string, label: string): string[] {
  const found: string[] = [];
  let open: { href: string; text: string } | undefined;
  const parser = new Parser({
    onopentag(name, attributes) { if (name === 'a') open = { href: attributes.href ?? '', text: '' }; },
    ontext(chunk) { if (open) open.text += chunk; },
    onclosetag(name) {
      if (name === 'a' && open) {
        if (open.text === label) found.push(open.href);
        open = undefined;
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

/** The errors of a refused build, as `line:column rule/messageId`, with out/ left untouched. */
function refusal(built: Awaited<ReturnType<typeof buildSource>>): string[] {
  expect(built.result.output, 'the build must refuse').toBeUndefined();
  expect(built.outUnchanged, 'a refused build leaves out/ untouched').toBe(true);
  return built.result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error').map((diagnostic) => `${diagnostic.line}:${diagnostic.column} ${diagnostic.rule}/${diagnostic.messageId}`);
}

/** What the payload adds to the plaintext of #42, line by line. */
const PLAIN_042 = new Set<string>();
function addedTextLines(text: string): string[] {
  if (PLAIN_042.size === 0) for (const line of renderUnchecked(ORIGINAL).text.split('\n')) PLAIN_042.add(line);
  return text.split('\n').filter((line) => !PLAIN_042.has(line));
}

describe('raw HTML: <script>, event handlers and other active elements', () => {
  /** Each payload, the columns raw-html points at, and whether, with lint off, it is shown as text (inline) or left out (a block). */
  const vectors: [payload: string, columns: number[], shown: boolean][] = [
    ['<script>alert(1)</script>', [1], false],
    ['<SCRIPT SRC=https://evil.example/x.js></SCRIPT>', [1], false],
    ['Texte <script>alert(1)</script> dans un paragraphe.', [7, 23], true],
    ['<img src=x onerror=alert(1)>', [1], false],
    ['Un <img src="x" onerror="alert(1)"> au milieu.', [4], true],
    ['<a href="https://exemple.fr" onclick="alert(1)">lien</a>', [1, 53], true],
    ['<svg onload=alert(1)>', [1], false],
    ['<iframe src="javascript:alert(1)"></iframe>', [1], false],
    ['<div style="background:url(javascript:alert(1))">x</div>', [1], false],
    ['<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', [1], false],
    ['<body onload=alert(1)>', [1], false],
    ['<style>@import "https://evil.example/x.css";</style>', [1], false],
  ];
  test.each(vectors)('%s is refused by lint where each tag starts', async (payload, columns) => {
    expect(refusal(await buildSource(withPayload(payload)))).toEqual(columns.map((column) => `${PAYLOAD_LINE}:${column} raw-html/refused`));
  });
  test.each(vectors)('%s is escaped as text, or left out, when lint is off', (payload, _columns, shown) => {
    const { html, text } = renderUnchecked(withPayload(payload));
    expect(activeContent(html)).toEqual([]);
    expect(html).not.toMatch(/<script/i);
    const afterLastParagraph = visibleText(html).split('lauréats ici.')[1]!;
    expect(afterLastParagraph.startsWith(`\n${payload}\n`)).toBe(shown);
    expect(addedTextLines(text)).toEqual(shown ? [payload] : []);
  });
});

describe('javascript:, data:, vbscript:, file: URLs — any case, entities, whitespace', () => {
  /**
   * Every way of writing a dangerous address, once: what Markdown makes of it (entities
   * decoded, <…> and surrounding blanks dropped), what classifyUrl calls that, and so the
   * message link-scheme gives. Percent-encoding is not decoded in a scheme, by Markdown nor by
   * browsers: `%20javascript:` is a relative address, harmless, and refused as one.
   */
  const vectors: [written: string, parsed: string, kind: UrlKind][] = [
    ['javascript:alert(1)', 'javascript:alert(1)', 'dangerous'],
    ['JaVaScRiPt:alert(1)', 'JaVaScRiPt:alert(1)', 'dangerous'],
    ['java&#x09;script:alert(1)', 'java\tscript:alert(1)', 'dangerous'],
    ['java&#9;script:alert(1)', 'java\tscript:alert(1)', 'dangerous'],
    ['&#106;avascript:alert(1)', 'javascript:alert(1)', 'dangerous'],
    ['&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)', 'javascript:alert(1)', 'dangerous'],
    ['javascript&colon;alert(1)', 'javascript:alert(1)', 'dangerous'],
    ['<javascript:alert(1)>', 'javascript:alert(1)', 'dangerous'],
    ['<  javascript:alert(1)>', '  javascript:alert(1)', 'dangerous'],
    ['jav&#x0A;ascript:alert(1)', 'jav\nascript:alert(1)', 'dangerous'],
    ['%20javascript:alert(1)', '%20javascript:alert(1)', 'relative'],
    ['   javascript:alert(1)', 'javascript:alert(1)', 'dangerous'],
    ['\tJaVaScRiPt:alert(1)', 'JaVaScRiPt:alert(1)', 'dangerous'],
    ['java\u200bscript:alert(1)', 'java\u200bscript:alert(1)', 'dangerous'],
    ['&#x20;javascript:alert(1)', ' javascript:alert(1)', 'dangerous'],
    ['&#xFEFF;javascript:alert(1)', '\ufeffjavascript:alert(1)', 'dangerous'],
    ['vbscript:msgbox(1)', 'vbscript:msgbox(1)', 'dangerous'],
    ['VBScript:msgbox(1)', 'VBScript:msgbox(1)', 'dangerous'],
    ['data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', 'dangerous'],
    ['DATA:text/html,<script>alert(1)</script>', 'DATA:text/html,<script>alert(1)</script>', 'dangerous'],
    ['data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', 'data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+', 'dangerous'],
    ['file:///etc/passwd', 'file:///etc/passwd', 'dangerous'],
  ];
  const sentence = (url: string) => `Voir [ce lien](${url}) pour en savoir plus.`;

  test.each(vectors)('%j: read as %j, a %s address, refused at the link, rendered as a dead link', async (written, parsed, kind) => {
    const source = withPayload(sentence(written));
    const { issue } = loadIssueSource(source, { path: issuePath, folder: dirname(issuePath), file: issuePath }, permissive);
    const link = issue!.links.at(-1)!;
    expect(link).toMatchObject({ text: 'ce lien', position: { line: PAYLOAD_LINE, column: 6 } });
    expect(link.href).toBe(parsed);
    expect(classifyUrl(link.href)).toBe(kind);

    expect(refusal(await buildSource(source))).toEqual([`${PAYLOAD_LINE}:6 link-scheme/${kind}`]);

    // With lint off, the renderer makes it a link to nowhere, in the HTML and in the text.
    const { html, text } = renderUnchecked(source);
    expect(activeContent(html)).toEqual([]);
    expect(hrefsOf(html, 'ce lien')).toEqual(['#']);
    const [said, reference] = addedTextLines(text);
    // The plaintext numbers links, the marker joined to its words by a no-break space.
    expect(said).toMatch(/^Voir ce lien\u00a0\[\d+\] pour en savoir plus\.$/);
    expect(reference).toBe(`${/\[\d+\]/.exec(said!)![0]} #`);
  });

  /** Each place an address can sit, with one dangerous address: lint sees it there, and the renderer drops it there. */
  const contexts: [place: string, payload: string, errors: string[]][] = [
    ['a link in a sentence', sentence('javascript:alert(1)'), ['6 link-scheme/dangerous']],
    ['a button', "[S'inscrire](javascript:alert(1))", ['1 link-scheme/dangerous']],
    ['a reference link', 'Voir [ce lien][x].\n\n[x]: <javascript:alert(1)>', ['6 link-scheme/dangerous']],
    // No file of that name either: the image is missing as well.
    ['an image', '![Photo](javascript:alert(1) "© ANCT")', ['1 image-missing/missing', '1 image-outside/outside']],
    ['a link-wrapped image', '[![Photo](images/toul.jpg "© ANCT")](javascript:alert(1))', ['1 link-scheme/dangerous']],
  ];
  test.each(contexts)('in %s, it is refused where it is written and never reaches the HTML or the text', async (_place, payload, errors) => {
    const source = withPayload(payload);
    expect(refusal(await buildSource(source))).toEqual(errors.map((error) => `${PAYLOAD_LINE}:${error}`));
    const { html, text } = renderUnchecked(source);
    expect(activeContent(html)).toEqual([]);
    expect(html).not.toContain('alert(1)');
    expect(text).not.toContain('alert(1)');
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
  // Tuples, not an object literal: `{ __proto__: … }` would set the literal's prototype and drop the case.
  /** Each header (in place of `credits:`, line 7), and the errors it gets. */
  const MISSING_CREDITS = '1:1 front-matter/missingKey';
  const frontMatters: [name: string, yaml: string, errors: string[]][] = [
    ['__proto__', '__proto__:\n  polluted: 1', [MISSING_CREDITS, '7:1 front-matter/forbiddenKey']],
    ['quoted __proto__', '"__proto__":\n  polluted: 1', [MISSING_CREDITS, '7:1 front-matter/forbiddenKey']],
    ['flow __proto__', '__proto__: { polluted: 1 }', [MISSING_CREDITS, '7:1 front-matter/forbiddenKey']],
    ['constructor', 'constructor:\n  prototype:\n    polluted: 1', [MISSING_CREDITS, '7:1 front-matter/forbiddenKey']],
    ['prototype', 'prototype:\n  polluted: 1', [MISSING_CREDITS, '7:1 front-matter/forbiddenKey']],
    // A credit that is a mapping: the usual cause is a « : » left unquoted.
    ['nested __proto__', 'credits:\n  - __proto__:\n      polluted: 1', ['8:1 front-matter/unquotedColon']],
    ['merge key', '<<: { polluted: 1 }', [MISSING_CREDITS, '7:1 front-matter/unknownKey']],
    ['anchored __proto__', 'x: &a { polluted: 1 }\n__proto__: *a', [MISSING_CREDITS, '7:1 front-matter/unknownKey', '8:1 front-matter/forbiddenKey']],
  ];
  test.each(frontMatters)('%s pollutes nothing and is reported at its line', async (_name, yaml, errors) => {
    const source = ORIGINAL.replace(/^credits:[\s\S]*?\n---\n/m, `${yaml}\n---\n`);
    expect(source.split('\n')[6]).toBe(yaml.split('\n')[0]);
    expect(refusal(await buildSource(source))).toEqual(errors);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
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
  /** What a build of #42 with lint off publishes in images/: the payload must add nothing to it. */
  let images042: string[];
  const imagesOf = (files: readonly { path: string }[]) => files.map((file) => file.path).filter((name) => name.startsWith('images/')).sort();
  beforeAll(async () => {
    writeFileSync(issuePath, ORIGINAL);
    images042 = imagesOf((await inProcessBuilder(root, () => permissive).build(issuePath)).output!.files);
    expect(images042).toContain('images/toul.jpg');
  });
  const OUTSIDE = ['1 image-outside/outside'];
  /** Each path and the errors at its line: outside the folder, or (a Windows path on Linux, a file: URL) no such file. */
  const paths: [path: string, errors: string[]][] = [
    ['../secret.jpg', OUTSIDE],
    ['../../secret.jpg', OUTSIDE],
    ['images/../../secret.jpg', OUTSIDE],
    ['../../../../../../etc/passwd', OUTSIDE],
    ['/etc/passwd', OUTSIDE],
    ['%2e%2e/secret.jpg', OUTSIDE],
    ['%2E%2E%2F%2E%2E%2Fsecret.jpg', OUTSIDE],
    ['..%2f..%2fsecret.jpg', OUTSIDE],
    // On Linux a backslash is part of a file name: no file of that name in the issue.
    ['..\\..\\secret.jpg', ['1 image-missing/missing']],
    ['C:\\Windows\\win.ini', OUTSIDE],
    ['\\\\serveur\\partage\\x.jpg', OUTSIDE],
    ['file:///etc/passwd', ['1 image-missing/missing', '1 image-outside/outside']],
    ['images/lien.jpg', OUTSIDE],
    ['images/etc/passwd', OUTSIDE],
    ['images/sous-dossier/relatif.jpg', OUTSIDE],
    ['images/x.jpg%00.png', OUTSIDE],
  ];
  test.each(paths)('![…](%s) is refused, located, and nothing outside is copied', async (path, errors) => {
    expect(refusal(await buildSource(withPayload(`![Photo](<${path}> "© ANCT")`)))).toEqual(errors.map((error) => `${PAYLOAD_LINE}:${error}`));
  });
  test.each(paths)('![…](%s) is neither copied nor linked when lint is off', async (path) => {
    writeFileSync(issuePath, withPayload(`![Photo](<${path}> "© ANCT")`));
    const result = await inProcessBuilder(root, () => permissive).build(issuePath);
    // With lint off the build goes on; it publishes nothing from outside, and no link to it.
    const published = result.output!.files;
    expect(imagesOf(published)).toEqual(images042);
    for (const file of published) {
      const bytes = 'content' in file ? Buffer.from(file.content) : readFileSync(file.source);
      expect(bytes.toString('latin1')).not.toContain(secret);
      expect(bytes.toString('latin1')).not.toContain('root:x:0:0');
    }
    expect(result.output!.html).not.toContain('secret.jpg');
    expect(result.output!.html).not.toContain('passwd');
  });
});
