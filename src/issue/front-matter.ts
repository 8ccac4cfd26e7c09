import { parseDocument, isMap, isScalar, type YAMLError } from 'yaml';
import type { Diagnostic } from '../diagnostics.js';
import type { FrontMatterEntry } from './model.js';

export interface SplitFrontMatter {
  data: Record<string, unknown>;
  keys: FrontMatterEntry[];
  /** Offset and line (1-based) where the Markdown body starts. */
  bodyOffset: number;
  bodyLine: number;
  diagnostics: Diagnostic[];
}

const FENCE = /^---[ \t]*$/;

/** Splits `---` YAML `---` from the Markdown body and parses the YAML with positions. */
export function splitFrontMatter(source: string, file: string): SplitFrontMatter {
  const problem = (line: number, column: number, fr: string, en: string): Diagnostic =>
    ({ file, line, column, severity: 'error', rule: 'parse', message: { fr, en } });
  const lines = source.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return {
      data: {}, keys: [], bodyOffset: 0, bodyLine: 1,
      diagnostics: [problem(1, 1,
        "Le fichier doit commencer par un en-tête YAML entre deux lignes « --- » (number, date, subject, preheader, status, credits).",
        'The file must start with a YAML header between two "---" lines (number, date, subject, preheader, status, credits).')],
    };
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    return {
      data: {}, keys: [], bodyOffset: source.length, bodyLine: lines.length + 1,
      diagnostics: [problem(1, 1,
        "L'en-tête YAML ouvert ligne 1 par « --- » n'est jamais fermé : ajoutez une ligne « --- » après la dernière clé (credits).",
        'The YAML header opened by "---" on line 1 is never closed: add a "---" line after its last key (credits).')],
    };
  }
  const yamlText = lines.slice(1, closing).join('\n');
  const bodyOffset = lines.slice(0, closing + 1).join('\n').length + 1;
  const split: SplitFrontMatter = { data: {}, keys: [], bodyOffset, bodyLine: closing + 2, diagnostics: [] };

  const document = parseDocument(yamlText, { prettyErrors: false, uniqueKeys: true, schema: 'core', strict: true });
  // yaml's LineCounter misses the line breaks inside multi-line scalars and flow
  // collections: positions are counted here from the text itself.
  const lineStarts = [0];
  for (let index = yamlText.indexOf('\n'); index !== -1; index = yamlText.indexOf('\n', index + 1)) lineStarts.push(index + 1);
  const at = (offset: number) => {
    const clamped = Math.max(0, Math.min(offset, yamlText.length));
    let line = 0;
    for (let high = lineStarts.length - 1; line < high;) {
      const middle = (line + high + 1) >> 1;
      if (lineStarts[middle]! <= clamped) line = middle;
      else high = middle - 1;
    }
    // +2: the YAML starts on the line after the opening `---`.
    return { line: line + 2, column: clamped - lineStarts[line]! + 1 };
  };
  for (const error of document.errors) {
    const { line, column } = at(error.pos[0]);
    split.diagnostics.push(problem(line, column, ...describeYamlError(error)));
  }
  if (split.diagnostics.length > 0) return split;

  if (document.contents !== null && !isMap(document.contents)) {
    split.diagnostics.push(problem(2, 1,
      "L'en-tête doit être une liste de clés « clé: valeur », une par ligne (par exemple « number: 42 »).",
      'The header must be a list of "key: value" lines (for instance "number: 42").'));
    return split;
  }
  for (const pair of isMap(document.contents) ? document.contents.items : []) {
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const keyOffset = isScalar(pair.key) ? pair.key.range?.[0] ?? 0 : 0;
    const valueNode = pair.value as { range?: [number, number, number] } | null;
    split.keys.push({ key, position: at(keyOffset), valuePosition: at(valueNode?.range?.[0] ?? keyOffset) });
  }
  try {
    const value: unknown = document.toJS({ maxAliasCount: 20 });
    split.data = toSafeRecord(value);
  } catch {
    split.diagnostics.push(problem(2, 1,
      "L'en-tête utilise trop d'alias YAML (&ancre / *alias) : écrivez les valeurs en clair.",
      'The header uses too many YAML aliases (&anchor / *alias): write the values out.'));
  }
  return split;
}

/** A plain record with no prototype, so that keys like `__proto__` stay inert data. */
function toSafeRecord(value: unknown): Record<string, unknown> {
  const record: Record<string, unknown> = Object.create(null);
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, entry] of Object.entries(value)) record[key] = entry;
  }
  return record;
}

function describeYamlError(error: YAMLError): [string, string] {
  const detail = error.message.split('\n')[0] ?? '';
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return ["Cette clé apparaît deux fois dans l'en-tête : gardez-en une seule.", 'This key appears twice in the header: keep only one.'];
    case 'TAB_AS_INDENT':
      return ["Une tabulation sert d'indentation : le YAML n'accepte que des espaces.", 'A tab is used for indentation: YAML only accepts spaces.'];
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
    case 'UNEXPECTED_TOKEN':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BAD_SCALAR_START':
      return [
        `YAML mal formé (${detail}) : chaque ligne doit être « clé: valeur » ; mettez entre guillemets une valeur qui contient « : », « # » ou commence par un caractère spécial.`,
        `Malformed YAML (${detail}): each line must be "key: value"; quote a value containing ": " or "#", or starting with a special character.`,
      ];
    default:
      return [`YAML mal formé : ${detail}. Vérifiez les guillemets et l'indentation.`, `Malformed YAML: ${detail}. Check quotes and indentation.`];
  }
}
