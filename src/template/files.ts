import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TemplateError } from '../errors.js';
import { shownPath } from '../io/paths.js';
import type { Template } from './model.js';

/** The design files every template has, beside its partials/. */
export const DESIGN_FILES = ['layout.hbs', 'layout.txt.hbs', 'styles.css'] as const;

/** The template's design sources by their path inside its folder: layout, text layout, CSS, partials. */
export function readDesignFiles(template: Template): Record<string, string> {
  const sources: Record<string, string> = {};
  const missing = (name: string, code: string | undefined): never => {
    throw new TemplateError({
      file: shownPath(join(template.folder, name), { outside: 'relative' }), line: 1, column: 1, severity: 'error', rule: 'template',
      message: code === 'ENOENT'
        ? { fr: `Fichier du gabarit introuvable : ${name}. Restaurez-le (git checkout -- templates/) ou recopiez-le depuis le gabarit livré avec pvd.`, en: `Template file not found: ${name}. Restore it (git checkout -- templates/) or copy it from the template shipped with pvd.` }
        : { fr: `Impossible de lire le fichier du gabarit ${name} (${code ?? 'erreur inconnue'}) : vérifiez ses droits d'accès.`, en: `Cannot read the template file ${name} (${code ?? 'unknown error'}): check its permissions.` },
    });
  };
  let partials: string[];
  try {
    partials = readdirSync(join(template.folder, 'partials')).filter((name) => name.endsWith('.hbs')).sort();
  } catch (error) {
    return missing('partials/', (error as NodeJS.ErrnoException).code);
  }
  for (const name of [...DESIGN_FILES, ...partials.map((file) => `partials/${file}`)]) {
    try {
      sources[name] = readFileSync(join(template.folder, name), 'utf8');
    } catch (error) {
      missing(name, (error as NodeJS.ErrnoException).code);
    }
  }
  return sources;
}

/** templates/<name>/archive.hbs, the web archive's page (out/index.html). */
export function readArchiveLayout(template: Template): { file: string; source: string } {
  const path = join(template.folder, 'archive.hbs');
  try {
    return { file: shownPath(path, { outside: 'relative' }), source: readFileSync(path, 'utf8') };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new TemplateError({
      file: shownPath(path, { outside: 'relative' }), line: 1, column: 1, severity: 'error', rule: 'template', messageId: 'unreadable',
      message: code === 'ENOENT'
        ? { fr: 'Fichier du gabarit introuvable : archive.hbs. Restaurez-le (git checkout -- templates/) ou recopiez-le depuis le gabarit livré avec pvd.', en: 'Template file not found: archive.hbs. Restore it (git checkout -- templates/) or copy it from the template shipped with pvd.' }
        : { fr: `Impossible de lire le fichier du gabarit archive.hbs (${code ?? 'erreur inconnue'}) : vérifiez ses droits d'accès.`, en: `Cannot read the template file archive.hbs (${code ?? 'unknown error'}): check its permissions.` },
    });
  }
}
