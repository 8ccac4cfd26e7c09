import { countBySeverity } from '../diagnostics.js';
import { UsageError } from '../errors.js';
import { formatGithub } from '../lint/formatters/github.js';
import { formatJson } from '../lint/formatters/json.js';
import type { FileReport } from '../lint/formatters/report.js';
import { formatStylishReport } from '../lint/formatters/stylish.js';
import { fixFile, lintFile } from '../lint/lint-file.js';
import { checkRuleLevels } from '../lint/levels.js';
import { resolveLintTargets } from '../lint/targets.js';
import { getLang } from '../i18n/lang.js';
import { displayPath, findProject } from '../project.js';
import { loadTemplate } from '../template/load.js';

interface LintCommandOptions {
  format: 'stylish' | 'json' | 'github';
  quiet?: boolean;
  maxWarnings?: string;
  fix?: boolean;
}

export async function run(options: LintCommandOptions, paths: string[] = []): Promise<number> {
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const project = findProject();
  const template = loadTemplate(project.root);
  checkRuleLevels(template);
  const files = resolveLintTargets(project, paths);
  if (files.length === 0) {
    process.stderr.write(getLang() === 'fr'
      ? 'Aucun numéro à vérifier dans issues/ : créez-en un avec « pvd new ».\n'
      : 'No issue to check in issues/: create one with "pvd new".\n');
    return 0;
  }

  const lint = options.fix ? fixFile : lintFile;
  const reports: FileReport[] = files.map((path) => {
    const { file, diagnostics, fixed } = lint(path, displayPath(path), template, project);
    return { file, diagnostics, fixed };
  });
  const all = reports.flatMap((report) => report.diagnostics);
  const shown = options.quiet
    ? reports.map((report) => ({ ...report, diagnostics: report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') }))
    : reports;

  const { errors, warnings } = countBySeverity(all);
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  const code = errors > 0 || tooManyWarnings ? 1 : 0;

  // `pvd lint | head` closes the pipe early: the verdict stands, nothing to report.
  process.stdout.once('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(code);
  });
  const output = options.format === 'json' ? formatJson(shown) : options.format === 'github' ? formatGithub(shown) : formatStylishReport(shown, hiddenWarnings(options, warnings));
  if (output) process.stdout.write(`${output}\n`);
  if (errors === 0 && tooManyWarnings) {
    process.stderr.write(getLang() === 'fr'
      ? `pvd : ${warnings} avertissements, plus que les ${maxWarnings} permis par --max-warnings.\n`
      : `pvd: ${warnings} warnings, more than the ${maxWarnings} allowed by --max-warnings.\n`);
  }
  return code;
}

function hiddenWarnings(options: LintCommandOptions, warnings: number): number {
  return options.quiet ? warnings : 0;
}

function parseMaxWarnings(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim())) {
    throw new UsageError({
      fr: `--max-warnings attend un nombre entier positif ou nul (par exemple --max-warnings 0), pas « ${value} ».`,
      en: `--max-warnings expects a whole number of zero or more (for instance --max-warnings 0), not "${value}".`,
    });
  }
  return Number(value);
}
