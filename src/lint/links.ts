import type { Issue, Position } from '../issue/model.js';

export interface LinkTarget {
  href: string;
  position: Position;
}

/** Every link destination of the issue, including those of linked images, each once. */
export function linkTargets(issue: Issue): LinkTarget[] {
  const seen = new Set<string>();
  const targets: LinkTarget[] = [];
  const add = (href: string, position: Position) => {
    const key = `${position.line}:${href}`;
    if (seen.has(key)) return;
    seen.add(key);
    targets.push({ href, position });
  };
  for (const link of issue.links) add(link.href, link.position);
  for (const image of issue.images) if (image.href !== undefined) add(image.href, image.position);
  return targets;
}
