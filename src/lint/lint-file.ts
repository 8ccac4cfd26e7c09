import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import { loadIssue } from '../issue/load.js';
import type { Issue } from '../issue/model.js';
import type { Project } from '../project.js';
import type { Template } from '../template/model.js';
import { runRules } from './engine.js';
import type { Rule } from './rule.js';
import { rules as allRules } from './rules/index.js';

export interface LintedIssue {
  file: string;
  path: string;
  issue: Issue | undefined;
  diagnostics: Diagnostic[];
}

/** Read → parse → every rule. Problems in the content are diagnostics; unreadable paths throw UsageError. */
export function lintFile(path: string, file: string, template: Template, project: Project, rules: readonly Rule[] = allRules): LintedIssue {
  const loaded = loadIssue(path, file, template);
  if (!loaded.issue) return { file, path, issue: undefined, diagnostics: loaded.diagnostics };
  const diagnostics = [...loaded.diagnostics, ...runRules({ issue: loaded.issue, template, project }, rules)];
  return { file, path, issue: loaded.issue, diagnostics: sortDiagnostics(diagnostics) };
}
