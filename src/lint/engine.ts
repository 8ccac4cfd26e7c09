import type { Diagnostic } from '../diagnostics.js';
import { sortDiagnostics } from '../diagnostics.js';
import type { Report, Rule, RuleContext } from './rule.js';

const DISABLE_NEXT_LINE = /<!--\s*pvd-disable-next-line\b([^>]*?)-->/g;

/** Runs every rule on one parsed issue, with the levels set in template.yaml. */
export function runRules(context: RuleContext, rules: readonly Rule[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const levels = context.template.config.rules;
  const disabled = disabledLines(context.issue.source);
  for (const rule of rules) {
    const level = levels[rule.id];
    if (level === 'off') continue;
    const report: Report = (position, message, options = {}) => {
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
    };
    try {
      rule.check(context, report);
    } catch (error) {
      // A bug in one rule must not hide what the others found.
      if (process.env.PVD_DEBUG) console.error(error);
      const detail = error instanceof Error ? error.message : String(error);
      diagnostics.push({
        file: context.issue.file, line: 1, column: 1, severity: 'error', rule: rule.id,
        message: {
          fr: `La règle ${rule.id} a échoué (${detail}) : relancez avec PVD_DEBUG=1 et signalez-le à l'équipe.`,
          en: `The rule ${rule.id} failed (${detail}): run again with PVD_DEBUG=1 and report it to the team.`,
        },
      });
    }
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
