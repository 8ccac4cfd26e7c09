import type * as fs from 'node:fs';

/**
 * Another program acting between two steps of pvd: a test file mocks node:fs with
 * `interleavedFs`, then sets `interleave.before` to act just before a given call (an editor
 * saving the file pvd is fixing, a folder appearing while pvd writes). What the hook itself
 * does with node:fs is not intercepted.
 */
export const interleave: { before?: (call: string, args: unknown[]) => void } = {};

const INTERCEPTED = ['readFileSync', 'writeFileSync', 'renameSync', 'mkdirSync', 'existsSync', 'lstatSync', 'statSync', 'readdirSync', 'copyFileSync', 'chmodSync', 'openSync'] as const;

export function interleavedFs(actual: typeof fs): typeof fs & { default: typeof fs } {
  const wrapped: Record<string, unknown> = { ...actual };
  let inside = false;
  for (const name of INTERCEPTED) {
    const original = actual[name] as (...args: unknown[]) => unknown;
    wrapped[name] = (...args: unknown[]) => {
      if (interleave.before && !inside) {
        inside = true;
        try {
          interleave.before(name, args);
        } finally {
          inside = false;
        }
      }
      return original(...args);
    };
  }
  return { ...(wrapped as typeof fs), default: wrapped as typeof fs };
}
