import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../src/render/typography.js';
import { runPvd } from './helpers.js';
import { projectCopies } from './lint/french/support.js';

const NBSP = '\u00a0';
const NNBSP = '\u202f';
const makeProject = projectCopies();

describe('the kind of no-break space (template.yaml typography.thinSpaces)', () => {
  it('is U+00A0 everywhere by default', () => {
    expect(frenchTypography('Vraiment ? Oui ; « bien » : 84 %')).toBe(`Vraiment${NBSP}? Oui${NBSP}; «${NBSP}bien${NBSP}»${NBSP}: 84${NBSP}%`);
  });

  it('is the narrow U+202F before ; ! ? and inside « » with thinSpaces, the colon and units keeping U+00A0', () => {
    expect(frenchTypography('Vraiment ? Oui ; « bien » : 84 % à 14 h 00 !', { thinSpaces: true }))
      .toBe(`Vraiment${NNBSP}? Oui${NNBSP}; «${NNBSP}bien${NNBSP}»${NBSP}: 84${NBSP}% à 14${NBSP}h${NBSP}00${NNBSP}!`);
    // A no-break space the author typed takes the kind the template asks for.
    expect(frenchTypography(`Oui${NBSP}!`, { thinSpaces: true })).toBe(`Oui${NNBSP}!`);
    expect(frenchTypography(`Oui${NNBSP}!`)).toBe(`Oui${NBSP}!`);
  });

  it('reaches the built HTML and plaintext of #42, header and footer included', () => {
    const root = makeProject();
    const yaml = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('  thinSpaces: false', '  thinSpaces: true'));
    const html = runPvd(['build', '42', '--stdout', 'html'], { cwd: root });
    expect(html.code).toBe(0);
    expect(html.stdout).toContain(`Inscrivez-vous${NNBSP}!`);
    expect(html.stdout).toContain(`«${NNBSP}La qualité d'habiter${NNBSP}»`);
    // The footer's legal notice, which the render context prepares.
    expect(html.stdout).toContain(`«${NNBSP}Informatique et libertés${NNBSP}»`);
    expect(html.stdout).not.toContain(`Inscrivez-vous${NBSP}!`);
    const text = runPvd(['build', '42', '--stdout', 'text'], { cwd: root }).stdout;
    expect(text).toContain(`Inscrivez-vous${NNBSP}!`);
    expect(text).toContain(`«${NNBSP}Informatique et libertés${NNBSP}»`);
    const plain = runPvd(['build', '42', '--stdout', 'html'], { cwd: makeProject() }).stdout;
    expect(plain).toContain(`Inscrivez-vous${NBSP}!`);
    expect(plain).not.toContain(NNBSP);
  });

  it('refuses a value that is not true or false, at its line', () => {
    const root = makeProject();
    const yaml = join(root, 'templates', 'pvd', 'template.yaml');
    const text = readFileSync(yaml, 'utf8').replace('  thinSpaces: false', '  thinSpaces: oui');
    writeFileSync(yaml, text);
    const run = runPvd(['lint', '42'], { cwd: root });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`templates/pvd/template.yaml:${text.split('\n').indexOf('  thinSpaces: oui') + 1}:15  typography.thinSpaces : true ou false.\n`);
  });
});
