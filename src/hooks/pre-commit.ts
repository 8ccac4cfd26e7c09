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

/** What the hook prints last when it stops a commit: why, and what to do next. */
const REFUSALS = {
  errors: {
    fr: 'Commit refusé : les numéros ci-dessus ont des erreurs. Corrigez-les (« npx pvd lint --fix » corrige la typographie et les espaces), ajoutez-les (git add) puis recommencez ; ou, en connaissance de cause, passez la vérification avec « git commit --no-verify ».',
    en: 'Commit refused: the issues above have errors. Fix them ("npx pvd lint --fix" fixes typography and spacing), add them (git add) and commit again; or, knowingly, skip the check with "git commit --no-verify".',
  },
  partial: {
    fr: 'Commit refusé : ajoutez ces modifications au commit (git add) ou mettez-les de côté (git stash --keep-index), puis recommencez.',
    en: 'Commit refused: add these changes to the commit (git add) or set them aside (git stash --keep-index), then commit again.',
  },
  failed: {
    fr: "Commit refusé : pvd n'a pas pu vérifier les numéros (message ci-dessus). Réglez ce problème puis recommencez ; ou, en connaissance de cause, passez la vérification avec « git commit --no-verify ».",
    en: 'Commit refused: pvd could not check the issues (message above). Solve that problem and commit again; or, knowingly, skip the check with "git commit --no-verify".',
  },
};

/**
 * A POSIX sh pre-commit hook that lints the issues the commit touches, and only them — an
 * issue.md staged, or any file of its folder (a picture replaced by something that is not
 * one, a picture removed that the issue still shows): a commit that touches no issue costs nothing. If pvd has moved since it was installed,
 * it falls back to the pvd of the repository's node_modules (npx --no-install).
 */
export function preCommitScript({ pvd, node, prefix }: HookScriptOptions): string {
  const say = (message: { fr: string; en: string }) => `say ${shellQuote(message.fr)} ${shellQuote(message.en)}`;
  return `#!/bin/sh
${HOOK_MARKER} — written by "npx pvd hooks install"; run it again to update this file.
# Lints the issues this commit touches (issue.md, or a picture of issues/NNN/); the commit is
# refused while one has errors. Skip it once, knowingly, with "git commit --no-verify".

# Prints the French or the English line (PVD_LANG=en…), on stderr as git shows hooks.
say() {
  case "$PVD_LANG" in
    [Ee][Nn]*) printf '%s\\n' "$2" >&2 ;;
    *) printf '%s\\n' "$1" >&2 ;;
  esac
}

# git runs a hook at the top of the work tree and, in a linked worktree, sets GIT_DIR: git
# then takes the current folder for the top. So every git command runs here, before any cd.
cd "$(git rev-parse --show-toplevel)" || exit 1
prefix=${shellQuote(prefix)}
# One path a line, written as is: a newsletter folder may hold spaces and accents.
IFS='
'
set -f
# Every file of an issue's folder, deletions included: a picture replaced or removed is
# checked with the issue that shows it.
staged=$(git -c core.quotePath=false diff --cached --name-only --diff-filter=ACMRD -- "\${prefix:+$prefix/}issues/[0-9][0-9][0-9]/*")
[ -z "$staged" ] && exit 0

# pvd reads the files on disk: with changes left out of the commit, it would not check
# what is being committed.
files=''
partial=''
for file in $staged; do
  relative=\${file#"\${prefix:+$prefix/}"}
  rest=\${relative#issues/}
  issue="issues/\${rest%%/*}/issue.md"
  if [ -f "\${prefix:+$prefix/}$issue" ]; then
    case "$files" in
      *"$issue
"*) ;;
      *) files="$files$issue
" ;;
    esac
  fi
  [ -e "$file" ] && { git diff --quiet -- "$file" || partial="$partial $relative"; }
done
[ -z "$files" ] && exit 0
if [ -n "$partial" ]; then
  say "pvd : ces numéros ont des modifications non ajoutées au commit :$partial" "pvd: these issues have changes left out of the commit:$partial"
  say 'La vérification lit les fichiers sur le disque, pas ce qui est ajouté au commit.' 'The check reads the files on disk, not what is staged for the commit.'
  ${say(REFUSALS.partial)}
  exit 1
fi

cd "./$prefix" || exit 1
PVD=${shellQuote(pvd)}
NODE=node
command -v node >/dev/null 2>&1 || NODE=${shellQuote(node)}
if [ -f "$PVD" ]; then
  "$NODE" "$PVD" lint $files
else
  npx --no-install pvd lint $files
fi
status=$?
[ "$status" -eq 0 ] && exit 0
if [ "$status" -eq 1 ]; then
  ${say(REFUSALS.errors)}
else
  ${say(REFUSALS.failed)}
fi
exit "$status"
`;
}
