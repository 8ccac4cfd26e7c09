import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateSyntaxProblem } from '../src/render/template-syntax.js';
import { makeProject, runPvd } from './helpers.js';

describe('a Handlebars mistake in the template', () => {
  it('is nothing when the template reads', () => {
    expect(templateSyntaxProblem('<p>{{#if label}}{{label}}{{/if}}</p>\n')).toBeUndefined();
  });

  it('a block left open: located at its opening, with the closing tag to add', () => {
    expect(templateSyntaxProblem('<table>\n  {{#each items}}\n    {{#if title}}<h3>{{title}}</h3>{{/if}}\n</table>\n')).toEqual({
      line: 2, column: 3,
      message: {
        fr: 'Le bloc « {{#each}} » n’est jamais refermé : ajoutez « {{/each}} » là où il finit.',
        en: 'The block "{{#each}}" is never closed: add "{{/each}}" where it ends.',
      },
    });
  });

  it('a block closed by another name: located at the opening block, naming both', () => {
    const problem = templateSyntaxProblem('<p>\n{{#if x}}b{{/each}}\n');
    expect(problem).toMatchObject({ line: 2, column: 4 });
    expect(problem!.message.fr).toBe('« {{/each}} » ferme le bloc « {{#if}} » ouvert ici : un bloc se ferme par son propre nom, le dernier ouvert d\'abord. Écrivez « {{/if}} ».');
  });

  it('a tag with one brace too few: located where the parser stopped, even past the first 20 characters of a line', () => {
    const line = '<p class="intro">Bonjour {{prenom}, bienvenue</p>';
    const problem = templateSyntaxProblem(`<div>\n${line}\n</div>\n`);
    expect(problem).toMatchObject({ line: 2, column: line.indexOf('}, ') + 1 });
    expect(problem!.message.fr).toMatch(/^Balise mal fermée : une balise Handlebars s’écrit avec deux accolades de chaque côté/);
  });

  it('anything else: located, in French, without the parser’s English', () => {
    const problem = templateSyntaxProblem('<p>{{> }}</p>');
    expect(problem).toMatchObject({ line: 1, column: 8 });
    expect(problem!.message.fr).toBe('Syntaxe Handlebars incorrecte à cet endroit (trouvé : }}) : vérifiez la balise, par exemple « {{nom}} », « {{#if nom}}…{{/if}} », « {{> partiel}} ».');
    expect(problem!.message.fr).not.toMatch(/Parse error|Expecting/);
  });

  it('stops pvd build with the file, line and column, exit 2', () => {
    const root = makeProject();
    const partial = join(root, 'templates', 'pvd', 'partials', 'block-button.hbs');
    writeFileSync(partial, '<table>\n{{#if label}}<p>{{label}}</p>\n</table>\n');
    const result = runPvd(['build', '42'], { cwd: root });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('templates/pvd/partials/block-button.hbs:2:1  Le bloc « {{#if}} » n’est jamais refermé : ajoutez « {{/if}} » là où il finit.\n');
  });
});
