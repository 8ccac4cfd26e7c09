import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineRule, type AnyRule } from '../src/lint/rule.js';
import { openSession } from '../src/pipeline/session.js';
import { createRenders } from '../src/preview/renders.js';
import { renderTarget } from '../src/preview/snapshot.js';
import { compileTemplate } from '../src/render/index.js';
import { findProject, resolveIssues } from '../src/project.js';
import { editIssue, makeProject } from './helpers.js';

/** Issue 42 of a project copy, with a clock that gives 1000, 2000, 3000… at each reading (read only for a new email). */
function rendersOf(root: string) {
  const project = findProject(root);
  const [ref] = resolveIssues(project, ['42']);
  let clock = 0;
  return { renders: createRenders(project, ref!, () => (clock += 1000)), root };
}

describe('the renders the preview holds', () => {
  it('makes one render per tool asked for, the copy as build gives it and the email shown from this server', () => {
    const { renders } = rendersOf(makeProject());
    const generic = renders.get('generic').snapshot;
    const brevo = renders.get('brevo').snapshot;
    expect([generic.target, brevo.target, generic.defaultTarget]).toEqual(['generic', 'brevo', 'generic']);
    expect(brevo.copy!.html).toContain('href="{{ unsubscribe }}"');
    expect(brevo.copy!.html).toContain('src="https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/images/toul.jpg"');
    expect(brevo.email!.html).toContain('src="/assets/042/images/toul.jpg"');
    expect(brevo.email!.html).toContain('<base target="_blank">');
    expect(brevo.email!.text).toBe(brevo.copy!.text);
    expect(brevo.imagesUrl).toBe('https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/images/');
    // Asked again with nothing changed: the same render, not a new one.
    expect(renders.get('brevo')).toBe(renders.get('brevo'));
  });

  it('keeps the last email without errors, with the time it was first shown, while the issue has errors', () => {
    const { renders, root } = rendersOf(makeProject());
    const first = renders.get('generic').snapshot;
    expect(first.email!.at).toBe(1000);
    // A change that changes nothing shown keeps the time: the page is not sent a new snapshot.
    renders.invalidate();
    expect(renders.get('generic').snapshot.email!.at).toBe(1000);

    editIssue(root, '042', (source) => source.replace('retrouvez dans cette lettre', 'découvrez dans cette lettre'));
    renders.invalidate();
    const edited = renders.get('generic').snapshot;
    expect(edited.email!.at).toBe(2000);

    const original = readFileSync(join(root, 'issues', '042', 'issue.md'), 'utf8');
    editIssue(root, '042', (source) => source.replace('## Le chiffre du mois', '## Rubrique inconnue'));
    renders.invalidate();
    const broken = renders.get('generic');
    expect(broken.snapshot.copy).toBeUndefined();
    expect(broken.snapshot.email).toEqual(edited.email);
    expect(broken.snapshot.diagnostics.map((diagnostic) => diagnostic.rule)).toEqual(['unknown-section', 'required-section']);
    // Its pictures are still served, as the email shown points at them.
    expect(renders.asset('/assets/042/images/toul.jpg')?.path).toBe(realpathSync(join(root, 'issues', '042', 'images', 'toul.jpg')));
    // A tool never rendered without errors has nothing to show.
    expect(renders.get('sendy').snapshot.email).toBeUndefined();

    writeFileSync(join(root, 'issues', '042', 'issue.md'), original);
    renders.invalidate();
    expect(renders.get('generic').snapshot.copy).toBeDefined();
  });

  it('knows each picture’s folder: the issue’s, or the template’s for the logo', () => {
    const { renders, root } = rendersOf(makeProject());
    expect(renders.asset('/assets/042/images/toul.jpg')).toEqual({ path: realpathSync(join(root, 'issues', '042', 'images', 'toul.jpg')), root: join(root, 'issues', '042') });
    expect(renders.asset('/assets/042/images/logo-pvd.png')).toEqual({ path: join(root, 'templates', 'pvd', 'images', 'logo-pvd.png'), root: join(root, 'templates', 'pvd') });
    expect(renders.asset('/assets/042/issue.md')).toBeUndefined();
    expect(renders.onlineUrls()).toEqual([
      ...['logo-pvd.png', 'manosque.jpg', 'barometre-afl.jpg', 'toul.jpg', 'commentry.jpg', 'attigny.jpg', 'lassay.jpg', 'mobiliscope.jpg', 'livret-banque-des-territoires.jpg', 'tramayes.jpg']
        .map((image) => `https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/images/${image}`),
      'https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/',
    ]);
  });

  it('follows target: of template.yaml, and keeps the last one it read while the file is broken', () => {
    const { renders, root } = rendersOf(makeProject());
    const templateFile = join(root, 'templates', 'pvd', 'template.yaml');
    const template = readFileSync(templateFile, 'utf8');
    writeFileSync(templateFile, template.replace('\ntarget: generic\n', '\ntarget: brevo\n'));
    expect(renders.defaultTarget()).toBe('brevo');
    writeFileSync(templateFile, template.replace('\ntarget: generic\n', '\ntarget: brevo\ntarget: sendy\n'));
    renders.invalidate();
    expect(renders.defaultTarget()).toBe('brevo');
    const broken = renders.get('brevo').snapshot;
    expect(broken.diagnostics.map(({ rule, severity }) => ({ rule, severity }))).toEqual([{ rule: 'template', severity: 'error' }]);
    expect(broken.copy).toBeUndefined();
  });

  it('reads and lints the issue once per render, and renders it twice: the copy, and the email shown from this server', () => {
    const root = makeProject();
    const project = findProject(root);
    const [ref] = resolveIssues(project, ['42']);
    let visits = 0;
    const counting = defineRule({ id: 'counting', severity: 'warning', description: { fr: 'compte', en: 'counts' }, messages: {}, create: () => ({ issue: () => void visits++ }) });
    const session = openSession(project);
    const opened = { ok: true as const, session: { ...session, rules: [...session.rules, { rule: counting as AnyRule, level: undefined, options: undefined }] }, compiled: compileTemplate(session.template) };
    const fresh = renderTarget({ project, ref: ref!, target: 'generic', defaultTarget: 'generic' }, opened);
    expect(visits).toBe(1);
    expect(fresh.snapshot.copy!.html).toContain('src="https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/images/toul.jpg"');
    expect(fresh.shown!.html).toContain('src="/assets/042/images/toul.jpg"');
  });
});
