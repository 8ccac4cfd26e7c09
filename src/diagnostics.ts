import type { Message } from './i18n/lang.js';

export type Severity = 'error' | 'warning';

export interface Position {
  line: number;
  column: number;
}

/** A text replacement that fixes a problem: offsets into the source. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/** One diagnostic type for parse errors, lint rules and checks on the built HTML. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  message: Message;
  fix?: Fix;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));
}
