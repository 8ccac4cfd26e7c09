import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as v from 'valibot';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { codeIdentity, readCached, writeCached } from '../io/cache.js';
import { SECTION_KINDS, TARGETS, type Template, type TemplateConfig } from './model.js';

const httpsUrl = (what: string) => v.pipe(v.string(`${what} : texte attendu`), v.regex(/^https:\/\/\S+$/, `${what} : une adresse https:// est attendue`));
const email = (what: string) => v.pipe(v.string(`${what} : texte attendu`), v.email(`${what} : adresse e-mail invalide`));
const text = (what: string) => v.pipe(v.string(`${what} : texte attendu`), v.minLength(1, `${what} : ne doit pas être vide`));
const color = (what: string) => v.pipe(v.string(`${what} : couleur attendue`), v.regex(/^#[0-9a-fA-F]{6}$/, `${what} : couleur au format #RRGGBB attendue`));
const level = v.picklist(['off', 'warning', 'error'], 'niveau de règle : off, warning ou error');

const SectionSchema = v.pipe(
  v.object({
    id: v.pipe(v.string('id : texte attendu'), v.regex(/^[a-z][a-z0-9-]*$/, 'id : lettres minuscules, chiffres et tirets')),
    title: text('title'),
    kind: v.picklist(SECTION_KINDS, `kind : l'un de ${SECTION_KINDS.join(', ')}`),
    required: v.optional(v.boolean('required : true ou false'), false),
    min: v.optional(v.pipe(v.number('min : nombre attendu'), v.integer('min : entier attendu'), v.minValue(0, 'min : au moins 0')), 0),
    max: v.optional(v.pipe(v.number('max : nombre attendu'), v.integer('max : entier attendu'), v.minValue(0, 'max : au moins 0')), 99),
    recurring: v.optional(v.boolean('recurring : true ou false'), false),
    hint: v.optional(v.string('hint : texte attendu'), ''),
  }),
  v.check((section) => section.min <= section.max, 'min doit être inférieur ou égal à max'),
);

const TemplateSchema = v.object({
  name: text('name'),
  organisation: text('organisation'),
  address: text('address'),
  contactEmail: email('contactEmail'),
  privacyEmail: email('privacyEmail'),
  from: v.object({ name: text('from.name'), email: email('from.email') }),
  publicBaseUrl: v.pipe(httpsUrl('publicBaseUrl'), v.endsWith('/', 'publicBaseUrl : doit finir par /')),
  logo: v.object({ file: text('logo.file'), alt: text('logo.alt'), width: v.pipe(v.number('logo.width : nombre attendu'), v.integer(), v.minValue(16)) }),
  colors: v.object({
    primary: color('colors.primary'), accent: color('colors.accent'), text: color('colors.text'), muted: color('colors.muted'),
    background: color('colors.background'), surface: color('colors.surface'), buttonText: color('colors.buttonText'),
  }),
  urls: v.object({ subscribe: httpsUrl('urls.subscribe'), unsubscribe: httpsUrl('urls.unsubscribe'), webVersion: httpsUrl('urls.webVersion'), share: text('urls.share') }),
  masthead: v.array(v.object({ role: text('masthead.role'), name: text('masthead.name') })),
  legalNotice: text('legalNotice'),
  target: v.optional(v.picklist(TARGETS, `target : l'un de ${TARGETS.join(', ')}`), 'generic'),
  utm: v.optional(v.object({ source: text('utm.source'), medium: text('utm.medium'), campaign: v.optional(text('utm.campaign'), 'lettre-{number}') })),
  allowRawHtml: v.optional(v.boolean('allowRawHtml : true ou false'), false),
  rules: v.optional(v.record(v.string(), level), {}),
  sections: v.pipe(
    v.array(SectionSchema, 'sections : liste attendue'),
    v.minLength(1, 'sections : au moins une rubrique'),
    v.check((sections) => new Set(sections.map((section) => section.id)).size === sections.length, 'sections : deux rubriques ont le même id'),
  ),
});

export const DEFAULT_TEMPLATE = 'pvd';

/** Reads and validates templates/<name>/template.yaml; a broken template is a usage error (exit 2). */
export function loadTemplate(root: string, name = DEFAULT_TEMPLATE): Template {
  const folder = join(root, 'templates', name);
  const path = join(folder, 'template.yaml');
  const file = relative(process.cwd(), path) || path;
  let source: string;
  try {
    source = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError({
      fr: `Gabarit introuvable : ${file}. Lancez pvd depuis le dépôt de la lettre (qui contient templates/ et issues/).`,
      en: `Template not found: ${file}. Run pvd from the newsletter repository (which holds templates/ and issues/).`,
    });
  }
  // A template changes rarely and is read by every `pvd lint`: its validated form is kept
  // (~1 ms to read back, where parsing and validating cost ~15 ms). Only a valid one is kept,
  // so a mistake is always reported with its line.
  const key = createHash('sha256').update(codeIdentity()).update('\0').update(source).digest('hex');
  const cached = readCached<TemplateConfig>('template-config', key);
  if (cached) return { name, folder, config: cached };
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const fail = (offset: number, fr: string, en: string): never => {
    const { line, col } = lineCounter.linePos(offset);
    throw new TemplateError({ file, line, column: col, severity: 'error', rule: 'template', message: { fr, en } });
  };
  const [yamlError] = document.errors;
  if (yamlError) fail(yamlError.pos[0], `YAML mal formé dans le gabarit : ${yamlError.message.split('\n')[0]}`, `Malformed YAML in the template: ${yamlError.message.split('\n')[0]}`);
  const result = v.safeParse(TemplateSchema, document.toJS());
  if (!result.success) {
    const [issue] = result.issues;
    const path = issue.path?.map((segment) => segment.key as string | number) ?? [];
    const node = document.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const where = path.join('.') || 'template.yaml';
    fail(node?.range?.[0] ?? 0, `${where} — ${issue.message}`, `${where} — ${issue.message}`);
  }
  const config = (result as v.SafeParseResult<typeof TemplateSchema> & { output: TemplateConfig }).output;
  return { name, folder, config: writeCached('template-config', key, config) };
}

export class TemplateError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message.en);
  }
}
