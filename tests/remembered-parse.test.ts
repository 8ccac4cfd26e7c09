import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { afterEach, describe, expect, it } from 'vitest';
import { parseIssue, type LoadedIssue } from '../src/issue/parse.js';
import { reviveParse, storedParse } from '../src/issue/remembered-parse.js';
import { loadTemplate } from '../src/template/load.js';
import { ISSUE_042, makeProject, REPO, runPvd } from './helpers.js';

const catalog = loadTemplate(REPO).config.sections;
const PATH = '/tmp/issues/042/issue.md';
const FRONT = '---\nnumber: 42\ndate: 2024-12-16\nsubject: "S"\npreheader: "P"\nstatus: draft\ncredits: [ANCT]\n---\n';

/** A parse through the cache's storage and back, as a later run reads it. */
function throughStorage(loaded: LoadedIssue): LoadedIssue {
  return reviveParse(deserialize(serialize(storedParse(loaded, catalog))) as Parameters<typeof reviveParse>[0], catalog);
}

describe('a parse kept in the cache', () => {
  const sources = {
    '#42': readFileSync(ISSUE_042, 'utf8'),
    'an unknown section, a title, a rule, an unused definition': `${FRONT}\n## Rubrique inconnue\n\n[mot](https://a.fr "titre")\n\n---\n\n[libre]: https://b.fr\n`,
    'a header that is not YAML': '---\nnumber: [\n---\n\nTexte.\n',
    'a header that never closes': '---\nnumber: 42\n',
    'prototype keys in the header': `---\n__proto__: { polluted: true }\nconstructor: x\nnumber: 42\n---\n\nTexte.\n`,
    'nothing at all': '',
  };

  for (const [name, source] of Object.entries(sources)) {
    it(`is the very parse it was made from: ${name}`, () => {
      const fresh = parseIssue(source, PATH, 'issue.md', catalog);
      expect(throughStorage(parseIssue(source, PATH, 'issue.md', catalog))).toStrictEqual(fresh);
    });
  }

  it('points each section at the template\'s own catalog entry, which rules compare by identity', () => {
    const revived = throughStorage(parseIssue(sources['#42'], PATH, 'issue.md', catalog));
    const places = revived.issue!.sections.map((section) => catalog.indexOf(section.entry!));
    expect(places.length).toBeGreaterThan(5);
    expect(places).not.toContain(-1);
  });

  it('keeps the header a record without prototype: __proto__ stays data', () => {
    const revived = throughStorage(parseIssue(sources['prototype keys in the header'], PATH, 'issue.md', catalog));
    const data = revived.issue!.data;
    expect(Object.getPrototypeOf(data)).toBeNull();
    expect(Object.keys(data)).toEqual(['__proto__', 'constructor', 'number']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('leaves the parse it stores as it was', () => {
    const loaded = parseIssue(sources['#42'], PATH, 'issue.md', catalog);
    const entries = loaded.issue!.sections.map((section) => section.entry);
    storedParse(loaded, catalog);
    expect(loaded.issue!.sections.map((section) => section.entry)).toEqual(entries);
    expect(entries.every((entry) => entry !== undefined)).toBe(true);
  });
});

describe('pvd remembering the issues it parsed', () => {
  const CACHE = join(REPO, 'node_modules', '.cache', 'pvd', 'issues');
  const entryOf = (path: string) => join(CACHE, `${createHash('sha256').update(path).digest('hex').slice(0, 32)}.bin`);
  const written: string[] = [];
  afterEach(() => {
    for (const entry of written.splice(0)) rmSync(entry, { force: true });
  });

  /** A project and its #42, whose cache entry the test removes. */
  function project(): { root: string; issue: string; entry: string } {
    const root = makeProject();
    const issue = join(root, 'issues', '042', 'issue.md');
    const entry = entryOf(issue);
    written.push(entry);
    return { root, issue, entry };
  }

  it('keeps one entry per issue, and reads it on the next run', () => {
    const { root, entry } = project();
    expect(existsSync(entry)).toBe(false);
    const first = runPvd(['lint', 'issues/042/issue.md'], { cwd: root });
    expect(first.code, first.stderr).toBe(0);
    expect(existsSync(entry)).toBe(true);
    // A parse that says something of its own, put in the entry: the next run says it, so it read the entry, not the file.
    const bytes = readFileSync(entry);
    const end = bytes.indexOf(0x0a);
    const stored = deserialize(bytes.subarray(end + 1)) as { loaded: LoadedIssue };
    stored.loaded.problems.push({ file: 'issues/042/issue.md', line: 3, column: 1, severity: 'error', rule: 'parse', messageId: 'doctored', message: { fr: 'lu dans le cache', en: 'read from the cache' } });
    writeFileSync(entry, Buffer.concat([bytes.subarray(0, end + 1), serialize(stored)]));
    const second = runPvd(['lint', 'issues/042/issue.md'], { cwd: root });
    expect(second.stdout + second.stderr).toContain('lu dans le cache');
  });

  it('parses an edited issue afresh, and replaces its entry', () => {
    const { root, issue, entry } = project();
    expect(runPvd(['lint', 'issues/042/issue.md'], { cwd: root }).code).toBe(0);
    const before = readFileSync(entry);
    writeFileSync(issue, readFileSync(issue, 'utf8').replace("## L'actu", '## Rubrique inconnue'));
    const edited = runPvd(['lint', 'issues/042/issue.md'], { cwd: root });
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('unknown-section');
    expect(readFileSync(entry).equals(before)).toBe(false);
  });

  it('says each problem where the user stands: the path shown is part of the key', () => {
    const { root, issue } = project();
    writeFileSync(issue, readFileSync(issue, 'utf8').replace("## L'actu", '## Rubrique inconnue'));
    expect(runPvd(['lint', 'issues/042/issue.md'], { cwd: root }).stdout).toMatch(/^issues\/042\/issue\.md:\d+:1 /m);
    expect(runPvd(['lint', 'issue.md'], { cwd: join(root, 'issues', '042') }).stdout).toMatch(/^issue\.md:\d+:1 /m);
  });

  it('parses afresh over a damaged entry', () => {
    const { root, entry } = project();
    expect(runPvd(['lint', 'issues/042/issue.md'], { cwd: root }).code).toBe(0);
    const bytes = readFileSync(entry);
    // The key kept, what follows it cut short.
    writeFileSync(entry, bytes.subarray(0, bytes.indexOf(0x0a) + 40));
    const run = runPvd(['lint', 'issues/042/issue.md'], { cwd: root });
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toContain('1 numéro vérifié, aucun problème');
    // Written again whole.
    expect(readFileSync(entry).length).toBe(bytes.length);
  });
});

describe('pvd remembering a text far longer than any issue', () => {
  it('parses it, and keeps nothing of it', () => {
    const root = makeProject();
    const issue = join(root, 'issues', '042', 'issue.md');
    const entry = join(REPO, 'node_modules', '.cache', 'pvd', 'issues', `${createHash('sha256').update(issue).digest('hex').slice(0, 32)}.bin`);
    try {
      writeFileSync(issue, `${readFileSync(issue, 'utf8')}\n${'Un paragraphe de plus pour la longueur.\n\n'.repeat(8_000)}`);
      const run = runPvd(['lint', 'issues/042/issue.md'], { cwd: root });
      expect(run.stdout + run.stderr).not.toContain('erreur inattendue');
      expect(existsSync(entry)).toBe(false);
    } finally {
      rmSync(entry, { force: true });
    }
  });
});

describe('pvd remembering each stretch of an issue, heading to heading', () => {
  const entryOf = (kind: string, path: string) => join(REPO, 'node_modules', '.cache', 'pvd', kind, `${createHash('sha256').update(path).digest('hex').slice(0, 32)}.bin`);
  const written: string[] = [];
  afterEach(() => {
    for (const entry of written.splice(0)) rmSync(entry, { force: true });
  });
  function project(): { root: string; issue: string; chunks: string; forget: () => void } {
    const root = makeProject();
    const issue = join(root, 'issues', '042', 'issue.md');
    const entries = [entryOf('issues', issue), entryOf('chunks', issue)];
    written.push(...entries);
    return { root, issue, chunks: entries[1]!, forget: () => entries.forEach((entry) => rmSync(entry, { force: true })) };
  }
  const lint = (root: string) => runPvd(['lint', 'issues/042/issue.md', '--format', 'json'], { cwd: root });

  it('says of an edited issue exactly what a parse of the whole says: rules, lines and columns', () => {
    const { root, issue, chunks, forget } = project();
    expect(lint(root).code).toBe(0);
    expect(existsSync(chunks)).toBe(true);
    // A line more in the second section moves every later one; a problem in a later section is where it is.
    const source = readFileSync(issue, 'utf8');
    writeFileSync(issue, source.replace('## Le chiffre du mois\n', '## Le chiffre du mois\n\nUne ligne de plus.\n').replace('## Le Club\n', '## Le Club\n\nDeux  espaces et [ici](javascript:alert(1)).\n'));
    const edited = lint(root);
    forget();
    const whole = lint(root);
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain('double-space');
    expect(edited.stdout).toBe(whole.stdout);
  });

  it('reads the stretches it remembers: a doctored one shows, once another is edited', () => {
    const { root, issue, chunks } = project();
    expect(lint(root).code).toBe(0);
    const bytes = readFileSync(chunks);
    const end = bytes.indexOf(0x0a);
    const stored = new Map(deserialize(bytes.subarray(end + 1)) as [string, { children: { type: string; children?: { value?: string }[] }[] }][]);
    const actu = [...stored.entries()].find(([text]) => text.startsWith("## L'actu"))!;
    actu[1].children[0]!.children![0]!.value = 'Rubrique inconnue';
    writeFileSync(chunks, Buffer.concat([bytes.subarray(0, end + 1), serialize([...stored])]));
    writeFileSync(issue, `${readFileSync(issue, 'utf8')}\nUn mot de plus.\n`);
    expect(lint(root).stdout).toContain('unknown-section');
  });

  it('parses every stretch afresh over a damaged entry', () => {
    const { root, issue, chunks } = project();
    expect(lint(root).code).toBe(0);
    const bytes = readFileSync(chunks);
    writeFileSync(chunks, bytes.subarray(0, bytes.indexOf(0x0a) + 40));
    writeFileSync(issue, `${readFileSync(issue, 'utf8')}\nUn mot de plus.\n`);
    const run = lint(root);
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(readFileSync(chunks).length).toBeGreaterThan(bytes.length / 2);
  });
});
