import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ISSUE_042, makeProject } from '../helpers.js';
import { runPvdMeasured, STACK_TRACE, type MeasuredRun } from './support.js';

/**
 * SPEC §7: huge and pathological inputs end with a located message and exit 1 — never a
 * hang, a crash or a stack trace. Run as a user would (the compiled CLI). How long each
 * takes and how much memory it peaks at is logged here and budgeted in `npm run bench`,
 * not asserted: a test does not depend on the machine's speed.
 */
const ORIGINAL = readFileSync(ISSUE_042, 'utf8');
const FRONT_MATTER = ORIGINAL.slice(0, ORIGINAL.indexOf('\n---\n') + 5);
const BODY = ORIGINAL.slice(FRONT_MATTER.length);

const inputs: Record<string, () => string | Buffer> = {
  'a 10 MB file': () => ORIGINAL + 'x'.repeat(10 * 1024 * 1024),
  'a 10 MB file of one line with no front matter': () => Buffer.alloc(10 * 1024 * 1024, 0x61),
  '100,000 list items': () => `${ORIGINAL}\n\n${'- a\n'.repeat(100_000)}`,
  '100,000 items (### headings)': () => `${ORIGINAL}\n\n${'### a\n\nb\n\n'.repeat(100_000).slice(0, 1_000_000)}`,
  'a 900 KB issue with thousands of sections': () => {
    let source = FRONT_MATTER + BODY;
    for (let n = 0; source.length < 900 * 1024; n++) source += `\n## L'actu\n\n### Article ${n}\n\nUn paragraphe de texte numéro ${n}, avec [un lien](https://agence-cohesion-territoires.gouv.fr/${n}).\n`;
    return source;
  },
  'one 900 KB paragraph': () => `${ORIGINAL}\n\n${'mot '.repeat(230_000)}\n`,
  '200,000 opening brackets': () => `${ORIGINAL}\n\n${'['.repeat(200_000)}\n`,
  '60,000 emphasis markers': () => `${ORIGINAL}\n\n${'*a **b '.repeat(30_000)}\n`,
  '5,000 nested quotes': () => `${ORIGINAL}\n\n${'>'.repeat(5_000)} texte\n`,
  '2,000 nested list levels': () => `${ORIGINAL}\n\n${Array.from({ length: 2_000 }, (_, depth) => `${'  '.repeat(depth)}- niveau ${depth}`).join('\n')}\n`,
  '100,000 link-wrapped images': () => `${ORIGINAL}\n\n${'[![a](images/toul.jpg)](https://a.fr/) '.repeat(20_000)}\n`,
  '60,000 raw HTML tags': () => `${ORIGINAL}\n\n${'<b>'.repeat(60_000)}\n`,
  // Just under pvd's structural limits (5,000 lines, 2,000 "["), where the parser does the most work.
  '4,800 list items (under the line limit)': () => `${ORIGINAL}\n\n${'- a\n'.repeat(4_800)}`,
  '1,000 sections in 4,900 lines': () => `${ORIGINAL}\n${Array.from({ length: 1_000 }, (_, n) => `## L'actu\n### Article ${n}\nTexte ${n} avec [un lien](https://agence-cohesion-territoires.gouv.fr/${n}).\n`).join('').split('\n').slice(0, 4_700).join('\n')}\n`,
  '1,950 opening brackets in one paragraph': () => `${ORIGINAL}\n\n${'['.repeat(1_950)}\n`,
  '950 link-wrapped images': () => `${ORIGINAL}\n\n${'[![a](images/toul.jpg)](https://a.fr/) '.repeat(950)}\n`,
  'YAML alias bomb in the front matter': () => ORIGINAL.replace('status: ready', [
    'status: ready',
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
    'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
    'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
    'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
    'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  ].join('\n')),
  'a 900 KB front matter value': () => ORIGINAL.replace(/^subject: .*$/m, `subject: "${'x'.repeat(900 * 1024)}"`),
  '50,000 front matter keys': () => ORIGINAL.replace('status: ready', `status: ready\n${Array.from({ length: 50_000 }, (_, n) => `k${n}: ${n}`).join('\n')}`),
};

/** Refused by the first step of lint (size, structural limits) like others kept for build: built once is enough. */
const refusedByLint = new Set([
  'a 10 MB file of one line with no front matter', '100,000 items (### headings)',
  '200,000 opening brackets', '100,000 link-wrapped images', '50,000 front matter keys',
  // Parser stress: build parses exactly as lint does.
  '60,000 emphasis markers', '60,000 raw HTML tags', '5,000 nested quotes', '2,000 nested list levels', 'YAML alias bomb in the front matter',
]);
const measured: string[] = [];
let root: string;

beforeAll(() => {
  root = makeProject();
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  console.log(['input | command | exit | time | peak memory', ...measured].join('\n'));
});

function expectBounded(run: MeasuredRun, label: string): void {
  measured.push(`${label} | ${run.code} | ${Math.round(run.ms)} ms | ${run.maxRssMb.toFixed(0)} MB`);
  expect(run.signal, `${label} was killed (timeout?)`).toBeNull();
  expect([0, 1], `${label}: exit ${run.code}\n${run.stderr.slice(0, 2000)}`).toContain(run.code);
  expect(run.stderr + run.stdout).not.toMatch(STACK_TRACE);
  expect(run.stderr).not.toMatch(/erreur inattendue|unexpected error/);
}

describe.each(Object.entries(inputs))('%s', (name, make) => {
  let path: string;
  beforeAll(() => {
    path = join(root, 'issues', '042', 'issue.md');
    writeFileSync(path, make());
  });

  test('pvd lint ends in bounded time and memory, with located messages', () => {
    writeFileSync(path, make());
    const run = runPvdMeasured(['lint', 'issues/042/issue.md', '--format', 'json'], { cwd: root, timeout: 30_000 });
    expectBounded(run, `${name} | lint`);
    if (run.stdout.trim().startsWith('[')) {
      const lines = readFileSync(path, 'utf8').split(/\r\n?|\n/).length;
      const results = JSON.parse(run.stdout) as { messages?: { line: number; column: number }[]; line?: number; column?: number }[];
      const diagnostics = results.flatMap((entry) => entry.messages ?? [entry]);
      for (const diagnostic of diagnostics) {
        if (diagnostic.line === undefined) continue;
        expect(diagnostic.line).toBeGreaterThanOrEqual(1);
        expect(diagnostic.line).toBeLessThanOrEqual(lines);
        expect(diagnostic.column).toBeGreaterThanOrEqual(1);
      }
    }
  });

  // A file lint refuses takes the same path in build: only what lint accepts is built.
  if (!refusedByLint.has(name)) test('pvd build ends in bounded time and memory', () => {
    writeFileSync(path, make());
    const run = runPvdMeasured(['build', '42', '--out-dir', 'out-huge'], { cwd: root, timeout: 30_000 });
    expectBounded(run, `${name} | build`);
  });
});

test('a 10 MB file is refused at 1:1 with its size, in French', () => {
  const path = join(root, 'issues', '042', 'issue.md');
  writeFileSync(path, ORIGINAL + 'x'.repeat(10 * 1024 * 1024));
  const run = runPvdMeasured(['lint', '42'], { cwd: root });
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/issues\/042\/issue\.md:1:1\s+erreur/);
  expect(run.stdout).toMatch(/10,0 Mo/);
});

test('structural limits are refused where the excess starts: line 5,001, the 2,001st "[", the 21st nested quote', () => {
  const path = join(root, 'issues', '042', 'issue.md');
  const lastLine = ORIGINAL.replace(/\n*$/, '').split('\n').length;
  const cases: [string, RegExp][] = [
    [`${ORIGINAL}\n\n${'- a\n'.repeat(100_000)}`, /issue\.md:5001:1\s+erreur\s+parse\s+Le fichier dépasse 5[\s\u202f\u00a0]000 lignes/],
    [`${ORIGINAL}\n\n${'['.repeat(200_000)}\n`, new RegExp(`issue\\.md:${lastLine + 3}:${2_001 - (ORIGINAL.match(/\[/g) ?? []).length}\\s+erreur\\s+parse\\s+Plus de 2`)],
    [`${ORIGINAL}\n\n${'>'.repeat(5_000)} texte\n`, new RegExp(`issue\\.md:${lastLine + 3}:21\\s+erreur\\s+parse\\s+Listes ou citations imbriquées sur plus de 20 niveaux`)],
  ];
  for (const [source, expected] of cases) {
    writeFileSync(path, source);
    const run = runPvdMeasured(['lint', '42'], { cwd: root });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(expected);
  }
});
