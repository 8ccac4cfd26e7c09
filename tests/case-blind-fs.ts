import { join } from 'node:path';

type Fs = typeof import('node:fs');

/**
 * node:fs as on a disk that ignores case (Windows, macOS): for vi.mock('node:fs'), since
 * this machine's disk respects case. Each name of a path is matched against its folder's
 * listing regardless of case; what is found is what exists.
 */
export function caseBlindFs(fs: Fs): Fs {
  const found = (path: string): string | undefined => {
    let current = '/';
    for (const part of path.split('/').filter(Boolean)) {
      const entries = fs.existsSync(current) ? fs.readdirSync(current) : [];
      const match = entries.includes(part) ? part : entries.find((entry) => entry.toLowerCase() === part.toLowerCase());
      if (!match) return undefined;
      current = join(current, match);
    }
    return current;
  };
  const onDisk = (path: unknown) => found(String(path)) ?? String(path);
  return {
    ...fs,
    existsSync: (path: unknown) => found(String(path)) !== undefined,
    readdirSync: ((path: unknown, ...rest: unknown[]) => (fs.readdirSync as (...args: unknown[]) => unknown)(onDisk(path), ...rest)) as Fs['readdirSync'],
    realpathSync: Object.assign((path: unknown) => fs.realpathSync(onDisk(path)), { native: (path: unknown) => fs.realpathSync.native(onDisk(path)) }) as Fs['realpathSync'],
  } as Fs;
}
