import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TemplateError } from '../template/load.js';
import type { Template } from '../template/model.js';
import { closest } from '../text/closest.js';
import { rules } from './rules/index.js';

/** A misspelt rule id in template.yaml would silently do nothing: say so, with the nearest id. */
export function checkRuleLevels(template: Template): void {
  const ids = rules.map((rule) => rule.id);
  for (const id of Object.keys(template.config.rules)) {
    if (ids.includes(id)) continue;
    const suggestion = closest(id, ids);
    const path = join(template.folder, 'template.yaml');
    const line = lineOfKey(path, id);
    throw new TemplateError({
      file: relative(process.cwd(), path) || path, line, column: 1, severity: 'error', rule: 'template',
      message: suggestion
        ? { fr: `rules — règle inconnue « ${id} » : vouliez-vous dire « ${suggestion} » ?`, en: `rules — unknown rule "${id}": did you mean "${suggestion}"?` }
        : { fr: `rules — règle inconnue « ${id} » : les règles sont ${ids.join(', ')}.`, en: `rules — unknown rule "${id}": the rules are ${ids.join(', ')}.` },
    });
  }
}

function lineOfKey(path: string, key: string): number {
  try {
    const lines = readFileSync(path, 'utf8').split('\n');
    const index = lines.findIndex((line) => line.includes(`${key}:`) || line.includes(`"${key}"`) || line.includes(`'${key}'`));
    return index === -1 ? 1 : index + 1;
  } catch {
    return 1;
  }
}
