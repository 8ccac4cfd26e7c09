import { resolveInsideFolder, type LocalPath } from '../io/paths.js';
import type { Issue } from '../issue/model.js';

const resolved = new WeakMap<Issue, Map<string, LocalPath>>();

/** Where a local image written in the issue resolves, asked of the file system once per issue. */
export function localImage(issue: Issue, src: string): LocalPath {
  let cache = resolved.get(issue);
  if (!cache) resolved.set(issue, (cache = new Map()));
  let local = cache.get(src);
  if (!local) cache.set(src, (local = resolveInsideFolder(issue.folder, src)));
  return local;
}
