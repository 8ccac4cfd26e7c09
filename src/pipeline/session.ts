import { TemplateError } from '../errors.js';
import type { InboxSettings } from '../inbox/check.js';
import { BROWSER_CHECK_IDS, INBOX_CHECK_IDS } from '../inbox/ids.js';
import { configureRule, levelOf, type ConfiguredRule, type Linter } from '../lint/index.js';
import { issueNumbers } from '../lint/issue-numbers.js';
import { rules as allRules } from '../lint/rules/index.js';
import { findProject, type Project } from '../project.js';
import { loadTemplate } from '../template/load.js';
import type { Template } from '../template/model.js';
import { closest } from '../text/closest.js';

/**
 * What every command works with, loaded the same way for lint, build, preview, check and
 * publish: the project, its template, and the rules and inbox checks as template.yaml sets
 * them — so a misspelt rule id is refused by all of them alike.
 */
export interface Session extends Linter {
  inbox: InboxSettings;
}

export function openSession(project: Project = findProject(), templateName?: string): Session {
  const template = openTemplate(project, templateName);
  const settings = template.config.rules;
  const rules = allRules.map((rule) => configureRule(rule, settings[rule.id], template)).filter((rule): rule is ConfiguredRule => rule !== undefined);
  return { project, template, rules, numbers: issueNumbers(project), inbox: { level: (id) => levelOf(settings[id]) } };
}

/**
 * template.yaml read and its `rules:` checked, for the commands that run no rule (`new`, `words add`):
 * a misspelt rule id is refused by every command alike, not first met at the next lint.
 */
export function openTemplate(project: Project = findProject(), templateName?: string): Template {
  const template = loadTemplate(project.root, templateName);
  checkRuleIds(template);
  return template;
}

/**
 * A misspelt rule id would silently do nothing: refused where it is written, with the nearest
 * id. So is an option given to a check of the outputs, which takes a level and nothing else.
 */
function checkRuleIds(template: Template): void {
  const checks: readonly string[] = [...INBOX_CHECK_IDS, ...BROWSER_CHECK_IDS];
  const ids = [...allRules.map((rule) => rule.id), ...checks];
  for (const [id, setting] of Object.entries(template.config.rules)) {
    const position = template.rulePositions[id] ?? { line: 1, column: 1 };
    if (checks.includes(id)) {
      const option = typeof setting === 'object' ? Object.keys(setting).find((key) => key !== 'level') : undefined;
      if (option === undefined) continue;
      throw new TemplateError({
        file: template.file, ...position, severity: 'error', rule: 'template', messageId: 'ruleOption',
        message: {
          fr: `rules.${id} : la vérification ${id} n'a pas d'option (« ${option} ») ; elle ne prend qu'un niveau : off, warning ou error.`,
          en: `rules.${id}: the check ${id} has no option ("${option}"); it takes a level only: off, warning or error.`,
        },
      });
    }
    if (ids.includes(id)) continue;
    const suggestion = closest(id, ids);
    throw new TemplateError({
      file: template.file, ...position, severity: 'error', rule: 'template', messageId: 'unknownRule',
      message: suggestion
        ? { fr: `rules — règle inconnue « ${id} » : vouliez-vous dire « ${suggestion} » ?`, en: `rules — unknown rule "${id}": did you mean "${suggestion}"?` }
        : { fr: `rules — règle inconnue « ${id} » : les règles sont ${ids.join(', ')}.`, en: `rules — unknown rule "${id}": the rules are ${ids.join(', ')}.` },
    });
  }
}
