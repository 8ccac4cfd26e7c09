/** The line by which `pvd hooks install` recognises a hook it wrote (and may rewrite). */
export const HOOK_MARKER = '# pvd-managed-hook';

/** Single-quoted for sh: the only character to escape is the quote itself. */
export function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

export interface HookScriptOptions {
  /** The pvd launcher (bin/pvd.js) to run, by absolute path. */
  pvd: string;
  /** Node, by absolute path: used when `node` is not on the PATH of the git client. */
  node: string;
  /** Path of the newsletter repository from the top of the git work tree ('' when they are the same). */
  prefix: string;
}

/**
 * A POSIX sh pre-commit hook that lints the issues staged for the commit, and only them:
 * a commit that touches no issue costs nothing. If pvd has moved since it was installed,
 * it falls back to the pvd of the repository's node_modules (npx --no-install).
 */
export function preCommitScript({ pvd, node, prefix }: HookScriptOptions): string {
  return `#!/bin/sh
${HOOK_MARKER} — written by "npx pvd hooks install"; run it again to update this file.
# Lints the issues staged for this commit (issues/NNN/issue.md); the commit is refused
# while one has errors. Skip it once, knowingly, with "git commit --no-verify".
cd "$(git rev-parse --show-toplevel)"${prefix ? `/${shellQuote(prefix)}` : ''} || exit 1
files=$(git diff --cached --name-only --diff-filter=ACMR --relative -- 'issues/[0-9][0-9][0-9]/issue.md')
[ -z "$files" ] && exit 0

# pvd reads the files on disk: with changes left out of the commit, it would not check
# what is being committed. Issue paths are issues/NNN/issue.md: no space, no quoting needed.
partial=''
for file in $files; do
  git diff --quiet -- "$file" || partial="$partial $file"
done
if [ -n "$partial" ]; then
  if [ "\${PVD_LANG#en}" != "\${PVD_LANG}" ]; then
    echo "pvd: these issues have changes left out of the commit:$partial" >&2
    echo "The check reads the files on disk: add them (git add) or set them aside (git stash --keep-index), then commit again." >&2
  else
    echo "pvd : ces numéros ont des modifications non ajoutées au commit :$partial" >&2
    echo "La vérification lit les fichiers sur le disque : ajoutez-les (git add) ou mettez-les de côté (git stash --keep-index), puis recommencez." >&2
  fi
  exit 1
fi

PVD=${shellQuote(pvd)}
NODE=node
command -v node >/dev/null 2>&1 || NODE=${shellQuote(node)}
if [ -f "$PVD" ]; then
  exec "$NODE" "$PVD" lint $files
else
  exec npx --no-install pvd lint $files
fi
`;
}
