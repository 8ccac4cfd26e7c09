import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import juice from 'juice/client';
import juiceCheerio from 'juice/lib/cheerio';
import { TemplateError } from '../errors.js';
import { readCached, writeCached } from '../io/cache.js';
import { shownPath } from '../io/paths.js';
import { readDesignFiles } from '../template/files.js';
import type { Template } from '../template/model.js';
import type { RenderContext } from './context.js';
import { buildHtmlView } from './html-view.js';
import { rememberJuiceParses } from './juice-memo.js';
import { withSelectorIndex } from './selector-index.js';
import { templateSyntaxProblem } from './template-syntax.js';
import { checkTemplateReferences } from './template-check.js';

export interface CompiledTemplate {
  layout: Handlebars.TemplateDelegate;
  css: string;
  textLayout: Handlebars.TemplateDelegate;
}

const LAYOUT_OPTIONS = { strict: false, preventIndent: true } as const;
const TEXT_OPTIONS = { noEscape: true, strict: false } as const;
// Part of the cache key: a change to how templates are compiled invalidates every entry.
const CACHE_FORMAT = 'pvd-templates-1';

/** What compiling templates/<name>/ yields, kept between runs (Handlebars' own precompiled form). */
interface CompiledSpecs {
  layout: string;
  partials: Record<string, string>;
  textLayout: string;
  css: string;
}

/**
 * Compiles layout.hbs, partials/*.hbs, layout.txt.hbs and styles.css once per template
 * (reused by --all). Compiling them costs a build ~50 ms, so the result is kept in pvd's
 * node_modules/.cache/pvd/, keyed by a hash of every source, the colours and the
 * Handlebars version: any change to them compiles afresh.
 */
export function compileTemplate(template: Template): CompiledTemplate {
  const sources = readDesignFiles(template);
  const hash = createHash('sha256').update(CACHE_FORMAT).update('\0').update(Handlebars.VERSION).update('\0').update(JSON.stringify(template.config.colors));
  for (const [name, source] of Object.entries(sources)) hash.update('\0').update(name).update('\0').update(source);
  const key = hash.digest('hex');
  const specs = readCached<CompiledSpecs>('template', key) ?? writeCached('template', key, compileSpecs(template, sources));
  const handlebars = Handlebars.create();
  const load = (spec: string) => handlebars.template(new Function(`return ${spec}`)() as TemplateSpecification);
  for (const [name, spec] of Object.entries(specs.partials)) handlebars.registerPartial(name, load(spec));
  return { layout: load(specs.layout), css: specs.css, textLayout: load(specs.textLayout) };
}

type TemplateSpecification = Parameters<typeof Handlebars.template>[0];

function compileSpecs(template: Template, sources: Record<string, string>): CompiledSpecs {
  // Handlebars compiles lazily: parsing every file now reports a designer's typo with its
  // file and line before any issue is rendered.
  for (const [name, source] of Object.entries(sources)) {
    const problem = templateSyntaxProblem(source);
    if (problem) {
      throw new TemplateError({ file: shownPath(join(template.folder, name), { outside: 'relative' }), line: problem.line, column: problem.column, severity: 'error', rule: 'template', messageId: 'handlebars', message: problem.message });
    }
  }
  checkTemplateReferences(template, sources);
  const partials: Record<string, string> = {};
  for (const [name, source] of Object.entries(sources)) {
    if (name.startsWith('partials')) partials[basename(name, '.hbs')] = String(Handlebars.precompile(source, LAYOUT_OPTIONS));
  }
  // styles.css takes the brand colours from template.yaml: clients ignore CSS variables.
  const css = Handlebars.create().compile(sources['styles.css']!, { noEscape: true })({ colors: template.config.colors });
  return {
    layout: String(Handlebars.precompile(sources['layout.hbs']!, LAYOUT_OPTIONS)),
    partials,
    textLayout: String(Handlebars.precompile(sources['layout.txt.hbs']!, TEXT_OPTIONS)),
    css,
  };
}

/** Issue → email HTML: Handlebars with escaped data, then every CSS rule inlined by juice. */
export function renderHtml(context: RenderContext, compiled: CompiledTemplate): string {
  return tidy(inlineCss(compiled.layout(buildHtmlView(context, compiled.css))));
}

/** What `juice(html, JUICE_OPTIONS)` gives, with juice's CSS queries answered from an index of the document. */
export function inlineCss(html: string): string {
  rememberJuiceParses();
  return juiceCheerio(html, { xmlMode: false }, ($) => {
    juice.juiceDocument(withSelectorIndex($), JUICE_OPTIONS);
    return $;
  }, []);
}

export const JUICE_OPTIONS: juice.Options = {
  preserveMediaQueries: true,
  preserveFontFaces: true,
  preserveImportant: true,
  removeStyleTags: true,
  applyWidthAttributes: false,
  applyHeightAttributes: false,
  applyAttributesTableElements: true,
  insertPreservedExtraCss: true,
  // The template uses no CSS variables (email clients ignore them): skip juice's pass for them.
  resolveCSSVariables: false,
  xmlMode: false,
};

/** Drops the blank lines left by template tags: bytes count against Gmail's 102 KB clip. */
function tidy(html: string): string {
  return html.replace(/\n[ \t]*(?=\n)/g, '').replace(/^\s+/, '') + (html.endsWith('\n') ? '' : '\n');
}
