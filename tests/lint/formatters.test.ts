import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { applyFixes } from '../../src/lint/fix.js';
import { formatGithub } from '../../src/lint/formatters/github.js';
import { formatJson } from '../../src/lint/formatters/json.js';
import { loadIssueSource } from '../../src/issue/load.js';
import { runRules } from '../../src/lint/engine.js';
import { defineRule } from '../../src/lint/rule.js';
import { loadTemplate } from '../../src/template/load.js';
import { REPO } from '../helpers.js';

const diagnostic = (overrides: Partial<Diagnostic>): Diagnostic => ({
  file: 'issues/042/issue.md', line: 3, column: 7, severity: 'error', rule: 'front-matter', message: { fr: 'message', en: 'message' }, ...overrides,
});

describe('formatters', () => {
  it('github: escapes %, line breaks, and the : and , of properties', () => {
    const output = formatGithub([{ file: 'issues/0,42/a:b.md', diagnostics: [diagnostic({ message: { fr: '100 % faux\nligne 2', en: '' } })] }]);
    expect(output).toBe('::error file=issues/0%2C42/a%3Ab.md,line=3,col=7,title=front-matter::100 %25 faux%0Aligne 2');
  });

  it('json: every file, clean ones included, with counts', () => {
    const parsed = JSON.parse(formatJson([
      { file: 'issues/041/issue.md', diagnostics: [] },
      { file: 'issues/042/issue.md', diagnostics: [diagnostic({ severity: 'warning', fix: { start: 0, end: 0, text: ' ' } })], fixed: 2 },
    ]));
    expect(parsed).toEqual([
      { file: 'issues/041/issue.md', errorCount: 0, warningCount: 0, fixed: 0, messages: [] },
      { file: 'issues/042/issue.md', errorCount: 0, warningCount: 1, fixed: 2, messages: [{ line: 3, column: 7, severity: 'warning', rule: 'front-matter', message: 'message', fixable: true }] },
    ]);
  });
});

describe('applyFixes', () => {
  it('applies from the end, skips overlaps and duplicates, leaving them for the next pass', () => {
    const fixes = [
      diagnostic({ fix: { start: 0, end: 3, text: 'ABC' } }),
      diagnostic({ fix: { start: 2, end: 5, text: 'zz' } }),
      diagnostic({ fix: { start: 7, end: 7, text: ' ' } }),
      diagnostic({ fix: { start: 7, end: 7, text: ' ' } }),
      diagnostic({}),
    ];
    expect(applyFixes('abcdefgh', fixes)).toEqual({ output: 'abzzfg h', applied: 2 });
  });
});

describe('runRules', () => {
  it('turns a rule that throws into a located error, and still runs the others', () => {
    const template = loadTemplate(REPO);
    const { issue } = loadIssueSource('---\nnumber: 42\n---\n\nTexte.\n', join(REPO, 'issues', '042', 'issue.md'), 'issue.md', template);
    const broken = defineRule({ id: 'broken', severity: 'warning', description: { fr: 'x', en: 'x' }, check: () => { throw new Error('boum'); } });
    const working = defineRule({ id: 'working', severity: 'warning', description: { fr: 'x', en: 'x' }, check: (_, report) => report({ line: 5, column: 1 }, { fr: 'vu', en: 'seen' }) });
    const found = runRules({ issue: issue!, template, project: { root: REPO, issuesDir: join(REPO, 'issues') } }, [broken, working]);
    expect(found.map((diagnostic) => [diagnostic.rule, diagnostic.severity, diagnostic.line])).toEqual([['broken', 'error', 1], ['working', 'warning', 5]]);
    expect(found[0]!.message.fr).toBe("La règle broken a échoué (boum) : relancez avec PVD_DEBUG=1 et signalez-le à l'équipe.");
  });
});
