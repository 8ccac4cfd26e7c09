import { rmSync } from 'node:fs';
import { afterAll } from 'vitest';
import { makeProject } from '../../helpers.js';

/** makeProject, with every copy removed when the file's tests are done. */
export function projectCopies(): () => string {
  const roots: string[] = [];
  afterAll(() => {
    for (const root of roots) rmSync(root, { recursive: true, force: true });
  });
  return () => {
    const root = makeProject();
    roots.push(root);
    return root;
  };
}
