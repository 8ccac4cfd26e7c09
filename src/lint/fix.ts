import type { Diagnostic, Fix } from '../diagnostics/index.js';

/**
 * Applies the fixes of some diagnostics to a source, from the end backwards so that
 * earlier offsets stay valid. A fix overlapping one already applied waits for the next
 * pass (the caller lints again and fixes what is left).
 */
export function applyFixes(source: string, diagnostics: readonly Diagnostic[]): { output: string; applied: number } {
  const fixes = diagnostics
    .map((diagnostic) => diagnostic.fix)
    .filter((fix): fix is Fix => fix !== undefined)
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let output = source;
  let applied = 0;
  let limit = Infinity;
  let previous: Fix | undefined;
  for (const fix of fixes) {
    if (previous && fix.start === previous.start && fix.end === previous.end && fix.text === previous.text) continue;
    if (fix.end > limit || fix.start > fix.end || fix.end > source.length) continue;
    output = output.slice(0, fix.start) + fix.text + output.slice(fix.end);
    limit = fix.start;
    // Two insertions at one offset would land in reverse order: keep one per pass.
    if (fix.start === fix.end) limit = fix.start - 0.5;
    previous = fix;
    applied++;
  }
  return { output, applied };
}
