import type { Issue } from '../issue/model.js';
import { LineIndex } from '../text/positions.js';

/** `<!-- pvd-disable-next-line rule-a, rule-b -->` silences the next line; with no id, every rule. */
const DISABLE_NEXT_LINE = /<!--\s*pvd-disable-next-line\b([^>]*?)-->/g;
/** `<!-- pvd-disable rule-a -->` silences rules (lint rules and inbox checks alike) in the whole issue. */
const DISABLE_FILE = /<!--\s*pvd-disable\s+([^>]*?)-->/g;

export interface DisabledRules {
  /** Rules silenced in the whole issue. */
  file: Set<string>;
  isSilenced(rule: string, line: number): boolean;
}

const ids = (text: string | undefined) => (text ?? '').split(/[\s,]+/).filter(Boolean);

/** What the issue's comments silence. Only HTML comments count, never text that looks like one in code. */
export function disabledRules(issue: Issue): DisabledRules {
  const nextLine = new Map<number, Set<string> | 'all'>();
  const file = new Set<string>();
  if (issue.source.includes('pvd-disable')) {
    const lines = new LineIndex(issue.source);
    for (const range of issue.verbatim) {
      if (range.kind !== 'html') continue;
      const comment = issue.source.slice(range.start, range.end);
      for (const match of comment.matchAll(DISABLE_FILE)) for (const id of ids(match[1])) file.add(id);
      for (const match of comment.matchAll(DISABLE_NEXT_LINE)) {
        const offset = range.start + match.index + match[0].length;
        const target = lines.positionAt(offset).line + 1;
        const listed = ids(match[1]);
        const current = nextLine.get(target);
        if (listed.length === 0 || current === 'all') nextLine.set(target, 'all');
        else nextLine.set(target, new Set([...(current ?? []), ...listed]));
      }
    }
  }
  return {
    file,
    isSilenced(rule, line) {
      const silenced = nextLine.get(line);
      return silenced === 'all' || (silenced?.has(rule) ?? false);
    },
  };
}
