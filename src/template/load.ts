import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import * as v from 'valibot';
import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { Message } from '../i18n/lang.js';
import { UsageError } from '../errors.js';
import { codeIdentity, readCached, writeCached } from '../io/cache.js';
import { SECTION_KINDS, TARGETS, type Template, type TemplateConfig } from './model.js';

// Valibot carries message ids; what a designer reads is looked up here, in both languages.
const PROBLEMS: Record<string, Message> = {
  text: { fr: 'texte attendu', en: 'text expected' },
  nonEmpty: { fr: 'ne doit pas être vide', en: 'must not be empty' },
  https: { fr: 'une adresse complète commençant par https:// est attendue', en: 'a full address starting with https:// is expected' },
  slash: { fr: 'doit finir par « / »', en: 'must end with "/"' },
  email: { fr: 'adresse e-mail attendue', en: 'an email address is expected' },
  colour: { fr: 'couleur au format #RRGGBB attendue (par exemple "#000091", entre guillemets)', en: 'colour expected as #RRGGBB (for instance "#000091", quoted)' },
  level: { fr: 'niveau de règle attendu : off, warning ou error', en: 'rule level expected: off, warning or error' },
  id: { fr: 'lettres minuscules, chiffres et tirets, en commençant par une lettre', en: 'lower-case letters, digits and hyphens, starting with a letter' },
  kind: { fr: `doit valoir l'un de ${SECTION_KINDS.join(', ')}`, en: `must be one of ${SECTION_KINDS.join(', ')}` },
  target: { fr: `doit valoir l'un de ${TARGETS.join(', ')}`, en: `must be one of ${TARGETS.join(', ')}` },
  missing: { fr: 'clé manquante : ajoutez-la (voir le template.yaml livré avec pvd)', en: 'missing key: add it (see the template.yaml shipped with pvd)' },
  boolean: { fr: 'true ou false', en: 'true or false' },
  count: { fr: 'nombre entier, 0 ou plus', en: 'whole number, 0 or more' },
  width: { fr: 'largeur en pixels, un nombre entier de 16 ou plus', en: 'width in pixels, a whole number from 16' },
  minMax: { fr: 'min doit être inférieur ou égal à max', en: 'min must not exceed max' },
  list: { fr: 'liste attendue (une ligne « - » par élément)', en: 'list expected (one "- " line per entry)' },
  object: { fr: 'clés attendues en dessous, indentées', en: 'indented keys expected below' },
  oneSection: { fr: 'au moins une rubrique', en: 'at least one section' },
  uniqueIds: { fr: 'deux rubriques ont le même id', en: 'two sections have the same id' },
  fileName: { fr: 'un nom de fichier du dossier du gabarit, sans « / » (par exemple mots.txt)', en: 'a file name in the template folder, with no "/" (for instance mots.txt)' },
  styleEntry: { fr: 'une forme à écrire, ou { use: forme, variants: [formes à remplacer] }', en: 'a form to write, or { use: form, variants: [forms to replace] }' },
};

const text = () => v.pipe(v.string('text'), v.minLength(1, 'nonEmpty'));
const httpsUrl = () => v.pipe(v.string('text'), v.regex(/^https:\/\/\S+$/, 'https'));
const email = () => v.pipe(v.string('text'), v.email('email'));
const color = () => v.pipe(v.string('colour'), v.regex(/^#[0-9a-fA-F]{6}$/, 'colour'));
const count = () => v.pipe(v.number('count'), v.integer('count'), v.minValue(0, 'count'));
const flag = () => v.boolean('boolean');

// A house-style entry is its preferred form, or that form with explicit variants.
const StyleEntrySchema = v.union([
  v.pipe(text(), v.transform((use) => ({ use, variants: [] as string[] }))),
  v.object({ use: text(), variants: v.optional(v.array(text(), 'list'), []) }, 'styleEntry'),
], 'styleEntry');

const SectionSchema = v.pipe(
  v.object({
    id: v.pipe(v.string('id'), v.regex(/^[a-z][a-z0-9-]*$/, 'id')),
    title: text(),
    kind: v.picklist(SECTION_KINDS, 'kind'),
    required: v.optional(flag(), false),
    min: v.optional(count(), 0),
    max: v.optional(count(), 99),
    recurring: v.optional(flag(), false),
    hint: v.optional(v.string('text'), ''),
  }, 'object'),
  v.check((section) => section.min <= section.max, 'minMax'),
);

const TemplateSchema = v.object({
  name: text(),
  organisation: text(),
  address: text(),
  contactEmail: email(),
  privacyEmail: email(),
  from: v.object({ name: text(), email: email() }, 'object'),
  publicBaseUrl: v.pipe(httpsUrl(), v.endsWith('/', 'slash')),
  logo: v.object({ file: text(), alt: text(), width: v.pipe(v.number('width'), v.integer('width'), v.minValue(16, 'width')) }, 'object'),
  colors: v.object({
    primary: color(), accent: color(), text: color(), muted: color(),
    background: color(), surface: color(), buttonText: color(),
  }, 'object'),
  urls: v.object({ subscribe: httpsUrl(), unsubscribe: httpsUrl(), webVersion: httpsUrl(), share: text() }, 'object'),
  masthead: v.array(v.object({ role: text(), name: text() }, 'object'), 'list'),
  legalNotice: text(),
  target: v.optional(v.picklist(TARGETS, 'target'), 'generic'),
  utm: v.optional(v.object({ source: text(), medium: text(), campaign: v.optional(text(), 'lettre-{number}') }, 'object')),
  allowRawHtml: v.optional(flag(), false),
  rules: v.optional(v.record(v.string(), v.picklist(['off', 'warning', 'error'], 'level'), 'object'), {}),
  words: v.optional(v.pipe(text(), v.regex(/^[^/\\]+$/, 'fileName'), v.check((name) => name !== '.' && name !== '..', 'fileName')), 'mots.txt'),
  style: v.optional(v.array(StyleEntrySchema, 'list'), []),
  typography: v.optional(v.object({ thinSpaces: v.optional(flag(), false) }, 'object'), { thinSpaces: false }),
  sections: v.pipe(
    v.array(SectionSchema, 'list'),
    v.minLength(1, 'oneSection'),
    v.check((sections) => new Set(sections.map((section) => section.id)).size === sections.length, 'uniqueIds'),
  ),
}, 'object');

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
    // A missing key has no node of its own: its parent's line is where to add it.
    const node = (document.getIn(path, true) ?? document.getIn(path.slice(0, -1), true)) as { range?: [number, number, number] } | undefined;
    const where = path.join('.') || 'template.yaml';
    const problem = (issue.input === undefined ? PROBLEMS.missing : PROBLEMS[issue.message]) ?? { fr: issue.message, en: issue.message };
    fail(node?.range?.[0] ?? 0, `${where} : ${problem.fr}.`, `${where}: ${problem.en}.`);
  }
  const config = (result as v.SafeParseResult<typeof TemplateSchema> & { output: TemplateConfig }).output;
  return { name, folder, config: writeCached('template-config', key, config) };
}

export class TemplateError extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.message.en);
  }
}
