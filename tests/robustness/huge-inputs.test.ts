import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ISSUE_042, makeProject, positionAt, runPvd, type PvdRun } from '../helpers.js';
import { STACK_TRACE } from './support.js';

/**
 * SPEC §7: huge and pathological inputs end with a located message and exit 1 (or are
 * accepted) — never a hang, a crash or a stack trace. Run as a user would (the compiled CLI).
 * How long each takes and how much memory it peaks at is measured by `npm run bench`, not
 * here: a test does not depend on the machine's speed.
 */
const ORIGINAL = readFileSync(ISSUE_042, 'utf8');
const FRONT_MATTER = ORIGINAL.slice(0, ORIGINAL.indexOf('\n---\n') + 5);
const BODY = ORIGINAL.slice(FRONT_MATTER.length);
/** The line a payload appended after a blank line lands on. */
const PAYLOAD_LINE = ORIGINAL.replace(/\n*$/, '').split('\n').length + 3;

/** `line:column` of the `n`-th character of `source` matching `pattern`: where a count limit is passed. */
function nth(source: string, pattern: RegExp, n: number): string {
  let seen = 0;
  for (let index = 0; index < source.length; index++) {
    if (pattern.test(source[index]!) && ++seen === n) {
      const { line, column } = positionAt(source, index);
      return `${line}:${column}`;
    }
  }
  throw new Error(`fewer than ${n} ${String(pattern)}`);
}

interface Expected {
  /** lint's exit code, its diagnostics (count, first three as `line:column rule/messageId`, distinct ids). */
  lint: { code: number; count: number; first: string[]; ids: string[] };
  /** build's exit code and last line, for what lint lets through (what lint refuses, build refuses the same way). */
  build?: { code: number; verdict: string };
}

const NOT_BUILT = '1 numéro(s) non produit(s) : corrigez les erreurs ci-dessus (« npx pvd lint » les liste aussi).';
const BUILT_WITH_INBOX_ERRORS = "1 numéro(s) produit(s) avec des erreurs pour les messageries (règles inbox-*) : les fichiers sont écrits pour que vous les examiniez, corrigez avant l'envoi.";
const refused = (at: string, id: string): Expected['lint'] => ({ code: 1, count: 1, first: [`${at} ${id}`], ids: [`error ${id}`] });

const cases: [name: string, make: () => string | Buffer, expected: (source: string) => Expected][] = [
  ['a 10 MB file', () => ORIGINAL + 'x'.repeat(10 * 1024 * 1024), () => ({ lint: refused('1:1', 'parse/unreadable') })],
  ['a 10 MB file of one line with no front matter', () => Buffer.alloc(10 * 1024 * 1024, 0x61), () => ({ lint: refused('1:1', 'parse/unreadable') })],
  ['100,000 list items', () => `${ORIGINAL}\n\n${'- a\n'.repeat(100_000)}`, () => ({ lint: refused('5001:1', 'parse/tooLong') })],
  ['100,000 items (### headings)', () => `${ORIGINAL}\n\n${'### a\n\nb\n\n'.repeat(100_000).slice(0, 1_000_000)}`, () => ({ lint: refused('5001:1', 'parse/tooLong') })],
  ['a 900 KB issue with thousands of sections', () => {
    let source = FRONT_MATTER + BODY;
    for (let n = 0; source.length < 900 * 1024; n++) source += `\n## L'actu\n\n### Article ${n}\n\nUn paragraphe de texte numéro ${n}, avec [un lien](https://agence-cohesion-territoires.gouv.fr/${n}).\n`;
    return source;
  }, () => ({ lint: refused('5001:1', 'parse/tooLong') })],
  // Accepted: one trailing space is all lint finds; the email is too heavy for Gmail.
  ['one 900 KB paragraph', () => `${ORIGINAL}\n\n${'mot '.repeat(230_000)}\n`, () => ({
    lint: { code: 0, count: 1, first: [`${PAYLOAD_LINE}:920000 trailing-space/trailing`], ids: ['warning trailing-space/trailing'] },
    build: { code: 1, verdict: BUILT_WITH_INBOX_ERRORS },
  })],
  ['200,000 opening brackets', () => `${ORIGINAL}\n\n${'['.repeat(200_000)}\n`, (source) => ({ lint: refused(nth(source, /\[/, 2_001), 'parse/tooComplex') })],
  ['"*a **b " 30,000 times', () => `${ORIGINAL}\n\n${'*a **b '.repeat(30_000)}\n`, (source) => ({ lint: refused(nth(source, /[*_]/, 4_001), 'parse/tooComplex') })],
  ['5,000 nested quotes', () => `${ORIGINAL}\n\n${'>'.repeat(5_000)} texte\n`, () => ({ lint: refused(`${PAYLOAD_LINE}:21`, 'parse/tooDeep') })],
  ['a list nested 5,000 deep on one line', () => `${ORIGINAL}\n\n${'- '.repeat(5_000)}x\n`, () => ({ lint: refused(`${PAYLOAD_LINE}:41`, 'parse/tooDeep') })],
  // Indentation counts a level per 4 columns: lists indented by 2 are stopped at their 41st level.
  // Each line under the depth limit, the whole far over what the parser copes with (18 s and 476 MB before).
  ['4,800 lines of a list five deep', () => `${ORIGINAL}\n\n${'- - - - - a\n'.repeat(4_800)}`, () => ({ lint: refused(`${PAYLOAD_LINE + 500}:1`, 'parse/tooNested') })],
  ['4,800 lines of a quote in a list in a quote', () => `${ORIGINAL}\n\n${'> - > a\n'.repeat(4_800)}`, () => ({ lint: refused(`${PAYLOAD_LINE + 1000}:1`, 'parse/tooNested') })],
  ['500 nested list levels, indented', () => `${ORIGINAL}\n\n${Array.from({ length: 500 }, (_, depth) => `${'  '.repeat(depth)}- niveau ${depth}`).join('\n')}\n`, () => ({ lint: refused(`${PAYLOAD_LINE + 40}:81`, 'parse/tooDeep') })],
  ['20,000 link-wrapped images', () => `${ORIGINAL}\n\n${'[![a](images/toul.jpg)](https://a.fr/) '.repeat(20_000)}\n`, (source) => ({ lint: refused(nth(source, /\[/, 2_001), 'parse/tooComplex') })],
  ['60,000 raw HTML tags', () => `${ORIGINAL}\n\n${'<b>'.repeat(60_000)}\n`, (source) => ({ lint: refused(nth(source, /</, 2_001), 'parse/tooComplex') })],
  // Just under pvd's structural limits (5,000 lines, 2,000 "["), where the parser does the most work.
  ['4,800 list items (under the line limit)', () => `${ORIGINAL}\n\n${'- a\n'.repeat(4_800)}`, () => ({
    lint: { code: 0, count: 0, first: [], ids: [] },
    build: { code: 1, verdict: BUILT_WITH_INBOX_ERRORS },
  })],
  ['1,000 sections in 4,900 lines', () => `${ORIGINAL}\n${Array.from({ length: 1_000 }, (_, n) => `## L'actu\n### Article ${n}\nTexte ${n} avec [un lien](https://agence-cohesion-territoires.gouv.fr/${n}).\n`).join('').split('\n').slice(0, 4_700).join('\n')}\n`, () => ({
    lint: { code: 0, count: 1_000, first: ['155:1 section-order/repeated', '158:1 section-order/repeated', '161:1 section-order/repeated'], ids: ['warning section-order/repeated'] },
    build: { code: 1, verdict: BUILT_WITH_INBOX_ERRORS },
  })],
  ['1,950 opening brackets in one paragraph', () => `${ORIGINAL}\n\n${'['.repeat(1_950)}\n`, () => ({
    lint: { code: 0, count: 0, first: [], ids: [] },
    build: { code: 0, verdict: '' },
  })],
  ['950 link-wrapped images', () => `${ORIGINAL}\n\n${'[![a](images/toul.jpg)](https://a.fr/) '.repeat(950)}\n`, () => ({
    lint: { code: 1, count: 951, first: [`${PAYLOAD_LINE}:2 image-credit/missing`, `${PAYLOAD_LINE}:41 image-credit/missing`, `${PAYLOAD_LINE}:80 image-credit/missing`], ids: ['error image-credit/missing', 'warning trailing-space/trailing'] },
    build: { code: 1, verdict: NOT_BUILT },
  })],
  ['YAML alias bomb in the front matter', () => ORIGINAL.replace('status: ready', [
    'status: ready',
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  ].join('\n')), () => ({ lint: refused('2:1', 'parse/aliases') })],
  ['a 900 KB front matter value', () => ORIGINAL.replace(/^subject: .*$/m, `subject: "${'x'.repeat(900 * 1024)}"`), () => ({
    lint: { code: 0, count: 1, first: ['4:10 subject-length/tooLong'], ids: ['warning subject-length/tooLong'] },
    build: { code: 1, verdict: BUILT_WITH_INBOX_ERRORS },
  })],
  ['50,000 front matter keys', () => ORIGINAL.replace('status: ready', `status: ready\n${Array.from({ length: 50_000 }, (_, n) => `k${n}: ${n}`).join('\n')}`), () => ({
    lint: { code: 1, count: 2, first: ['302:1 parse/headerTooLong', '5001:1 parse/tooLong'], ids: ['error parse/headerTooLong', 'error parse/tooLong'] },
  })],
];

let root: string;
beforeAll(() => {
  root = makeProject();
});

function expectNoCrash(run: PvdRun): void {
  expect(run.signal, 'killed (timeout?)').toBeNull();
  expect(run.stderr + run.stdout).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(/erreur inattendue|unexpected error/);
}

describe.each(cases)('%s', (_name, make, expectation) => {
  const path = () => join(root, 'issues', '042', 'issue.md');
  let expected: Expected;
  beforeAll(() => {
    const source = make();
    writeFileSync(path(), source);
    expected = expectation(String(source));
  });

  test('pvd lint ends with exactly the located diagnostics expected', () => {
    writeFileSync(path(), make());
    const run = runPvd(['lint', 'issues/042/issue.md', '--format', 'json'], { cwd: root, timeout: 60_000 });
    expectNoCrash(run);
    expect(run.code).toBe(expected.lint.code);
    const [report] = JSON.parse(run.stdout) as { messages: { line: number; column: number; severity: string; rule: string; messageId: string }[] }[];
    const messages = report!.messages;
    expect(messages).toHaveLength(expected.lint.count);
    expect(messages.slice(0, 3).map((message) => `${message.line}:${message.column} ${message.rule}/${message.messageId}`)).toEqual(expected.lint.first);
    expect([...new Set(messages.map((message) => `${message.severity} ${message.rule}/${message.messageId}`))].sort()).toEqual(expected.lint.ids);
  });

  test('pvd build ends as expected: only what lint accepts is built', () => {
    writeFileSync(path(), make());
    const run = runPvd(['build', '42', '--out-dir', 'out-huge'], { cwd: root, timeout: 60_000 });
    expectNoCrash(run);
    const build = expected.build ?? { code: 1, verdict: NOT_BUILT };
    expect(run.code).toBe(build.code);
    expect(run.stderr.trimEnd().split('\n').at(-1)).toBe(build.verdict);
  });
});

test('a 10 MB file is refused at 1:1 with its size, in French', () => {
  writeFileSync(join(root, 'issues', '042', 'issue.md'), ORIGINAL + 'x'.repeat(10 * 1024 * 1024));
  const run = runPvd(['lint', '42'], { cwd: root });
  expect(run.code).toBe(1);
  expect(run.stdout.split('\n')[0]).toMatch(/^issues\/042\/issue\.md:1:1 {2}erreur {2}parse {2}Le fichier fait 10,0 Mo, bien plus qu'un numéro/);
});

test('structural limits are refused where the excess starts: line 5,001, the 2,001st "[", the 21st nested quote', () => {
  const path = join(root, 'issues', '042', 'issue.md');
  const cases: [string, RegExp][] = [
    [`${ORIGINAL}\n\n${'- a\n'.repeat(100_000)}`, /^issues\/042\/issue\.md:5001:1 {2}erreur {2}parse {2}Le fichier dépasse 5\u202f000 lignes/],
    [`${ORIGINAL}\n\n${'['.repeat(200_000)}\n`, new RegExp(`^issues/042/issue\\.md:${PAYLOAD_LINE}:${2_001 - (ORIGINAL.match(/\[/g) ?? []).length} {2}erreur {2}parse {2}Plus de 2\u202f000 crochets « \\[ »`)],
    [`${ORIGINAL}\n\n${'>'.repeat(5_000)} texte\n`, new RegExp(`^issues/042/issue\\.md:${PAYLOAD_LINE}:21 {2}erreur {2}parse {2}Listes ou citations imbriquées sur plus de 20 niveaux`)],
  ];
  for (const [source, expected] of cases) {
    writeFileSync(path, source);
    const run = runPvd(['lint', '42'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(expected);
  }
});
