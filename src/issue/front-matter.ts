import { isMap, isScalar, isSeq, parseDocument, type Document } from 'yaml';
import type { Diagnostic, Position } from '../diagnostics/index.js';
import type { Message } from '../i18n/lang.js';
import { LineIndex } from '../text/positions.js';
import { describeYamlError } from '../text/yaml-errors.js';

const HEADER: Message = { fr: "l'en-tête", en: 'the header' };

/** Where a top-level front-matter key, and its value, are written in the file. */
export interface FrontMatterEntry {
  key: string;
  position: Position;
  valuePosition: Position;
}

export interface SplitFrontMatter {
  data: Record<string, unknown>;
  keys: FrontMatterEntry[];
  /** Where the Markdown body starts; undefined when the header never closes. */
  body: { offset: number; line: number } | undefined;
  /** Problems reading the header as YAML (rule `parse`): its values are not validated then. */
  diagnostics: Diagnostic[];
  /** Why a key's value is not what it seems, and where, when the YAML itself says it (a « : » left unquoted). */
  hint(key: string): { message: Message; position: Position } | undefined;
}

const FENCE = /^---[ \t]*$/;
/** Lines a header may have: six keys and a long credits list fit many times over. */
export const MAX_HEADER_LINES = 300;

/** « : » inside an unquoted value makes YAML read a mapping: `subject: Rencontres : 1 645 communes`. */
const UNQUOTED_COLON: Message = {
  fr: "« : » dans une valeur sans guillemets : le YAML y voit une nouvelle clé. Mettez la valeur entre guillemets, par exemple « subject: \"Rencontres nationales : 1 645 communes\" » ou « - \"Photo : Marie Durand\" ».",
  en: '": " inside an unquoted value: YAML reads it as a new key. Put the value in quotes, for instance subject: "Rencontres nationales : 1 645 communes" or - "Photo : Marie Durand".',
};

/** A line `key: value` or `- value` whose value, unquoted, holds a « : » followed by a space. */
function hasUnquotedColon(line: string): boolean {
  const value = /^\s*(?:-\s+|[^\s:#"'][^:#]*:\s+)(.*)$/.exec(line)?.[1] ?? '';
  return !/^["'[{|>]/.test(value) && /\S\s*:(?:\s|$)/.test(value.replace(/\s+#.*$/, ''));
}

const NO_HINT = (): undefined => undefined;

/**
 * The last issue's header read: `pvd lint` parses an edited issue, then number-unique reads the
 * `number:` of every issue.md whose file changed, that one among them, and YAML's parse of the
 * same text again was some 2 ms.
 */
let lastRead: { source: string; split: SplitFrontMatter } | undefined;

/** Splits `---` YAML `---` from the Markdown body and parses the YAML with positions. */
export function splitFrontMatter(source: string, file: string): SplitFrontMatter {
  const split = readFrontMatter(source, file);
  lastRead = { source, split };
  return split;
}

/** A header's values and whether YAML read it, from the last parse when it was this text: read only, by number-unique. */
export function headerValues(source: string): Pick<SplitFrontMatter, 'data' | 'diagnostics'> {
  return lastRead?.source === source ? lastRead.split : readFrontMatter(source, '');
}

function readFrontMatter(source: string, file: string): SplitFrontMatter {
  const problem = (line: number, column: number, messageId: string, message: Message): Diagnostic =>
    ({ file, line, column, severity: 'error', rule: 'parse', messageId, message });
  const lines = source.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      data: {}, keys: [], body: { offset: 0, line: 1 }, hint: NO_HINT,
      diagnostics: [problem(1, 1, 'noHeader', {
        fr: "Le fichier doit commencer par un en-tête YAML entre deux lignes « --- » (number, date, subject, preheader, status, credits).",
        en: 'The file must start with a YAML header between two "---" lines (number, date, subject, preheader, status, credits).',
      })],
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    return {
      data: {}, keys: [], body: undefined, hint: NO_HINT,
      diagnostics: [problem(1, 1, 'unclosedHeader', {
        fr: "L'en-tête YAML ouvert ligne 1 par « --- » n'est jamais fermé : ajoutez une ligne « --- » après la dernière clé (credits).",
        en: 'The YAML header opened by "---" on line 1 is never closed: add a "---" line after its last key (credits).',
      })],
    };
  }
  // A header has a dozen lines; YAML's duplicate-key check grows with the square of the keys.
  if (closing - 1 > MAX_HEADER_LINES) {
    return {
      data: {}, keys: [], body: undefined, hint: NO_HINT,
      diagnostics: [problem(MAX_HEADER_LINES + 2, 1, 'headerTooLong', {
        fr: `L'en-tête fait plus de ${MAX_HEADER_LINES} lignes, bien plus que les six clés d'un numéro : vérifiez la ligne « --- » qui le ferme.`,
        en: `The header runs past ${MAX_HEADER_LINES} lines, far more than an issue's six keys: check the "---" line that closes it.`,
      })],
    };
  }
  const yamlLines = lines.slice(1, closing);
  const yamlText = yamlLines.join('\n');
  const body = { offset: lines.slice(0, closing + 1).join('\n').length + 1, line: closing + 2 };
  // Positions are counted from the text itself (yaml's LineCounter misses the line breaks
  // inside multi-line scalars); the YAML starts on the line after the opening `---`.
  const index = new LineIndex(yamlText, 2);
  const lineHasColon = (line: number) => hasUnquotedColon(yamlLines[line - 2] ?? '');
  const split: SplitFrontMatter = { data: {}, keys: [], body, diagnostics: [], hint: NO_HINT };

  const document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, schema: 'core', strict: true });
  // The first error is the one to fix: the others follow from it.
  for (const error of document.errors.slice(0, 1)) {
    const { line, column } = index.positionAt(error.pos[0]);
    split.diagnostics.push(lineHasColon(line) ? problem(line, 1, 'unquotedColon', UNQUOTED_COLON) : problem(line, column, `yaml-${error.code}`, describeYamlError(error, HEADER)));
  }
  if (split.diagnostics.length > 0) return split;

  if (document.contents !== null && !isMap(document.contents)) {
    split.diagnostics.push(problem(2, 1, 'notMapping', {
      fr: "L'en-tête doit être une liste de clés « clé: valeur », une par ligne (par exemple « number: 42 »).",
      en: 'The header must be a list of "key: value" lines (for instance "number: 42").',
    }));
    return split;
  }
  for (const pair of isMap(document.contents) ? document.contents.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] ?? 0 : 0;
    const valueNode = pair.value as { range?: [number, number, number] } | null;
    split.keys.push({ key, position: index.positionAt(keyOffset), valuePosition: index.positionAt(valueNode?.range?.[0] ?? keyOffset) });
  }
  const cut = commentCutText(document, yamlText);
  if (cut !== undefined) {
    const { line, column } = index.positionAt(cut.offset);
    split.diagnostics.push(problem(line, column, 'commentCut', {
      fr: `Dans « ${cut.key} », tout ce qui suit « # » est lu comme un commentaire et n'apparaîtrait pas dans la lettre (« ${cut.comment.trim()} ») : mettez la valeur entre guillemets, par exemple ${cut.key}: "…".`,
      en: `In "${cut.key}", everything after "#" is read as a comment and would not appear in the email ("${cut.comment.trim()}"): put the value in quotes, for instance ${cut.key}: "…".`,
    }));
  }
  split.hint = (key) => {
    const line = colonMadeMapping(document, key, index, lineHasColon);
    return line === undefined ? undefined : { message: UNQUOTED_COLON, position: { line, column: 1 } };
  };
  try {
    split.data = toSafeRecord(document.toJS({ maxAliasCount: 20 }));
  } catch {
    split.diagnostics.push(problem(2, 1, 'aliases', {
      fr: "L'en-tête utilise trop d'alias YAML (&ancre / *alias) : écrivez les valeurs en clair.",
      en: 'The header uses too many YAML aliases (&anchor / *alias): write the values out.',
    }));
  }
  return split;
}

/** The keys whose words readers see: a « # » there, unquoted, cuts them silently (« Rencontres PACA #12 »). */
const TEXT_KEYS = new Set(['subject', 'preheader', 'credits']);

function commentCutText(document: Document, yamlText: string): { key: string; offset: number; comment: string } | undefined {
  if (!isMap(document.contents)) return undefined;
  for (const pair of document.contents.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    if (!TEXT_KEYS.has(key)) continue;
    for (const node of isSeq(pair.value) ? pair.value.items : [pair.value]) {
      // A comment after a quoted value is the author's own: the value is whole.
      if (!isScalar(node) || node.type !== 'PLAIN' || !node.comment || !node.range) continue;
      const offset = yamlText.indexOf('#', node.range[1]);
      if (offset !== -1) return { key, offset, comment: node.comment };
    }
  }
  return undefined;
}

/** The line where a key's value, or an entry of its list, became a mapping because of a « : » left unquoted. */
function colonMadeMapping(document: Document, key: string, index: LineIndex, lineHasColon: (line: number) => boolean): number | undefined {
  const value = document.get(key, true);
  for (const node of isSeq(value) ? value.items : [value]) {
    if (!isMap(node) || node.range == null) continue;
    const { line } = index.positionAt(node.range[0]);
    if (lineHasColon(line)) return line;
  }
  return undefined;
}

/** A plain record with no prototype, so that keys like `__proto__` stay inert data. */
function toSafeRecord(value: unknown): Record<string, unknown> {
  const record: Record<string, unknown> = Object.create(null);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, entry] of Object.entries(value)) record[key] = entry;
  }
  return record;
}
