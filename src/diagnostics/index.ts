import type { Message } from '../i18n/lang.js';
import { t } from '../i18n/lang.js';
import type { Position } from '../text/positions.js';

export type { Position };

export type Severity = 'error' | 'warning';

/** A text replacement that fixes a problem: offsets into the source. */
export interface Fix {
  start: number;
  end: number;
  text: string;
}

/**
 * One diagnostic type for parse errors, lint rules and the checks on the built outputs.
 * `rule` says which check spoke and `messageId` which of its messages: tests assert those,
 * people read `message`.
 */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  messageId?: string;
  message: Message;
  fix?: Fix;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const diagnostic of diagnostics) if (diagnostic.severity === 'error') errors++;
  return { errors, warnings: diagnostics.length - errors };
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.severity === 'error');
}

/** By code point, not by locale: the same order on every machine, and no collation data to load. */
const ordinal = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => ordinal(a.file, b.file) || a.line - b.line || a.column - b.column || ordinal(a.rule, b.rule));
}

/** A diagnostic as scripts, editors and the preview page receive it: the message in the reader's language. */
export interface DiagnosticJson {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  rule: string;
  messageId: string | undefined;
  message: string;
  fixable: boolean;
}

export function diagnosticToJson(diagnostic: Diagnostic): DiagnosticJson {
  return {
    file: diagnostic.file,
    line: diagnostic.line,
    column: diagnostic.column,
    severity: diagnostic.severity,
    rule: diagnostic.rule,
    messageId: diagnostic.messageId,
    message: t(diagnostic.message),
    fixable: diagnostic.fix !== undefined,
  };
}
