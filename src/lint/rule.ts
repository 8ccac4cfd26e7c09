import type * as v from 'valibot';
import type { Fix, Position, Severity } from '../diagnostics/index.js';
import type { Message, MessageData } from '../i18n/lang.js';
import type { Block, Heading, Image, Inline, Issue, Item, Link, Section } from '../issue/model.js';
import type { Project } from '../project.js';
import type { IssueNumbers } from './issue-numbers.js';
import type { Template } from '../template/model.js';
import type { LineIndex } from '../text/positions.js';
import type { TextNode } from './prose.js';

/** What a rule asks to be said: where, which of its messages with what data, and how to fix it. */
export interface ReportDescriptor {
  at: Position;
  messageId: string;
  data?: MessageData;
  fix?: Fix;
  /** Overrides the rule's severity for this report (placeholders: a warning in a draft). */
  severity?: Severity;
}

export interface RuleContext<Options> {
  issue: Issue;
  template: Template;
  project: Project;
  /** The numbers the issues of issues/ declare, read once per session. */
  numbers: IssueNumbers;
  /** The rule's options: its defaults, overridden by template.yaml. */
  options: Options;
  /** Offsets ↔ lines and columns of the issue's source. */
  lines: LineIndex;
  report(descriptor: ReportDescriptor): void;
}

/**
 * The nodes of the issue a rule wants to see. One traversal visits them all for every rule,
 * in document order; `issue` comes first and `issue:exit` last.
 */
export interface Visitors {
  issue?(issue: Issue): void;
  section?(section: Section): void;
  item?(item: Item, section: Section): void;
  block?(block: Block): void;
  inline?(inline: Inline): void;
  /** Prose: the issue's words, outside code, each with its offset in issue.md. */
  text?(node: TextNode): void;
  image?(image: Image): void;
  link?(link: Link): void;
  heading?(heading: Heading): void;
  'issue:exit'?(issue: Issue): void;
}

/** A lint rule, shaped like eslint's: metadata, messages by id, options, and visitors. */
export interface Rule<Options = unknown> {
  id: string;
  severity: Severity;
  description: Message;
  /** Whether its reports may carry fixes: a fix from a rule that does not say so is a bug. */
  fixable: boolean;
  /** Every message it can give, by id; `{name}` is filled from the report's data. */
  messages: Record<string, Message>;
  /** Its options, with their defaults: `rules: { <id>: { level: …, <option>: … } }` in template.yaml. */
  options: v.GenericSchema<unknown, Options> | undefined;
  create(context: RuleContext<Options>): Visitors;
}

export type AnyRule = Rule<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

export function defineRule<Options = undefined>(rule: Omit<Rule<Options>, 'fixable' | 'options'> & { fixable?: boolean; options?: v.GenericSchema<unknown, Options> }): Rule<Options> {
  return { fixable: false, options: undefined, ...rule };
}
