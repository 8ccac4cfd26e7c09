import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { TemplateError } from '../src/errors.js';
import { loadTemplate } from '../src/template/load.js';
import { lineOf, REPO, makeProject } from './helpers.js';

const CACHE = join(REPO, 'node_modules', '.cache', 'pvd');
const templateYaml = (root: string) => join(root, 'templates', 'pvd', 'template.yaml');
const entries = () => new Set(existsSync(CACHE) ? readdirSync(CACHE).filter((name) => name.startsWith('template-config-')) : []);

/**
 * A project whose template.yaml no other test has: a name of its own makes its cache key
 * unique, and tells the entries this test writes from those other test files write meanwhile.
 */
let before = new Set<string>();
let tag = '';
function uniqueProject(): string {
  const root = makeProject({ issues: false });
  tag = basename(root);
  writeFileSync(templateYaml(root), readFileSync(templateYaml(root), 'utf8').replace(/^name: .*$/m, `name: "Lettre ${tag}"`));
  before = entries();
  return root;
}
/** The cache entries written since uniqueProject(), for its template. */
const written = () => [...entries()].filter((name) => !before.has(name) && readFileSync(join(CACHE, name), 'utf8').includes(tag));

// The cache lives in pvd's own node_modules: what a test writes there, it removes.
afterEach(() => {
  for (const name of written()) rmSync(join(CACHE, name), { force: true });
});

describe('the validated template.yaml kept between runs', () => {
  it('writes one entry per template.yaml, and reads the template back from it', () => {
    const root = uniqueProject();
    const first = loadTemplate(root);
    const [entry] = written();
    expect(written()).toHaveLength(1);
    const kept = JSON.parse(readFileSync(join(CACHE, entry!), 'utf8')) as { key: string; value: { config: { name: string } } };
    expect(kept.value.config).toEqual(first.config);
    // Read back, not validated again: what the entry says is what loadTemplate returns.
    kept.value.config.name = `Lu depuis le cache ${tag}`;
    writeFileSync(join(CACHE, entry!), JSON.stringify(kept));
    expect(loadTemplate(root).config.name).toBe(`Lu depuis le cache ${tag}`);
    expect(written()).toHaveLength(1);
  });

  it('never hides an edit: a new name is seen at once', () => {
    const root = uniqueProject();
    loadTemplate(root);
    writeFileSync(templateYaml(root), readFileSync(templateYaml(root), 'utf8').replace(/^name: .*$/m, `name: "La lettre de test ${tag}"`));
    expect(loadTemplate(root).config.name).toBe(`La lettre de test ${tag}`);
    expect(written()).toHaveLength(2);
  });

  it('never hides a mistake: a broken template is reported with its line, after a valid one was kept', () => {
    const root = uniqueProject();
    loadTemplate(root);
    writeFileSync(templateYaml(root), readFileSync(templateYaml(root), 'utf8').replace('primary: "#000091"', 'primary: "bleu"'));
    const line = lineOf(templateYaml(root), 'primary: "bleu"');
    expect(() => loadTemplate(root)).toThrow(TemplateError);
    const error = (() => {
      try {
        loadTemplate(root);
      } catch (thrown) {
        return thrown as TemplateError;
      }
    })();
    expect(error!.diagnostic).toMatchObject({ line, column: 12, rule: 'template' });
    expect(error!.diagnostic.message.fr).toBe('colors.primary : couleur au format #RRGGBB attendue (par exemple "#000091", entre guillemets).');
    // Only the valid one was kept.
    expect(written()).toHaveLength(1);
  });

  it('survives a corrupt entry: validates again and rewrites it', () => {
    const root = uniqueProject();
    const expected = loadTemplate(root);
    const [entry] = written();
    writeFileSync(join(CACHE, entry!), '{ not json');
    expect(loadTemplate(root)).toEqual(expected);
    expect(JSON.parse(readFileSync(join(CACHE, entry!), 'utf8')).value.config).toEqual(expected.config);
  });
});
