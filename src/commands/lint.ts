import { countBySeverity, type Diagnostic } from '../diagnostics.js';
import { formatStylish } from '../lint/formatters/stylish.js';
import { lintFile } from '../lint/lint-file.js';
import { displayPath, findProject, listIssues, resolveIssueArgument } from '../project.js';
import { loadTemplate } from '../template/load.js';

interface LintCommandOptions {
  format: 'stylish' | 'json' | 'github';
  quiet?: boolean;
  maxWarnings?: string;
  fix?: boolean;
}

export async function run(options: LintCommandOptions, paths: string[] = []): Promise<number> {
  const project = findProject();
  const template = loadTemplate(project.root);
  const files = paths.length > 0 ? paths.map((path) => resolveIssueArgument(project, path)) : listIssues(project).map((ref) => ref.path);
  const diagnostics: Diagnostic[] = [];
  for (const path of files) diagnostics.push(...lintFile(path, displayPath(path), template, project).diagnostics);
  const shown = options.quiet ? diagnostics.filter((diagnostic) => diagnostic.severity === 'error') : diagnostics;
  if (shown.length > 0) process.stdout.write(`${formatStylish(shown)}\n`);
  const { errors, warnings } = countBySeverity(diagnostics);
  return errors > 0 || (options.maxWarnings !== undefined && warnings > Number(options.maxWarnings)) ? 1 : 0;
}
