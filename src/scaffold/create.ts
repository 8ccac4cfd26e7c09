import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ImageCopy } from './carry-over.js';

/** The number's folder already exists: nothing was written, nothing was touched. */
export class IssueExistsError extends Error {
  constructor(readonly folder: string) {
    super(`${folder} already exists`);
  }
}

export interface NewIssueFiles {
  issueText: string;
  images: readonly ImageCopy[];
}

const TEMPORARY = /^\.(\d{3})\.tmp-(\d+)$/;

/**
 * Creates issues/NNN/ all at once: everything is written into a hidden sibling
 * (`.NNN.tmp-<pid>`) renamed at the end, so an interrupted run leaves no half-made issue
 * and `listIssues` never sees one. Never replaces an existing folder, even an empty one.
 */
export function createIssueFolder(issuesDir: string, folderName: string, files: NewIssueFiles): string {
  const folder = join(issuesDir, folderName);
  mkdirSync(issuesDir, { recursive: true });
  removeAbandonedFolders(issuesDir);
  if (existsSync(folder)) throw new IssueExistsError(folder);

  const temporary = join(issuesDir, `.${folderName}.tmp-${process.pid}`);
  const cleanUp = () => rmSync(temporary, { recursive: true, force: true });
  // The writes are synchronous, so these listeners chiefly stop Node's default of dying
  // mid-write on Ctrl-C: the folder is finished first. Should one run, it takes the folder with it.
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    cleanUp();
    mkdirSync(join(temporary, 'images'), { recursive: true });
    writeFileSync(join(temporary, 'issue.md'), files.issueText, { flag: 'wx' });
    for (const image of files.images) {
      const target = join(temporary, image.to);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(image.from, target, constants.COPYFILE_EXCL);
    }
    // git keeps no empty folder: the placeholder keeps images/ in the commit.
    if (readdirSync(join(temporary, 'images')).length === 0) writeFileSync(join(temporary, 'images', '.gitkeep'), '');
    // rename() would silently replace an empty directory made meanwhile: check again just before.
    if (existsSync(folder)) throw new IssueExistsError(folder);
    try {
      renameSync(temporary, folder);
    } catch (error) {
      if (existsSync(folder)) throw new IssueExistsError(folder);
      throw error;
    }
    return folder;
  } catch (error) {
    cleanUp();
    throw error;
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }
}

/** Temporary folders left by a run that was killed outright (power cut, kill -9). */
function removeAbandonedFolders(issuesDir: string): void {
  for (const name of readdirSync(issuesDir)) {
    const pid = TEMPORARY.exec(name)?.[2];
    if (pid !== undefined && !isRunning(Number(pid))) rmSync(join(issuesDir, name), { recursive: true, force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
