import { countBySeverity, diagnosticToJson } from '../index.js';
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
      messages: report.diagnostics.map((diagnostic) => {
        const { file: _file, ...message } = diagnosticToJson(diagnostic);
        return message;
      }),
    };
  }), null, 2);
}
