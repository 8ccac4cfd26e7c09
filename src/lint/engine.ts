import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { Rule, RuleContext } from './rule.js';

const DISABLE_NEXT_LINE = /<!--\s*pvd-disable-next-line\b([^>]*?)-->/g;

/** Runs every rule on one parsed issue, with the levels set in template.yaml. */
export function runRules(context: RuleContext, rules: readonly Rule[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const levels = context.template.config.rules;
  const disabled = disabledLines(context.issue.source);
  for (const rule of rules) {
    const level = levels[rule.id];
    if (level === 'off') continue;
    rule.check(context, (position, message, options = {}) => {
      const silenced = disabled.get(position.line);
      if (silenced && (silenced.size === 0 || silenced.has(rule.id))) return;
      diagnostics.push({
        file: context.issue.file,
        line: position.line,
        column: position.column,
        // template.yaml's level wins over the rule's own, which wins over its default.
        severity: level ?? options.severity ?? rule.severity,
        rule: rule.id,
        message,
        ...(options.fix ? { fix: options.fix } : {}),
      });
    });
  }
  return sortDiagnostics(diagnostics);
}

/** Line number → the rule ids silenced on it (an empty set silences every rule). */
function disabledLines(source: string): Map<number, Set<string>> {
  const disabled = new Map<number, Set<string>>();
  if (!source.includes('pvd-disable')) return disabled;
  const lines = source.split('\n');
  lines.forEach((line, index) => {
    for (const match of line.matchAll(DISABLE_NEXT_LINE)) {
      const ids = (match[1] ?? '').split(/[\s,]+/).filter(Boolean);
      const target = index + 2;
      const set = disabled.get(target) ?? new Set<string>();
      if (ids.length === 0) set.clear();
      for (const id of ids) set.add(id);
      disabled.set(target, ids.length === 0 ? new Set() : set);
    }
  });
  return disabled;
}
