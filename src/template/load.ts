import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import * as v from 'valibot';
import { isMap, isScalar, LineCounter, parseDocument } from 'yaml';
import { TemplateError, UsageError } from '../errors.js';
import type { Message } from '../i18n/lang.js';
import { codeIdentity, readCached, writeCached } from '../io/cache.js';
import { IMAGE_EXTENSION } from '../io/file-bytes.js';
import { readImageFacts } from '../io/image-facts.js';
import { resolveInsideFolder, shownPath } from '../io/paths.js';
import type { Position } from '../text/positions.js';
import type { Template, TemplateConfig } from './model.js';
import { PROBLEMS, TemplateSchema } from './schema.js';
import { describeYamlError } from '../text/yaml-errors.js';

export const DEFAULT_TEMPLATE = 'pvd';
// Part of the cache key: what is kept changes shape with pvd's code.
const CACHE_FORMAT = 'template-2';

/** What is kept between runs: the validated template.yaml and where its rules are written. */
interface CachedTemplate {
  config: TemplateConfig;
  rulePositions: Record<string, Position>;
}

/** Reads and validates templates/<name>/template.yaml; a broken template is a located error (exit 2). */
export function loadTemplate(root: string, name = DEFAULT_TEMPLATE): Template {
  const folder = join(root, 'templates', name);
  const path = join(folder, 'template.yaml');
  const file = shownPath(path, { outside: 'relative' });
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
  const key = createHash('sha256').update(CACHE_FORMAT).update(codeIdentity()).update('\0').update(source).digest('hex');
  const cached = readCached<CachedTemplate>('template-config', key) ?? writeCached('template-config', key, parseTemplate(source, file));
  // The logo is checked on every run, cached or not: the file can change without template.yaml.
  const logoProblem = checkLogo(folder, cached.config.logo.file);
  if (logoProblem) {
    const lineCounter = new LineCounter();
    const node = parseDocument(source, { lineCounter, prettyErrors: false }).getIn(['logo', 'file'], true) as { range?: [number, number, number] } | undefined;
    const { line, col } = lineCounter.linePos(node?.range?.[0] ?? 0);
    throw new TemplateError({ file, line, column: col, severity: 'error', rule: 'template', messageId: 'logo', message: { fr: `logo.file : ${logoProblem.fr}`, en: `logo.file: ${logoProblem.en}` } });
  }
  return { name, folder, file, ...cached };
}

/**
 * The logo is copied into every issue's out/NNN/images/: it must be a picture inside the
 * template's folder (no `../`, no link leading out), by its bytes a JPEG, PNG or GIF.
 */
function checkLogo(folder: string, written: string): Message | undefined {
  const local = resolveInsideFolder(folder, written);
  const templateFolder = `${shownPath(folder, { outside: 'relative' })}/`;
  if (local.kind === 'outside') return { fr: `« ${written} » sort du dossier du gabarit : placez le logo dans ${templateFolder}images/ et écrivez images/nom-du-logo.png.`, en: `"${written}" leaves the template's folder: put the logo in ${templateFolder}images/ and write images/logo-name.png.` };
  if (local.kind === 'missing') return { fr: `fichier introuvable : ${templateFolder}${written}. Corrigez le nom (majuscules comprises) ou ajoutez le fichier.`, en: `file not found: ${templateFolder}${written}. Fix the name (case matters) or add the file.` };
  const read = readImageFacts(local.path);
  if (!read.ok) return { fr: `impossible de lire ${templateFolder}${written} : vérifiez que c'est un fichier lisible.`, en: `cannot read ${templateFolder}${written}: check it is a readable file.` };
  if (!read.facts.format || !read.facts.wellFormed || !IMAGE_EXTENSION.test(extname(local.path))) return { fr: `${templateFolder}${written} n'est pas une image PNG, JPEG ou GIF nommée comme telle (d'après son contenu) : enregistrez le logo en PNG.`, en: `${templateFolder}${written} is not a PNG, JPEG or GIF picture named as such (by its content): save the logo as PNG.` };
  if (read.facts.links > 1) return { fr: `${templateFolder}${written} a plusieurs noms (lien physique) : copiez le logo dans le gabarit au lieu de le lier.`, en: `${templateFolder}${written} has several names (a hard link): copy the logo into the template instead of linking it.` };
  return undefined;
}

function parseTemplate(source: string, file: string): CachedTemplate {
  const lineCounter = new LineCounter();
  const document = parseDocument(source, { lineCounter, prettyErrors: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  const fail = (offset: number, fr: string, en: string): never => {
    throw new TemplateError({ file, ...at(offset), severity: 'error', rule: 'template', message: { fr, en } });
  };
  const [yamlError] = document.errors;
  if (yamlError) {
    const { fr, en } = describeYamlError(yamlError, { fr: 'le gabarit', en: 'the template' });
    fail(yamlError.pos[0], fr, en);
  }
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
  const rulePositions: Record<string, Position> = {};
  const rules = document.get('rules', true);
  if (isMap(rules)) {
    for (const pair of rules.items) {
      if (isScalar(pair.key) && pair.key.range) rulePositions[String(pair.key.value)] = at(pair.key.range[0]);
    }
  }
  return { config: (result as { output: TemplateConfig }).output, rulePositions };
}
