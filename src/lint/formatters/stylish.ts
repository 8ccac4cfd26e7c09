import chalk from 'chalk';
import { countBySeverity, type Diagnostic } from '../../diagnostics.js';
import { getLang, t } from '../../i18n/lang.js';

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

export function summary(diagnostics: readonly Diagnostic[]): string {
  const { errors, warnings } = countBySeverity(diagnostics);
  const plural = (count: number, fr: string, en: string) => `${count} ${getLang() === 'fr' ? fr : en}${count > 1 ? 's' : ''}`;
  const total = errors + warnings;
  const text = getLang() === 'fr'
    ? `${total > 0 ? '✖' : '✔'} ${plural(total, 'problème', 'problem')} (${plural(errors, 'erreur', 'error')}, ${plural(warnings, 'avertissement', 'warning')})`
    : `${total > 0 ? '✖' : '✔'} ${plural(total, 'problème', 'problem')} (${plural(errors, 'erreur', 'error')}, ${plural(warnings, 'avertissement', 'warning')})`;
  return errors > 0 ? chalk.red.bold(text) : warnings > 0 ? chalk.yellow.bold(text) : chalk.green(text);
}
