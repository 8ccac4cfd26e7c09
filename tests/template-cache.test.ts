import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateError } from '../src/errors.js';
import { loadTemplate } from '../src/template/load.js';
import { REPO, makeProject } from './helpers.js';

const CACHE = join(REPO, 'node_modules', '.cache', 'pvd');
const templateYaml = (root: string) => join(root, 'templates', 'pvd', 'template.yaml');

describe('the validated template.yaml kept between runs', () => {
  it('is read back as it was validated', () => {
    const root = makeProject({ issues: false });
    const first = loadTemplate(root);
    expect(readdirSync(CACHE).some((name) => name.startsWith('template-config-'))).toBe(true);
    expect(loadTemplate(root)).toEqual(first);
  });

  it('never hides an edit: a new name is seen at once', () => {
    const root = makeProject({ issues: false });
    loadTemplate(root);
    writeFileSync(templateYaml(root), readFileSync(templateYaml(root), 'utf8').replace(/^name: .*$/m, 'name: "La lettre de test"'));
    expect(loadTemplate(root).config.name).toBe('La lettre de test');
  });

  it('never hides a mistake: a broken template is reported with its line, after a valid one was kept', () => {
    const root = makeProject({ issues: false });
    loadTemplate(root);
    writeFileSync(templateYaml(root), readFileSync(templateYaml(root), 'utf8').replace('primary: "#000091"', 'primary: "bleu"'));
    const error = (() => {
      try {
        loadTemplate(root);
      } catch (thrown) {
        return thrown;
      }
    })();
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).diagnostic).toMatchObject({ line: expect.any(Number), rule: 'template' });
    expect((error as TemplateError).diagnostic.message.fr).toContain('colors.primary');
  });

  it('survives a corrupt entry', () => {
    const root = makeProject({ issues: false });
    const expected = loadTemplate(root);
    for (const name of readdirSync(CACHE).filter((entry) => entry.startsWith('template-config-'))) writeFileSync(join(CACHE, name), '{ not json');
    expect(loadTemplate(root)).toEqual(expected);
  });
});
