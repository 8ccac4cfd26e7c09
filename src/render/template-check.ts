import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import type { Message } from '../i18n/lang.js';
import { shownPath } from '../io/paths.js';
import { TemplateError } from '../errors.js';
import type { Template } from '../template/model.js';
import { BLOCK_PARTIALS } from './html-view.js';


interface Node {
  type: string;
  loc?: { start: { line: number; column: number } };
  path?: Node & { original?: string; parts?: string[]; data?: boolean };
  name?: Node & { original?: string; value?: string };
  params?: Node[];
  hash?: Node;
}

/**
 * Handlebars reports a missing partial or an unknown helper only when rendering reaches
 * it, with no file and no line. Every template file is walked once when compiled: each
 * helper call must name a helper, each partial a file of partials/, and every partial
 * pvd asks for by name (one per section kind, one per block) must exist.
 */
export function checkTemplateReferences(template: Template, sources: Readonly<Record<string, string>>): void {
  const partials = new Set(Object.keys(sources).filter((name) => name.endsWith('.hbs') && name !== 'layout.hbs' && name !== 'layout.txt.hbs').map((name) => basename(name, '.hbs')));
  const helpers = new Set(Object.keys(Handlebars.create().helpers).filter((helper) => !helper.endsWith('Missing')));
  let dynamicCall: { file: string; node: Node } | undefined;
  for (const [name, source] of Object.entries(sources)) {
    const file = join(template.folder, name);
    const fail = (node: Node, message: Message): never => {
      throw new TemplateError({ file: shownPath(file, { outside: 'relative' }), line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1, severity: 'error', rule: 'template', messageId: 'reference', message });
    };
    walk(Handlebars.parse(source) as unknown as Node, (node) => {
      if (node.type === 'PartialStatement' && node.name) {
        if (node.name.type === 'SubExpression') {
          dynamicCall ??= { file, node };
        } else {
          const partial = node.name.original ?? node.name.value ?? '';
          if (!partials.has(partial)) {
            fail(node, {
              fr: `le partial « ${partial} » n'existe pas : créez partials/${partial}.hbs, ou corrigez le nom (les partials sont ${[...partials].sort().join(', ')}).`,
              en: `the partial "${partial}" does not exist: create partials/${partial}.hbs, or fix the name (the partials are ${[...partials].sort().join(', ')}).`,
            });
          }
        }
      }
      const callsHelper = (node.type === 'MustacheStatement' || node.type === 'SubExpression' || node.type === 'BlockStatement') && ((node.params?.length ?? 0) > 0 || node.hash !== undefined);
      if (callsHelper && node.path) {
        const helper = node.path.original ?? '?';
        if (node.path.type !== 'PathExpression' || node.path.data || node.path.parts?.length !== 1 || !helpers.has(helper)) {
          fail(node, {
            fr: `« ${helper} » n'est pas une fonction (helper) connue de Handlebars : les fonctions sont ${[...helpers].sort().join(', ')}. Corrigez le nom, ou écrivez {{${helper}}} sans argument pour afficher une valeur.`,
            en: `"${helper}" is not a helper Handlebars knows: the helpers are ${[...helpers].sort().join(', ')}. Fix the name, or write {{${helper}}} without arguments to show a value.`,
          });
        }
      }
    });
  }
  const needed = [...new Set(template.config.sections.map((section) => section.kind)), ...BLOCK_PARTIALS];
  const missing = needed.find((partial) => !partials.has(partial));
  if (missing && dynamicCall) {
    const { file, node } = dynamicCall;
    throw new TemplateError({
      file: shownPath(file, { outside: 'relative' }), line: node.loc?.start.line ?? 1, column: (node.loc?.start.column ?? 0) + 1, severity: 'error', rule: 'template', messageId: 'missingPartial',
      message: {
        fr: `le gabarit n'a pas de partial « ${missing} » (partials/${missing}.hbs), que pvd appelle ici pour ${(BLOCK_PARTIALS as readonly string[]).includes(missing) ? 'le contenu des numéros' : `les rubriques de type ${missing}`} : créez ce fichier.`,
        en: `the template has no partial "${missing}" (partials/${missing}.hbs), which pvd calls here for ${(BLOCK_PARTIALS as readonly string[]).includes(missing) ? 'the content of issues' : `sections of kind ${missing}`}: create that file.`,
      },
    });
  }
}

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) {
    for (const child of node) walk(child, visit);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  if (typeof (node as Node).type === 'string') visit(node as Node);
  for (const [key, value] of Object.entries(node)) if (key !== 'loc') walk(value, visit);
}
