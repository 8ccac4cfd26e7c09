import chalk from 'chalk';
import { countBySeverity, type Diagnostic } from '../index.js';
import { printable, t } from '../../i18n/lang.js';
import { countOf } from '../../text/format.js';
import type { FileReport } from './report.js';

const SEVERITY_LABEL = { error: { fr: 'erreur', en: 'error' }, warning: { fr: 'avertissement', en: 'warning' } };

/** One problem a line, `file:line:column  severity  rule  message`, clickable in terminals and editors. */
export function formatStylish(diagnostics: readonly Diagnostic[]): string {
  const lines = diagnostics.map((diagnostic) => {
    const location = printable(`${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`);
    const severity = diagnostic.severity === 'error' ? chalk.red(t(SEVERITY_LABEL.error)) : chalk.yellow(t(SEVERITY_LABEL.warning));
    return `${chalk.underline(location)}  ${severity}  ${chalk.dim(diagnostic.rule)}  ${t(diagnostic.message)}`;
  });
  if (diagnostics.length > 0) lines.push('', summary(diagnostics));
  return lines.join('\n');
}

/** The lint command's report: each problem, what --fix changed, and one summary line. */
export function formatStylishReport(reports: readonly FileReport[], hiddenWarnings = 0): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (!report.fixed) continue;
    const plural = report.fixed > 1 ? 's' : '';
    lines.push(chalk.green(t({ fr: `${printable(report.file)} : ${report.fixed} correction${plural} appliquée${plural}`, en: `${printable(report.file)}: ${report.fixed} fix${report.fixed > 1 ? 'es' : ''} applied` })));
  }
  const diagnostics = reports.flatMap((report) => report.diagnostics);
  const problems = formatStylish(diagnostics);
  if (problems) {
    lines.push(problems);
    return lines.join('\n');
  }
  const count = reports.length;
  const checked = { fr: `${count} numéro${count > 1 ? 's' : ''} vérifié${count > 1 ? 's' : ''}`, en: `${count} issue${count > 1 ? 's' : ''} checked` };
  const hidden = countOf(hiddenWarnings, 'avertissement', 'warning');
  const verdict = hiddenWarnings === 0
    ? { fr: `✔ ${checked.fr}, aucun problème`, en: `✔ ${checked.en}, no problems` }
    : { fr: `✔ ${checked.fr}, aucune erreur (${hidden.fr} masqué${hiddenWarnings > 1 ? 's' : ''} par --quiet)`, en: `✔ ${checked.en}, no errors (${hidden.en} hidden by --quiet)` };
  lines.push(chalk.green(t(verdict)));
  return lines.join('\n');
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const total = errors + warnings;
  const mark = total > 0 ? '✖' : '✔';
  const text = t({
    fr: `${mark} ${countOf(total, 'problème', 'problem').fr} (${countOf(errors, 'erreur', 'error').fr}, ${countOf(warnings, 'avertissement', 'warning').fr})`,
    en: `${mark} ${countOf(total, 'problème', 'problem').en} (${countOf(errors, 'erreur', 'error').en}, ${countOf(warnings, 'avertissement', 'warning').en})`,
  });
  return errors > 0 ? chalk.red.bold(text) : warnings > 0 ? chalk.yellow.bold(text) : chalk.green(text);
}
