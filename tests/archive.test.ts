import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { editIssue, makeProject, runPvd } from './helpers.js';

/** A copy of #42 as another issue, with its own number, date, subject and status. */
function addIssue(root: string, number: number, fields: { date: string; subject: string; status: 'ready' | 'draft' }): void {
  const folder = String(number).padStart(3, '0');
  cpSync(join(root, 'issues', '042'), join(root, 'issues', folder), { recursive: true });
  editIssue(root, folder, (source) => source
    .replace(/^number: 42$/m, `number: ${number}`)
    .replace(/^date: .*$/m, `date: ${fields.date}`)
    .replace(/^subject: .*$/m, `subject: ${JSON.stringify(fields.subject)}`)
    .replace(/^status: .*$/m, `status: ${fields.status}`));
}

describe('pvd build --all: the web archive', () => {
  let root: string;
  let archive: string;
  let stdout: string;

  beforeAll(() => {
    root = makeProject();
    addIssue(root, 43, { date: '2025-01-20', subject: 'Vœux 2025 & <b>nouveautés</b> du « Club »', status: 'ready' });
    addIssue(root, 44, { date: '2025-02-17', subject: 'Numéro en préparation', status: 'draft' });
    const result = runPvd(['build', '--all'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    stdout = result.stdout;
    archive = readFileSync(join(root, 'out', 'index.html'), 'utf8');
  });

  const entries = () => [...archive.matchAll(/<li><a href="([^"]+)">([\s\S]*?)<\/a><\/li>/g)].map((match) => ({ href: match[1]!, html: match[2]! }));

  it('lists every sent issue, newest first, each linking to its web version', () => {
    expect(entries().map((entry) => entry.href)).toEqual(['043/index.html', '042/index.html']);
    for (const { href } of entries()) expect(existsSync(join(root, 'out', href))).toBe(true);
    expect(entries()[1]!.html).toBe('<span class="number">n° 42</span> <time datetime="2024-12-16">16 décembre 2024</time> <span class="subject">Rencontres PACA, baromètre AFL et agenda de janvier</span>');
    expect(stdout).toContain('out/index.html : archive web de 2 numéro(s)');
  });

  it('leaves drafts out', () => {
    expect(archive).not.toContain('044/');
    expect(archive).not.toContain('Numéro en préparation');
    expect(existsSync(join(root, 'out', '044', 'index.html'))).toBe(true);
  });

  it('escapes the subjects', () => {
    expect(archive).toContain('Vœux 2025 &amp; &lt;b&gt;nouveautés&lt;/b&gt; du « Club »');
    expect(archive).not.toContain('<b>');
  });

  it('is a complete page in French, with no temporary file left beside it', () => {
    expect(archive).toMatch(/^<!doctype html>\n<html lang="fr">/);
    expect(archive).toContain('<meta charset="utf-8">');
    expect(readdirSync(join(root, 'out')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it("is where the generic target's « Voir la version en ligne » leads: publicBaseUrl + NNN/", () => {
    const html = readFileSync(join(root, 'out', '043', 'index.html'), 'utf8');
    expect(html).toContain('<a href="https://agence-cohesion-territoires.gouv.fr/lettre-pvd/043/"');
    expect(html).toContain('src="https://agence-cohesion-territoires.gouv.fr/lettre-pvd/043/images/logo-pvd.png"');
  });

  it('is not written by a build of single issues', () => {
    const project = makeProject();
    expect(runPvd(['build', '42'], { cwd: project }).code).toBe(0);
    expect(existsSync(join(project, 'out', 'index.html'))).toBe(false);
  });

  it('is kept as it was when an issue fails to build', () => {
    const project = makeProject();
    addIssue(project, 43, { date: '2025-01-20', subject: 'Vœux 2025', status: 'ready' });
    expect(runPvd(['build', '--all'], { cwd: project }).code).toBe(0);
    const before = readFileSync(join(project, 'out', 'index.html'), 'utf8');
    editIssue(project, '043', (source) => source.replace('## Le chiffre du mois', '## Le chifre du mois'));
    const failed = runPvd(['build', '--all'], { cwd: project });
    expect(failed.code).toBe(1);
    expect(readFileSync(join(project, 'out', 'index.html'), 'utf8')).toBe(before);
  });
});
