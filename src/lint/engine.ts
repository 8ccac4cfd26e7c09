import * as v from 'valibot';
import type { Diagnostic, Severity } from '../diagnostics/index.js';
import { sortDiagnostics } from '../diagnostics/index.js';
import { TemplateError } from '../errors.js';
import { interpolate } from '../i18n/lang.js';
import type { Issue } from '../issue/model.js';
import type { Project } from '../project.js';
import type { RuleSetting, Template } from '../template/model.js';
import { LineIndex } from '../text/positions.js';
import { disabledRules } from './directives.js';
import type { AnyRule, ReportDescriptor, Visitors } from './rule.js';
import { issueNumbers, type IssueNumbers } from './issue-numbers.js';
import { traverse } from './traverse.js';

/** A rule with what template.yaml says of it: its level and its options. */
export interface ConfiguredRule {
  rule: AnyRule;
  /** template.yaml's level, when it sets one: it wins over the rule's own severities. */
  level: Severity | undefined;
  options: unknown;
}

/** A rule's level and options from its setting in template.yaml; `off` leaves it out. */
export function configureRule(rule: AnyRule, setting: RuleSetting | undefined, template: Template): ConfiguredRule | undefined {
  const level = levelOf(setting);
  if (level === 'off') return undefined;
  const { level: _level, ...given } = typeof setting === 'object' ? setting : {};
  let options: unknown;
  if (rule.options) {
    const result = v.safeParse(rule.options, given);
    if (!result.success) throw optionError(rule, template, result.issues[0].path?.map((segment) => String(segment.key)).join('.') ?? '');
    options = result.output;
  } else if (Object.keys(given).length > 0) {
    throw optionError(rule, template, Object.keys(given)[0]!);
  }
  return { rule, level, options };
}

/** The level template.yaml gives a rule or a check (`house-style: off`, `image-weight: { level: error, … }`); undefined: its default. */
export function levelOf(setting: RuleSetting | undefined): Severity | 'off' | undefined {
  return typeof setting === 'string' ? setting : setting?.level;
}

function optionError(rule: AnyRule, template: Template, option: string): TemplateError {
  const position = template.rulePositions[rule.id] ?? { line: 1, column: 1 };
  return new TemplateError({
    file: template.file, ...position, severity: 'error', rule: 'template', messageId: 'ruleOption',
    message: {
      fr: `rules.${rule.id} : l'option « ${option} » n'est pas valable pour cette règle. Voir docs/rules/${rule.id}.md pour ses options.`,
      en: `rules.${rule.id}: the option "${option}" is not valid for this rule. See docs/rules/${rule.id}.md for its options.`,
    },
  });
}

export interface LintContext {
  template: Template;
  project: Project;
  /** Shared by the issues of a session; read afresh for this issue alone when absent. */
  numbers?: IssueNumbers;
}

/** Runs the configured rules on one parsed issue: one traversal, every rule's visitors. */
export function runRules(issue: Issue, configured: readonly ConfiguredRule[], { template, project, numbers = issueNumbers(project) }: LintContext): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const lines = new LineIndex(issue.source);
  const disabled = disabledRules(issue);
  const visitors: Visitors[] = [];
  const failed = new Set<string>();
  for (const { rule, level, options } of configured) {
    if (disabled.file.has(rule.id)) continue;
    const report = (descriptor: ReportDescriptor) => {
      const template = rule.messages[descriptor.messageId];
      if (!template) throw new Error(`unknown message id ${descriptor.messageId}`);
      if (descriptor.fix && !rule.fixable) throw new Error('a fix from a rule that is not fixable');
      if (disabled.isSilenced(rule.id, descriptor.at.line)) return;
      diagnostics.push({
        file: issue.file,
        line: descriptor.at.line,
        column: descriptor.at.column,
        // template.yaml's level wins over the report's own, which wins over the rule's default.
        severity: level ?? descriptor.severity ?? rule.severity,
        rule: rule.id,
        messageId: descriptor.messageId,
        message: interpolate(template, descriptor.data),
        ...(descriptor.fix ? { fix: descriptor.fix } : {}),
      });
    };
    // A bug in one rule must not hide what the others found: its visitors stop, the others go on.
    const guard = <Args extends unknown[]>(visit: (...args: Args) => void) => (...args: Args) => {
      if (failed.has(rule.id)) return;
      try {
        visit(...args);
      } catch (error) {
        failed.add(rule.id);
        diagnostics.push(ruleFailure(issue, rule.id, error));
      }
    };
    try {
      const created = rule.create({ issue, template, project, numbers, options, lines, report });
      const guarded: Visitors = {};
      for (const [name, visit] of Object.entries(created)) (guarded as Record<string, unknown>)[name] = guard(visit as (...args: unknown[]) => void);
      visitors.push(guarded);
    } catch (error) {
      diagnostics.push(ruleFailure(issue, rule.id, error));
    }
  }
  traverse(issue, visitors);
  return sortDiagnostics(diagnostics);
}

function ruleFailure(issue: Issue, id: string, error: unknown): Diagnostic {
  if (process.env.PVD_DEBUG) console.error(error);
  const detail = error instanceof Error ? error.message : String(error);
  return {
    file: issue.file, line: 1, column: 1, severity: 'error', rule: id, messageId: 'ruleFailed',
    message: {
      fr: `La règle ${id} a échoué (${detail}) : relancez avec PVD_DEBUG=1 et signalez-le à l'équipe.`,
      en: `The rule ${id} failed (${detail}): run again with PVD_DEBUG=1 and report it to the team.`,
    },
  };
}
