import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeProject, runPvd } from './helpers.js';

const templateYaml = (root: string) => join(root, 'templates', 'pvd', 'template.yaml');

describe('template.yaml and the design files, refused where the mistake is', () => {
  it('a key written twice: located, in French, without the YAML parser\'s English', () => {
    const root = makeProject();
    const source = readFileSync(templateYaml(root), 'utf8');
    writeFileSync(templateYaml(root), source.replace('allowRawHtml: false', 'allowRawHtml: false\nallowRawHtml: true'));
    const line = source.split('\n').findIndex((text) => text.startsWith('allowRawHtml:')) + 2;
    const result = runPvd(['lint'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`templates/pvd/template.yaml:${line}:1  Cette clé apparaît deux fois dans le gabarit : gardez-en une seule.\n`);
    expect(runPvd(['lint', '--lang', 'en'], { cwd: root }).stderr).toBe(`templates/pvd/template.yaml:${line}:1  This key appears twice in the template: keep only one.\n`);
  });

  it('the archive page missing: build --all says which file, exit 2', () => {
    const root = makeProject();
    rmSync(join(root, 'templates', 'pvd', 'archive.hbs'));
    const result = runPvd(['build', '--all'], { cwd: root });
    expect(result.stderr).toContain('templates/pvd/archive.hbs:1:1  Fichier du gabarit introuvable : archive.hbs. Restaurez-le (git checkout -- templates/) ou recopiez-le depuis le gabarit livré avec pvd.\n');
    expect(result.code).toBe(2);
  });
});
