import { createHash } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editIssue, makeProject, REPO, runPvd, forgetSpellingVerdict } from '../helpers.js';

/**
 * `pvd build` remembers each issue it wrote (src/pipeline/remembered-build.ts) and does not render it
 * again while nothing it was built from has changed. These tests run the compiled CLI, as a user does:
 * pvd running from its sources remembers nothing.
 *
 * Whether an issue was rendered is counted from inside pvd: a rendered issue is compared with the
 * issue.eml already in out/NNN/ (src/pipeline/build.ts), a remembered one is not read at all.
 */
const CACHE = join(REPO, 'node_modules', '.cache', 'pvd');

// A word no dictionary and no other test has: the spelling rule warns about it.
const WORD = `zorgli${Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(Math.random() * 26))).join('')}`;

const scratch = mkdtempSync(join(tmpdir(), 'pvd-test-remembered-'));
const counted = join(scratch, 'rendered.txt');
const hook = join(scratch, 'count-renders.cjs');
writeFileSync(hook, `const fs = require('node:fs');
const read = fs.readFileSync;
let rendered = 0;
fs.readFileSync = function (path, ...rest) { if (String(path).endsWith('issue.eml')) rendered++; return read.call(this, path, ...rest); };
process.on('exit', () => fs.writeFileSync(${JSON.stringify(counted)}, String(rendered)));
`);

// The spelling verdicts are pvd's own cache, shared by every test: the word this file taught it goes away.
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
  forgetSpellingVerdict(WORD);
});

/** A project whose #42 has a warning (a vague link text), built once. */
function builtProject(): string {
  const root = makeProject();
  editIssue(root, '042', (source) => source.replace('[Explorer Mobiliscope]', '[cliquez ici]'));
  const first = runPvd(['build', '42'], { cwd: root });
  expect(first.code, first.stderr).toBe(0);
  expect(first.stderr).toContain('link-text');
  return root;
}

/** Runs pvd build: what it said, and how many issues it rendered. */
function buildCounting(args: readonly string[], cwd: string) {
  rmSync(counted, { force: true });
  const run = runPvd(['build', ...args], { cwd, env: { NODE_OPTIONS: `--require ${hook}` } });
  return { ...run, renders: Number(readFileSync(counted, 'utf8')) };
}

/** Builds #42 again: whether it was rendered, and what the run said. */
function buildAgain(root: string, args: readonly string[] = [], cwd = root) {
  const { renders, ...run } = buildCounting(['42', ...args], cwd);
  return { ...run, rendered: renders > 0 };
}

describe('pvd build, an issue built before', () => {
  it('is not rendered again while nothing changed, and says what a build would say, in either language', () => {
    const root = builtProject();
    const remembered = buildAgain(root);
    expect(remembered.rendered).toBe(false);
    expect(remembered.stdout).toContain('— inchangé');
    // The same issue rendered afresh (its file touched: same bytes, new change time).
    utimesSync(join(root, 'issues', '042', 'issue.md'), new Date(), new Date());
    const rendered = buildAgain(root);
    expect(rendered.rendered).toBe(true);
    expect(remembered).toEqual({ ...rendered, rendered: false });
    // The warnings are replayed in the language asked for, which is not part of what is remembered.
    const english = buildAgain(root, ['--lang', 'en']);
    expect(english.rendered).toBe(false);
    expect(english.stderr).toContain('Link text too vague');
    expect(english.stdout).toContain('— unchanged');
  });

  it('is rendered again when its text changes', () => {
    const root = builtProject();
    editIssue(root, '042', (source) => source.replace('**Chaque', '**Tous les mois, chaque'));
    const again = buildAgain(root);
    expect(again.rendered).toBe(true);
    expect(again.stdout).not.toContain('inchangé');
    expect(readFileSync(join(root, 'out', '042', 'index.html'), 'utf8')).toContain('Tous les mois, chaque');
  });

  it('is rendered again when one of its pictures changes', () => {
    const root = builtProject();
    const picture = join(root, 'issues', '042', 'images', 'attigny.jpg');
    const bytes = readFileSync(picture);
    // The same picture with a comment segment after its start: other bytes, still a JPEG.
    writeFileSync(picture, Buffer.concat([bytes.subarray(0, 2), Buffer.from([0xff, 0xfe, 0x00, 0x06]), Buffer.from('pvd!'), bytes.subarray(2)]));
    const again = buildAgain(root);
    expect(again.rendered).toBe(true);
    expect(readFileSync(join(root, 'out', '042', 'images', 'attigny.jpg')).equals(readFileSync(picture))).toBe(true);
  });

  it('is rendered again when the template changes: its CSS, or its word list', () => {
    const root = makeProject();
    editIssue(root, '042', (source) => source.replace('**Chaque', `${WORD} **Chaque`));
    expect(runPvd(['build', '42'], { cwd: root }).stderr).toContain(`« ${WORD} »`);
    appendFileSync(join(root, 'templates', 'pvd', 'styles.css'), '\n.pvd-test-mark { color: #123456; }\n');
    // The class is used by nothing: juice drops it; the build still ran, and still warns.
    const afterCss = buildAgain(root);
    expect(afterCss.rendered).toBe(true);
    expect(afterCss.stderr).toContain(`« ${WORD} »`);
    appendFileSync(join(root, 'templates', 'pvd', 'mots.txt'), `\n${WORD}\n`);
    const afterWords = buildAgain(root);
    expect(afterWords.rendered).toBe(true);
    expect(afterWords.stderr).not.toContain(`« ${WORD} »`);
  });

  it('is rendered again when another issue comes to declare its number', () => {
    const root = builtProject();
    mkdirSync(join(root, 'issues', '043'));
    cpSync(join(root, 'issues', '042', 'issue.md'), join(root, 'issues', '043', 'issue.md'));
    const again = buildAgain(root);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('number-unique');
  });

  it('is rendered again for another target, and from another folder (its messages name files from there)', () => {
    const root = builtProject();
    const target = buildAgain(root, ['--target', 'mailchimp']);
    expect(target.rendered).toBe(true);
    expect(readFileSync(join(root, 'out', '042', 'index.html'), 'utf8')).toContain('*|UNSUB|*');
    const fromIssues = buildAgain(root, ['--target', 'mailchimp'], join(root, 'issues'));
    expect(fromIssues.rendered).toBe(true);
    expect(fromIssues.stderr).toMatch(/^042[\\/]issue\.md/m);
  });

  const touched: [string, (folder: string) => void, (run: ReturnType<typeof buildAgain>, folder: string) => void][] = [
    ['a file edited: refused, as without memory', (folder) => writeFileSync(join(folder, 'index.html'), '<p>retouchée</p>'), (run) => {
      expect(run.code).toBe(2);
      expect(run.stderr).toContain("out/042/index.html a été modifié depuis que pvd l'a écrit");
    }],
    ['a file added: refused, and kept', (folder) => writeFileSync(join(folder, 'notes.txt'), 'à garder'), (run, folder) => {
      expect(run.code).toBe(2);
      expect(readFileSync(join(folder, 'notes.txt'), 'utf8')).toBe('à garder');
    }],
    ['a file removed: written again', (folder) => rmSync(join(folder, 'index.txt')), (run, folder) => {
      expect(run.code).toBe(0);
      expect(run.stdout).not.toContain('inchangé');
      expect(existsSync(join(folder, 'index.txt'))).toBe(true);
    }],
    ['the folder removed: written again', (folder) => rmSync(folder, { recursive: true }), (run, folder) => {
      expect(run.code).toBe(0);
      expect(existsSync(join(folder, 'index.html'))).toBe(true);
    }],
  ];
  it.each(touched)('is rendered again when out/042/ was touched, %s', (_what, touch, expectation) => {
    const root = builtProject();
    const folder = join(root, 'out', '042');
    touch(folder);
    const again = buildAgain(root);
    expect(again.rendered).toBe(true);
    expect(again.stdout).not.toContain('inchangé');
    expectation(again, folder);
  });

  it('builds as usual when what it remembered is damaged', () => {
    const root = builtProject();
    const entry = join(CACHE, 'builds', `${createHash('sha256').update(`${join(root, 'out')}\0${join(root, 'issues', '042', 'issue.md')}`).digest('hex').slice(0, 32)}.bin`);
    const bytes = readFileSync(entry);
    const keyLine = bytes.subarray(0, bytes.indexOf(0x0a) + 1);
    writeFileSync(entry, Buffer.concat([keyLine, Buffer.from('pas une sérialisation v8')]));
    const again = buildAgain(root);
    expect(again.code).toBe(0);
    expect(again.rendered).toBe(true);
    expect(again.stdout).toContain('— inchangé');
    // And remembered again, whole.
    expect(buildAgain(root).rendered).toBe(false);
  });

  it('is printed afresh with --stdout, which writes and remembers nothing', () => {
    const root = builtProject();
    const printed = runPvd(['build', '42', '--stdout', 'html'], { cwd: root });
    expect(printed.code).toBe(0);
    expect(printed.stdout).toBe(readFileSync(join(root, 'out', '042', 'index.html'), 'utf8'));
  });
});

describe('pvd build --all, with issues built before', () => {
  it('renders only the issue edited since, on the threads as on this one', () => {
    const root = makeProject();
    for (let number = 101; number <= 116; number++) {
      const folder = join(root, 'issues', String(number));
      cpSync(join(root, 'issues', '042'), folder, { recursive: true });
      editIssue(root, String(number), (source) => source.replace(/^number: .*$/m, `number: ${number}`));
    }
    expect(runPvd(['build', '--all'], { cwd: root }).code).toBe(0);
    const manifests = () => Object.fromEntries(readdirSync(join(root, 'out')).filter((name) => /^\d+$/.test(name)).map((name) => [name, readFileSync(join(root, 'out', name, '.pvd-manifest.json'), 'utf8')]));
    const before = manifests();
    editIssue(root, '107', (source) => source.replace('**Chaque', '**Tous les mois, chaque'));
    const again = buildCounting(['--all'], root);
    expect(again.code).toBe(0);
    expect(again.renders).toBe(1);
    expect(again.stdout.match(/— inchangé/g)).toHaveLength(16);
    expect(again.stdout).toMatch(/out\/107\/ : index\.html \([^)]*\), index\.txt, issue\.eml, \d+ image\(s\)\n/);
    const after = manifests();
    expect(Object.keys(after).filter((name) => after[name] !== before[name])).toEqual(['107']);
    expect(again.stdout).toContain('archive web de 17 numéro(s)');
  });
});
