import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import juice from 'juice';
import { displayPath } from '../project.js';
import { TemplateError } from '../template/load.js';
import type { Template } from '../template/model.js';
import type { RenderContext } from './context.js';
import { buildHtmlView } from './html-view.js';

export interface CompiledTemplate {
  layout: Handlebars.TemplateDelegate;
  css: string;
  textLayout: string;
}

/** Compiles layout.hbs, partials/*.hbs and styles.css once per template (reused by --all). */
export function compileTemplate(template: Template): CompiledTemplate {
  const handlebars = Handlebars.create();
  // Handlebars compiles lazily: parsing every file now reports a designer's typo with its
  // file and line before any issue is rendered.
  const read = (name: string): string => {
    const path = join(template.folder, name);
    const source = readFileSync(path, 'utf8');
    try {
      Handlebars.parse(source);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      const line = Number(/line (\d+)/.exec(detail)?.[1] ?? 1);
      throw new TemplateError({
        file: displayPath(path), line, column: 1, severity: 'error', rule: 'template',
        message: { fr: `Erreur de syntaxe Handlebars dans le gabarit : ${detail.split('\n')[0]}`, en: `Handlebars syntax error in the template: ${detail.split('\n')[0]}` },
      });
    }
    return source;
  };
  for (const file of readdirSync(join(template.folder, 'partials')).filter((name) => name.endsWith('.hbs')).sort()) {
    handlebars.registerPartial(basename(file, '.hbs'), read(join('partials', file)));
  }
  // styles.css takes the brand colours from template.yaml: clients ignore CSS variables.
  const css = handlebars.compile(read('styles.css'), { noEscape: true })({ colors: template.config.colors });
  return {
    layout: handlebars.compile(read('layout.hbs'), { strict: false, preventIndent: true }),
    css,
    textLayout: read('layout.txt.hbs'),
  };
}

/** Issue → email HTML: Handlebars with escaped data, then every CSS rule inlined by juice. */
export function renderHtml(context: RenderContext, compiled: CompiledTemplate): string {
  const html = compiled.layout(buildHtmlView(context, compiled.css));
  const inlined = juice(html, {
    preserveMediaQueries: true,
    preserveFontFaces: true,
    preserveImportant: true,
    removeStyleTags: true,
    applyWidthAttributes: false,
    applyHeightAttributes: false,
    applyAttributesTableElements: true,
    insertPreservedExtraCss: true,
    xmlMode: false,
  });
  return tidy(inlined);
}

/** Drops the blank lines left by template tags: bytes count against Gmail's 102 KB clip. */
function tidy(html: string): string {
  return html.replace(/\n[ \t]*(?=\n)/g, '').replace(/^\s+/, '') + (html.endsWith('\n') ? '' : '\n');
}
