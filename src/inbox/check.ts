import type { Diagnostic, Severity } from '../diagnostics.js';
import type { Message } from '../i18n/lang.js';
import type { MergeTags } from '../render/targets.js';
import type { TemplateConfig } from '../template/model.js';
import type { Page } from './page.js';

/** What the inbox checks look at: the built outputs of one issue and the target's tags. */
export interface InboxInput {
  html: string;
  text: string;
  /** Paths shown in diagnostics, e.g. out/042/index.html. */
  htmlFile: string;
  textFile: string;
  mergeTags: MergeTags;
  config: TemplateConfig;
}

export interface InboxReport {
  (severity: Severity, offset: number, message: Message): void;
  /** A problem of the plaintext part, located by line. */
  text(severity: Severity, line: number, message: Message): void;
}

/** A check on the built HTML: the same shape as a lint rule, for the same diagnostics. */
export interface InboxCheck {
  id: string;
  description: Message;
  check(page: Page, input: InboxInput, report: InboxReport): void;
}

export function defineCheck(check: InboxCheck): InboxCheck {
  return check;
}

export function reporterFor(check: InboxCheck, page: Page, input: InboxInput, diagnostics: Diagnostic[]): InboxReport {
  const report = ((severity, offset, message) => {
    diagnostics.push({ file: page.file, ...page.position(offset), severity, rule: check.id, message });
  }) as InboxReport;
  report.text = (severity, line, message) => {
    diagnostics.push({ file: input.textFile, line, column: 1, severity, rule: check.id, message });
  };
  return report;
}

/** 93 417 bytes → « 91,2 Ko » / "91.2 KB" (1 Ko = 1 024 octets, as `pvd build` prints sizes). */
export function kilobytes(bytes: number): Message {
  const value = (bytes / 1024).toFixed(1);
  return { fr: `${value.replace('.', ',')} Ko`, en: `${value} KB` };
}
