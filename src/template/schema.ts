import * as v from 'valibot';
import type { Message } from '../i18n/lang.js';
import { TARGETS } from '../text/merge-tags.js';

export const SECTION_KINDS = ['figure', 'feature', 'articles', 'cards'] as const;
export { TARGETS };

// Valibot carries message ids; what a designer reads is looked up here, in both languages.
export const PROBLEMS: Record<string, Message> = {
  text: { fr: 'texte attendu', en: 'text expected' },
  nonEmpty: { fr: 'ne doit pas être vide', en: 'must not be empty' },
  https: { fr: 'une adresse complète commençant par https:// est attendue (sans espace ni guillemet)', en: 'a full address starting with https:// is expected (with no space or quote)' },
  httpsOrMailto: { fr: 'une adresse commençant par https:// ou mailto: est attendue (javascript:, data: et les autres sont refusées)', en: 'an address starting with https:// or mailto: is expected (javascript:, data: and the others are refused)' },
  publicUrl: { fr: 'une adresse complète commençant par https:// est attendue (http:// seulement sur cet ordinateur, pour essayer : http://127.0.0.1:port/, http://localhost:port/ ou http://[::1]:port/)', en: 'a full address starting with https:// is expected (http:// only on this computer, to try things out: http://127.0.0.1:port/, http://localhost:port/ or http://[::1]:port/)' },
  fingerprint: { fr: 'empreinte SHA256 attendue, telle que pvd ou « ssh-keygen -l » l’affiche (par exemple "SHA256:qXcicG/7qi2zjdeVnCkP3pGzW1rIRn3m2EVXlWI9N4E")', en: 'SHA256 fingerprint expected, as pvd or "ssh-keygen -l" prints it (for instance "SHA256:qXcicG/7qi2zjdeVnCkP3pGzW1rIRn3m2EVXlWI9N4E")' },
  slash: { fr: 'doit finir par « / »', en: 'must end with "/"' },
  email: { fr: 'adresse e-mail attendue', en: 'an email address is expected' },
  colour: { fr: 'couleur au format #RRGGBB attendue (par exemple "#000091", entre guillemets)', en: 'colour expected as #RRGGBB (for instance "#000091", quoted)' },
  level: { fr: 'niveau de règle attendu : off, warning ou error (ou { level: …, options })', en: 'rule level expected: off, warning or error (or { level: …, options })' },
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
/**
 * Written into every footer and every link: a scheme of `schemes` as written (nothing before
 * it that a browser would strip, as in " javascript:"), a host for a web address, and no
 * character that could end an attribute.
 */
function isAddress(value: string, schemes: readonly string[]): boolean {
  if (!/^[^\s"<>\\`\u0000-\u001f\u007f]+$/.test(value)) return false;
  try {
    const url = new URL(value);
    return schemes.includes(url.protocol) && value.toLowerCase().startsWith(url.protocol) && (url.protocol === 'mailto:' || (value.toLowerCase().startsWith(`${url.protocol}//`) && url.hostname !== ''));
  } catch {
    return false;
  }
}
const LOOPBACK_HTTP = /^http:\/\/(127(\.\d{1,3}){3}|localhost|\[::1\])(:\d{1,5})?\/\S*$/;

const httpsUrl = () => v.pipe(v.string('text'), v.check((value) => isAddress(value, ['https:']), 'https'));
const shareUrl = () => v.pipe(v.string('text'), v.check((value) => isAddress(value, ['https:', 'mailto:']), 'httpsOrMailto'));
// Loopback over plain http, so that a publication can be tried on this computer first.
const publicUrl = () => v.pipe(v.string('text'), v.check((value) => isAddress(value, ['https:']) || (LOOPBACK_HTTP.test(value) && isAddress(value, ['http:'])), 'publicUrl'));
const email = () => v.pipe(v.string('text'), v.email('email'));
const color = () => v.pipe(v.string('colour'), v.regex(/^#[0-9a-fA-F]{6}$/, 'colour'));
const count = () => v.pipe(v.number('count'), v.integer('count'), v.minValue(0, 'count'));
const flag = () => v.boolean('boolean');

export const RULE_LEVELS = ['off', 'warning', 'error'] as const;

/** One house-style entry: the form to write, and written forms to replace beyond its case, accent and hyphen variants. */
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
    /** Carried over from the previous issue by `pvd new` (services, "Voir aussi"). */
    recurring: v.optional(flag(), false),
    /** One line shown to authors by `pvd new` and in the scaffold. */
    hint: v.optional(v.string('text'), ''),
  }, 'object'),
  v.check((section) => section.min <= section.max, 'minMax'),
);

/**
 * A rule's setting: its level alone (`subject-length: off`), or its level and options
 * (`subject-length: { level: error, max: 60 }`). Which options a rule takes is the rule's
 * to check, in the lint stage.
 */
const RuleSettingSchema = v.union([
  v.picklist(RULE_LEVELS, 'level'),
  v.looseObject({ level: v.optional(v.picklist(RULE_LEVELS, 'level')) }, 'level'),
], 'level');

export const TemplateSchema = v.object({
  name: text(),
  organisation: text(),
  address: text(),
  contactEmail: email(),
  privacyEmail: email(),
  from: v.object({ name: text(), email: email() }, 'object'),
  /** Where out/NNN/images/ is put online: images are linked as <publicBaseUrl>NNN/images/<file>. */
  publicBaseUrl: v.pipe(publicUrl(), v.endsWith('/', 'slash')),
  logo: v.object({ file: text(), alt: text(), width: v.pipe(v.number('width'), v.integer('width'), v.minValue(16, 'width')) }, 'object'),
  colors: v.object({
    primary: color(), accent: color(), text: color(), muted: color(),
    background: color(), surface: color(), buttonText: color(),
  }, 'object'),
  urls: v.object({ subscribe: httpsUrl(), unsubscribe: httpsUrl(), webVersion: httpsUrl(), share: shareUrl() }, 'object'),
  masthead: v.array(v.object({ role: text(), name: text() }, 'object'), 'list'),
  legalNotice: text(),
  /** The mailing tool whose merge tags are written when --target is not given. */
  target: v.optional(v.picklist(TARGETS, 'target'), 'generic'),
  utm: v.optional(v.object({ source: text(), medium: text(), campaign: v.optional(text(), 'lettre-{number}') }, 'object')),
  /** Where `pvd publish` puts the site when --to is not given, and the SFTP server's trusted key. */
  publish: v.optional(v.object({
    to: v.optional(text()),
    hostKey: v.optional(v.pipe(v.string('fingerprint'), v.regex(/^SHA256:[A-Za-z0-9+/]{43}=?$/, 'fingerprint'))),
  }, 'object')),
  allowRawHtml: v.optional(flag(), false),
  rules: v.optional(v.record(v.string(), RuleSettingSchema, 'object'), {}),
  /** The project's word list for the spelling rule, a file in the template folder. */
  words: v.optional(v.pipe(text(), v.regex(/^[^/\\]+$/, 'fileName'), v.check((name) => name !== '.' && name !== '..', 'fileName')), 'mots.txt'),
  /** House style: the preferred forms of names (Petites villes de demain, ANCT, e-mail). */
  style: v.optional(v.array(StyleEntrySchema, 'list'), []),
  /** thinSpaces: the narrow no-break space (U+202F) before ; ! ? and inside « », as the Imprimerie nationale has it. */
  typography: v.optional(v.object({ thinSpaces: v.optional(flag(), false) }, 'object'), { thinSpaces: false }),
  sections: v.pipe(
    v.array(SectionSchema, 'list'),
    v.minLength(1, 'oneSection'),
    v.check((sections) => new Set(sections.map((section) => section.id)).size === sections.length, 'uniqueIds'),
  ),
}, 'object');

export type TemplateConfig = v.InferOutput<typeof TemplateSchema>;
export type CatalogSection = v.InferOutput<typeof SectionSchema>;
export type RuleSetting = v.InferOutput<typeof RuleSettingSchema>;
export type StyleEntry = v.InferOutput<typeof StyleEntrySchema>;
