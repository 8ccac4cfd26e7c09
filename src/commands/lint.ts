import { countBySeverity } from '../diagnostics/index.js';
import { formatGithub } from '../diagnostics/formatters/github.js';
import { formatJson } from '../diagnostics/formatters/json.js';
import type { FileReport } from '../diagnostics/formatters/report.js';
import { formatStylishReport } from '../diagnostics/formatters/stylish.js';
import { UsageError } from '../errors.js';
import { prefixed, t } from '../i18n/lang.js';
import { fixFile, lintFile } from '../lint/index.js';
import { openSession } from '../pipeline/session.js';
import { resolveIssues } from '../project.js';

interface LintCommandOptions {
  format: 'stylish' | 'json' | 'github';
  quiet?: boolean;
  maxWarnings?: string;
  fix?: boolean;
}

/** `pvd lint`: exit 0 clean, 1 errors (or more warnings than --max-warnings), 2 when --fix could not write a file. */
export async function run(options: LintCommandOptions, paths: string[] = []): Promise<number> {
  const maxWarnings = parseMaxWarnings(options.maxWarnings);
  const session = openSession();
  const targets = resolveIssues(session.project, paths);
  if (targets.length === 0) {
    process.stderr.write(`${t({ fr: 'Aucun numéro à vérifier dans issues/ : créez-en un avec « npx pvd new ».', en: 'No issue to check in issues/: create one with "npx pvd new".' })}\n`);
    return 0;
  }

  const lint = options.fix ? fixFile : lintFile;
  const results = targets.map((target) => ({ target, ...lint(target, session) }));
  const reports: FileReport[] = results.map(({ target, diagnostics, fixed }) => ({ file: target.file, diagnostics, fixed }));
  const all = reports.flatMap((report) => report.diagnostics);
  const shown = options.quiet
    ? reports.map((report) => ({ ...report, diagnostics: report.diagnostics.filter((diagnostic) => diagnostic.severity === 'error') }))
    : reports;

  const { errors, warnings } = countBySeverity(all);
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  const refused = results.filter((result) => result.refused);
  const code = refused.length > 0 ? 2 : errors > 0 || tooManyWarnings ? 1 : 0;

  const output = options.format === 'json' ? formatJson(shown) : options.format === 'github' ? formatGithub(shown) : formatStylishReport(shown, options.quiet ? warnings : 0);
  if (output) process.stdout.write(`${output}\n`);
  for (const { target, refused: why } of refused) process.stderr.write(`${t({ fr: `${target.file} : ${why!.fr}`, en: `${target.file}: ${why!.en}` })}\n`);
  if (errors === 0 && tooManyWarnings) {
    process.stderr.write(`${prefixed({ fr: `${warnings} avertissements, plus que les ${maxWarnings} permis par --max-warnings.`, en: `${warnings} warnings, more than the ${maxWarnings} allowed by --max-warnings.` })}\n`);
  }
  return code;
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
