import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { compileIdentity, readRemembered, writeRemembered } from '../io/cache.js';
import { fileState, folderState } from '../io/folder-state.js';
import { dictionaryIdentity } from '../lint/french/hunspell.js';
import { wordListPath } from '../lint/french/word-list-file.js';
import type { IssueNumbers } from '../lint/issue-numbers.js';
import type { IssueFile } from '../project.js';
import type { BuildSettings } from './build.js';
import type { BuildReport } from './report.js';

// Part of the key: a change to what is stored invalidates every entry.
const FORMAT = 'pvd-build-1';

/** Where one issue's build is remembered, and everything it was built from. */
export interface BuildMemory {
  name: string;
  key: string;
}

/** What is stored: the report as the build gave it, and what it left in out/NNN/ and saw of the issue numbers. */
interface StoredBuild {
  report: BuildReport;
  outputs: string;
  declaring: readonly string[];
}

/**
 * What every issue of this run is built from besides its own folder: this compile of pvd and
 * Node, where it runs (diagnostics name files relative to it), the template's whole folder,
 * the word list and the dictionary, the target and out/. Undefined when nothing is to be
 * remembered: pvd running from its sources (tests), `--stdout`, or a folder too big to state.
 */
export function sharedBuildKey(settings: BuildSettings): string | undefined {
  const identity = compileIdentity();
  if (identity === undefined || !settings.write) return undefined;
  const { template, project } = settings.session;
  const templateState = folderState(template.folder);
  if (templateState === undefined) return undefined;
  const dictionary = dictionaryIdentity();
  return createHash('sha256')
    .update([FORMAT, identity, process.version, process.cwd(), project.root, project.issuesDir, template.name, settings.target, settings.outDir].join('\0'))
    .update('\0').update(templateState)
    // The word list may be named outside the template's folder (`words:` in template.yaml).
    .update('\0').update(fileState(wordListPath(template)))
    .update('\0').update(`${dictionary.version}\0${fileState(join(dictionary.folder, 'index.dic'))}\0${fileState(join(dictionary.folder, 'index.aff'))}`)
    .digest('hex');
}

/** One issue's key: the shared one, its issue.md as written, and its folder (pictures) as the file system states it. */
export function buildMemory(shared: string | undefined, settings: BuildSettings, target: IssueFile): BuildMemory | undefined {
  if (shared === undefined) return undefined;
  const folder = folderState(target.folder);
  let source: Buffer;
  try {
    source = readFileSync(target.path);
  } catch {
    return undefined;
  }
  if (folder === undefined) return undefined;
  const key = createHash('sha256').update(`${shared}\0${target.path}\0${target.file}\0${folder}\0`).update(source).digest('hex');
  return { name: `${settings.outDir}\0${target.path}`, key };
}

/**
 * The report of the last build of this issue, when nothing it was built from has changed and
 * out/NNN/ is still exactly what it wrote: `build --all` renders only the issues edited since.
 * The same issue numbers must be declared where they were (the rule number-unique looks at all).
 */
export function recallBuild(memory: BuildMemory | undefined, numbers: IssueNumbers | undefined): BuildReport | undefined {
  if (!memory || !numbers) return undefined;
  const bytes = readRemembered('builds', memory.name, memory.key);
  if (!bytes) return undefined;
  let stored: StoredBuild;
  try {
    stored = deserialize(bytes) as StoredBuild;
  } catch {
    // A damaged entry costs the build, nothing else.
    return undefined;
  }
  const output = stored.report?.output;
  if (!output || folderState(output.folder) !== stored.outputs) return undefined;
  const declaring = numbers.filesDeclaring(output.number);
  if (declaring.length !== stored.declaring.length || declaring.some((path, index) => path !== stored.declaring[index])) return undefined;
  return { ...stored.report, output: { ...output, changed: false } };
}

/** Remembers a build that wrote out/NNN/, under the key taken before it ran: an issue edited meanwhile is built again next time. */
export function rememberBuild(memory: BuildMemory | undefined, report: BuildReport, numbers: IssueNumbers | undefined): void {
  const output = report.output;
  if (!memory || !numbers || !output || output.printed) return;
  const outputs = folderState(output.folder);
  if (outputs === undefined) return;
  const stored: StoredBuild = { report, outputs, declaring: [...numbers.filesDeclaring(output.number)] };
  writeRemembered('builds', memory.name, memory.key, serialize(stored));
}
