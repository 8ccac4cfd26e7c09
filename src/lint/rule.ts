import type { Fix, Position, Severity } from '../diagnostics.js';
import type { Message } from '../i18n/lang.js';
import type { Issue } from '../issue/model.js';
import type { Project } from '../project.js';
import type { Template } from '../template/model.js';

export interface RuleContext {
  issue: Issue;
  template: Template;
  project: Project;
}

export interface ReportOptions {
  fix?: Fix;
  /** Overrides the rule's severity for this report (placeholders: warning in a draft). */
  severity?: Severity;
}

export type Report = (position: Position, message: Message, options?: ReportOptions) => void;

/** A lint rule, shaped like eslint's and markdownlint's: metadata plus one check. */
export interface Rule {
  id: string;
  severity: Severity;
  description: Message;
  fixable: boolean;
  check(context: RuleContext, report: Report): void;
}

export function defineRule(rule: Omit<Rule, 'fixable'> & { fixable?: boolean }): Rule {
  return { fixable: false, ...rule };
}
