import type { Diagnostic, Severity } from '../diagnostics/index.js';
import type { Message } from '../i18n/lang.js';
import type { TemplateConfig } from '../template/model.js';
import type { MergeTags } from '../text/merge-tags.js';
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
  (severity: Severity, offset: number, messageId: string, message: Message): void;
  /** A problem of the plaintext part, located by line. */
  text(severity: Severity, line: number, messageId: string, message: Message): void;
}

/** A check on the built outputs: the same shape and the same diagnostics as a lint rule. */
export interface InboxCheck {
  id: string;
  description: Message;
  check(page: Page, input: InboxInput, report: InboxReport): void;
}

export function defineCheck(check: InboxCheck): InboxCheck {
  return check;
}

/** How template.yaml and the issue's comments set the checks: a level per id, or off. */
export interface InboxSettings {
  level(id: string): Severity | 'off' | undefined;
}

/** template.yaml's levels, with the checks the issue silences (`<!-- pvd-disable inbox-… -->`) off. */
export function issueInboxSettings(settings: InboxSettings, silenced: Iterable<string>): InboxSettings {
  const off = new Set(silenced);
  return { level: (id) => (off.has(id) ? 'off' : settings.level(id)) };
}

/** A check's diagnostic at the level its settings give it (else its own severity); undefined when the check is off. */
export function leveled(diagnostic: Diagnostic, settings: InboxSettings): Diagnostic | undefined {
  const level = settings.level(diagnostic.rule);
  if (level === 'off') return undefined;
  return level === undefined ? diagnostic : { ...diagnostic, severity: level };
}

export function reporterFor(check: InboxCheck, page: Page, input: InboxInput, settings: InboxSettings, diagnostics: Diagnostic[]): InboxReport {
  const push = (diagnostic: Diagnostic) => {
    const shown = leveled(diagnostic, settings);
    if (shown) diagnostics.push(shown);
  };
  const report = ((severity, offset, messageId, message) => {
    push({ file: page.file, ...page.position(offset), severity, rule: check.id, messageId, message });
  }) as InboxReport;
  report.text = (severity, line, messageId, message) => {
    push({ file: input.textFile, line, column: 1, severity, rule: check.id, messageId, message });
  };
  return report;
}
