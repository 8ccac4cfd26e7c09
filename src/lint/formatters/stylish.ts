import chalk from 'chalk';
import { countBySeverity, type Diagnostic } from '../../diagnostics.js';
import { getLang, t } from '../../i18n/lang.js';
import type { FileReport } from './report.js';

const SEVERITY_LABEL = { error: { fr: 'erreur', en: 'error' }, warning: { fr: 'avertissement', en: 'warning' } };

/** One problem a line, `file:line:column  severity  rule  message`, clickable in terminals and editors. */
export function formatStylish(diagnostics: readonly Diagnostic[]): string {
  const lines = diagnostics.map((diagnostic) => {
    const location = `${diagnostic.file}:${diagnostic.line}:${diagnostic.column}`;
    const severity = diagnostic.severity === 'error' ? chalk.red(t(SEVERITY_LABEL.error)) : chalk.yellow(t(SEVERITY_LABEL.warning));
    return `${chalk.underline(location)}  ${severity}  ${chalk.dim(diagnostic.rule)}  ${t(diagnostic.message)}`;
  });
  if (diagnostics.length > 0) lines.push('', summary(diagnostics));
  return lines.join('\n');
}

/** The lint command's report: each problem, what --fix changed, and one summary line. */
export function formatStylishReport(reports: readonly FileReport[], hiddenWarnings = 0): string {
  const fr = getLang() === 'fr';
  const lines: string[] = [];
  for (const report of reports) {
    if (report.fixed) {
      lines.push(chalk.green(fr
        ? `${report.file} : ${report.fixed} correction${report.fixed > 1 ? 's' : ''} appliquée${report.fixed > 1 ? 's' : ''}`
        : `${report.file}: ${report.fixed} fix${report.fixed > 1 ? 'es' : ''} applied`));
    }
  }
  const diagnostics = reports.flatMap((report) => report.diagnostics);
  const problems = formatStylish(diagnostics);
  if (problems) lines.push(problems);
  else {
    const count = reports.length;
    const hidden = hiddenWarnings === 0 ? '' : fr
      ? ` (${hiddenWarnings} avertissement${hiddenWarnings > 1 ? 's' : ''} masqué${hiddenWarnings > 1 ? 's' : ''} par --quiet)`
      : ` (${hiddenWarnings} warning${hiddenWarnings > 1 ? 's' : ''} hidden by --quiet)`;
    lines.push(chalk.green(fr
      ? `✔ ${count} numéro${count > 1 ? 's' : ''} vérifié${count > 1 ? 's' : ''}, ${hiddenWarnings ? 'aucune erreur' : 'aucun problème'}${hidden}`
      : `✔ ${count} issue${count > 1 ? 's' : ''} checked, ${hiddenWarnings ? 'no errors' : 'no problems'}${hidden}`));
  }
  return lines.join('\n');
}

export function summary(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const fr = getLang() === 'fr';
  const plural = (count: number, singular: string) => `${count} ${singular}${count > 1 ? 's' : ''}`;
  const total = errors + warnings;
  const text = fr
    ? `${total > 0 ? '✖' : '✔'} ${plural(total, 'problème')} (${plural(errors, 'erreur')}, ${plural(warnings, 'avertissement')})`
    : `${total > 0 ? '✖' : '✔'} ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`;
  return errors > 0 ? chalk.red.bold(text) : warnings > 0 ? chalk.yellow.bold(text) : chalk.green(text);
}
