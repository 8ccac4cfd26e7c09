import { t } from '../../i18n/lang.js';
import type { FileReport } from './report.js';

// GitHub Actions workflow commands: https://docs.github.com/actions/reference/workflow-commands-for-github-actions
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `::error file=…,line=…,col=…,title=rule::message`: an annotation on the pull request's diff. */
export function formatGithub(reports: readonly FileReport[]): string {
  const lines: string[] = [];
  for (const report of reports) {
    for (const diagnostic of report.diagnostics) {
      const properties = `file=${escapeProperty(report.file.split('\\').join('/'))},line=${diagnostic.line},col=${diagnostic.column},title=${escapeProperty(diagnostic.rule)}`;
      lines.push(`::${diagnostic.severity} ${properties}::${escapeData(t(diagnostic.message))}`);
    }
  }
  return lines.join('\n');
}
