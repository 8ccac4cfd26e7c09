import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/index.js';
import { applyFixes } from '../../src/lint/fix.js';
import { formatGithub } from '../../src/diagnostics/formatters/github.js';
import { formatJson } from '../../src/diagnostics/formatters/json.js';
import { loadIssueSource } from '../../src/issue/load.js';
import { runRules } from '../../src/lint/engine.js';
import { defineRule, type AnyRule } from '../../src/lint/rule.js';
import { loadTemplate } from '../../src/template/load.js';
import { REPO } from '../helpers.js';

const diagnostic = (overrides: Partial<Diagnostic>): Diagnostic => ({
  file: 'issues/042/issue.md', line: 3, column: 7, severity: 'error', rule: 'front-matter', messageId: 'invalid-number', message: { fr: 'message', en: 'message' }, ...overrides,
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
      { file: 'issues/042/issue.md', errorCount: 0, warningCount: 1, fixed: 2, messages: [{ line: 3, column: 7, severity: 'warning', rule: 'front-matter', messageId: 'invalid-number', message: 'message', fixable: true }] },
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
  const template = loadTemplate(REPO);
  const target = { path: join(REPO, 'issues', '042', 'issue.md'), folder: join(REPO, 'issues', '042'), file: 'issue.md' };
  const { issue } = loadIssueSource('---\nnumber: 42\n---\n\nTexte.\n', target, template);
  const context = { template, project: { root: REPO, issuesDir: join(REPO, 'issues') } };
  const configured = (rule: AnyRule) => ({ rule, level: undefined, options: undefined });
  const seen = { fr: 'vu', en: 'seen' };

  it('turns a rule that throws into a located error, and still runs the others', () => {
    const broken = defineRule({ id: 'broken', severity: 'warning', description: seen, messages: { seen }, create: () => ({ issue: () => { throw new Error('boum'); } }) });
    const working = defineRule({ id: 'working', severity: 'warning', description: seen, messages: { seen }, create: ({ report }) => ({ issue: () => report({ at: { line: 5, column: 1 }, messageId: 'seen' }) }) });
    const found = runRules(issue!, [configured(broken), configured(working)], context);
    expect(found.map((diagnostic) => [diagnostic.rule, diagnostic.severity, diagnostic.line, diagnostic.messageId])).toEqual([['broken', 'error', 1, 'ruleFailed'], ['working', 'warning', 5, 'seen']]);
    expect(found[0]!.message.fr).toBe("La règle broken a échoué (boum) : relancez avec PVD_DEBUG=1 et signalez-le à l'équipe.");
  });

  it('refuses a fix from a rule that does not say it is fixable, and a message id it does not have', () => {
    const sneaky = defineRule({ id: 'sneaky', severity: 'warning', description: seen, messages: { seen }, create: ({ report }) => ({ issue: () => report({ at: { line: 5, column: 1 }, messageId: 'seen', fix: { start: 0, end: 0, text: 'x' } }) }) });
    const vague = defineRule({ id: 'vague', severity: 'warning', description: seen, messages: { seen }, create: ({ report }) => ({ issue: () => report({ at: { line: 5, column: 1 }, messageId: 'other' }) }) });
    const found = runRules(issue!, [configured(sneaky), configured(vague)], context);
    expect(found.map((diagnostic) => [diagnostic.rule, diagnostic.messageId, diagnostic.fix])).toEqual([['sneaky', 'ruleFailed', undefined], ['vague', 'ruleFailed', undefined]]);
    expect(found.map((diagnostic) => diagnostic.message.en)).toEqual([
      'The rule sneaky failed (a fix from a rule that is not fixable): run again with PVD_DEBUG=1 and report it to the team.',
      'The rule vague failed (unknown message id other): run again with PVD_DEBUG=1 and report it to the team.',
    ]);
  });

  it('fills a message’s placeholders from the report’s data, a Message taken in each language', () => {
    const counting = defineRule({ id: 'counting', severity: 'error', description: seen, messages: { many: { fr: '{count} ici', en: '{count} here' } }, create: ({ report }) => ({ issue: () => report({ at: { line: 5, column: 1 }, messageId: 'many', data: { count: { fr: '3 articles', en: '3 items' } } }) }) });
    expect(runRules(issue!, [configured(counting)], context)[0]!.message).toEqual({ fr: '3 articles ici', en: '3 items here' });
  });
});
