import { countBySeverity } from '../../diagnostics.js';
import { t } from '../../i18n/lang.js';
import type { FileReport } from './report.js';

/** One object per file, eslint-style, for scripts and editors. Messages are in the chosen language. */
export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports.map((report) => {
    const { errors, warnings } = countBySeverity(report.diagnostics);
    return {
      file: report.file,
      errorCount: errors,
      warningCount: warnings,
      fixed: report.fixed ?? 0,
      messages: report.diagnostics.map((diagnostic) => ({
        line: diagnostic.line,
        column: diagnostic.column,
        severity: diagnostic.severity,
        rule: diagnostic.rule,
        message: t(diagnostic.message),
        fixable: diagnostic.fix !== undefined,
      })),
    };
  }), null, 2);
}
