import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import type { RuleSetting } from '../../src/template/model.js';
import { applyFixes } from '../../src/lint/fix.js';
import { configureRule, lintFile, type ConfiguredRule } from '../../src/lint/index.js';
import type { AnyRule } from '../../src/lint/rule.js';
import { openSession } from '../../src/pipeline/session.js';
import { makeProject } from '../helpers.js';

/** An issue's source, or an edit of #42's. */
export type Code = string | ((source: string) => string);

export interface ValidCase {
  name?: string;
  code: Code;
  /** The rule's setting in template.yaml (its level and options). */
  setting?: RuleSetting;
  /** The issue's folder under issues/ (042 by default). */
  folder?: string;
  /** Prepares the project copy (images, other issues) before linting. */
  setup?: (root: string) => void;
}

export interface ExpectedReport {
  messageId: string;
  line: number;
  column: number;
  severity?: 'error' | 'warning';
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedReport[];
  /** The source after one pass of this rule's fixes; null when it reports no fix. Required of fixable rules. */
  output?: string | null;
}

/**
 * eslint's RuleTester for pvd: each case is linted as issues/<folder>/issue.md of a fresh
 * project copy, with this rule alone; the reports must match exactly — message id, line,
 * column and severity — and so must the text its fixes give.
 */
export function testRule(rule: AnyRule, base: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  const run = (testCase: ValidCase): { source: string; found: Diagnostic[] } => {
    const root = makeProject();
    testCase.setup?.(root);
    const folder = join(root, 'issues', testCase.folder ?? '042');
    const path = join(folder, 'issue.md');
    const source = typeof testCase.code === 'string' ? testCase.code : testCase.code(base);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path, source);
    const session = openSession({ root, issuesDir: join(root, 'issues') });
    const configured = configureRule(rule, testCase.setting, session.template);
    const rules: ConfiguredRule[] = configured ? [configured] : [];
    const { diagnostics } = lintFile({ path, folder, file: 'issue.md' }, { ...session, rules });
    return { source: source.replace(/\r\n?/g, '\n'), found: diagnostics.filter((diagnostic) => diagnostic.rule === rule.id) };
  };

  describe(`rule ${rule.id}`, () => {
    it.each(cases.valid.map((testCase, index) => [testCase.name ?? `valid #${index + 1}`, testCase] as const))('accepts %s', (_name, testCase) => {
      expect(run(testCase).found).toEqual([]);
    });

    it.each(cases.invalid.map((testCase, index) => [testCase.name ?? `invalid #${index + 1}`, testCase] as const))('reports %s', (_name, testCase) => {
      const { source, found } = run(testCase);
      expect(found.map(({ messageId, line, column, severity }) => ({ messageId, line, column, severity })))
        .toEqual(testCase.errors.map((error) => ({ severity: error.severity ?? rule.severity, ...error })));
      for (const diagnostic of found) {
        expect(rule.messages[diagnostic.messageId!]).toBeDefined();
        // Every placeholder of the message was filled.
        expect(`${diagnostic.message.fr} ${diagnostic.message.en}`).not.toMatch(/\{[a-z]\w*\}/i);
      }
      if (rule.fixable) expect(testCase.output, 'a fixable rule states the output of each invalid case').not.toBe(undefined);
      if (testCase.output !== undefined) {
        const { output, applied } = applyFixes(source, found);
        expect(applied === 0 ? null : output).toEqual(testCase.output);
      }
    });
  });
}
