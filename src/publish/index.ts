import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/index.js';
import { UsageError } from '../errors.js';
import type { Message } from '../i18n/lang.js';
import { buildIssue } from '../pipeline/build.js';
import type { Session } from '../pipeline/session.js';
import { listIssues, type IssueFile } from '../project.js';
import { renderArchive, type ArchiveEntry } from '../render/archive.js';
import { compileTemplate } from '../render/index.js';
import type { Template } from '../template/model.js';
import { mapWithLimit } from './concurrency.js';
import type { Destination } from './destination.js';
import { ARCHIVE_PAGE, issueFile, issuePage, issueUrls, publishedUrl } from './layout.js';
import { emptyManifest, MANIFEST, parseManifest, serializeManifest, sha256, type Manifest } from './manifest.js';
import { checkOnline, type OnlineOptions, type OnlineStatus } from './online.js';
import type { SftpSettings } from './sftp.js';
import { DestinationError, type Transport } from './transport.js';

export interface PublishRequest {
  session: Session;
  /** The issues asked for (a draft among them is refused); undefined: every ready issue. */
  issues: readonly IssueFile[] | undefined;
  destination: Destination;
  /** Check over HTTP(S) afterwards that every page and image answers at publicBaseUrl. */
  check: boolean;
  online?: OnlineOptions;
  sftp?: SftpSettings;
}

/** One file to put at the destination. */
interface PublishFile {
  path: string;
  bytes: Buffer;
  sha256: string;
}

/** One ready issue's web version (generic target) and its images, images first: the page comes last. */
interface IssueToPublish {
  entry: ArchiveEntry;
  files: PublishFile[];
  urls: string[];
}

export interface IssueOutcome {
  number: number;
  folderName: string;
  sent: number;
  unchanged: number;
}

export interface PublishReport {
  destination: Destination;
  /** Lint errors of the issues that were therefore not published. */
  diagnostics: Diagnostic[];
  notBuilt: number;
  /** Issues entirely published (or already there), in order. */
  published: IssueOutcome[];
  archive?: { sent: boolean; issues: number };
  /** Why publishing stopped: nothing after the issues in `published` was made visible. */
  failure?: Message;
  /** Addresses checked online, and those that did not answer. */
  checked: number;
  offline: Extract<OnlineStatus, { online: false }>[];
}

/** Stats and reads at once over SFTP: each is a round trip. */
const DESTINATION_CONCURRENCY = 8;

/**
 * build (generic target, nothing written) → compare with what the destination holds →
 * send, issue by issue (images, then the page), the archive last → check online.
 */
export async function publish(request: PublishRequest, onIssue: (outcome: IssueOutcome) => void = () => {}): Promise<PublishReport> {
  const { issues, diagnostics, notBuilt } = await collectIssues(request);
  const report: PublishReport = { destination: request.destination, diagnostics, notBuilt, published: [], checked: 0, offline: [] };
  if (issues.length === 0) return report;

  let transport: Transport | undefined;
  try {
    transport = await openTransport(request);
    await sendAll(transport, issues, request.session.template, report, onIssue);
  } catch (error) {
    if (!(error instanceof DestinationError)) throw error;
    report.failure = error.text;
  } finally {
    await transport?.close();
  }
  if (report.failure || !request.check) return report;

  const base = request.session.template.config.publicBaseUrl;
  const urls = [...issues.flatMap((issue) => issue.urls), publishedUrl(base, ARCHIVE_PAGE)];
  const statuses = await checkOnline(urls, request.online);
  report.checked = urls.length;
  report.offline = statuses.filter((status): status is Extract<OnlineStatus, { online: false }> => !status.online);
  return report;
}

async function collectIssues(request: PublishRequest): Promise<{ issues: IssueToPublish[]; diagnostics: Diagnostic[]; notBuilt: number }> {
  const { session } = request;
  const { project, template } = session;
  const explicit = request.issues !== undefined;
  const refs = request.issues ?? listIssues(project);
  const compiled = compileTemplate(template);
  // The web version: the same pipeline as `pvd build`, for the generic target, nothing written to out/.
  const options = { session, compiled, target: 'generic' as const, outDir: join(project.root, 'out'), write: false };
  const issues: IssueToPublish[] = [];
  const diagnostics: Diagnostic[] = [];
  const drafts: number[] = [];
  let notBuilt = 0;
  for (const ref of refs) {
    const result = await buildIssue(ref, options);
    if (!result.output) {
      notBuilt++;
      diagnostics.push(...result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error'));
      continue;
    }
    const built = result.output;
    if (built.status !== 'ready') {
      drafts.push(built.number);
      continue;
    }
    const images = built.files.filter((file) => 'source' in file).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    const files = [
      ...images.map((image) => publishFile(issueFile(built.folderName, image.path), readFileSync((image as { source: string }).source))),
      publishFile(issuePage(built.folderName), Buffer.from(built.html)),
    ];
    issues.push({
      entry: { number: built.number, date: built.date, subject: built.subject, folderName: built.folderName },
      files,
      urls: issueUrls(template.config.publicBaseUrl, built.folderName, images.map((image) => image.path)),
    });
  }
  if (explicit && drafts.length > 0) {
    const list = drafts.join(', ');
    throw new UsageError({
      fr: `Le n° ${list} est encore un brouillon (status: draft) : rien n'a été publié. Quand il est prêt, passez « status: ready » dans son issue.md, puis relancez « npx pvd publish ${drafts.join(' ')} ».`,
      en: `Issue ${list} is still a draft (status: draft): nothing was published. When it is done, set "status: ready" in its issue.md, then run "npx pvd publish ${drafts.join(' ')}" again.`,
    });
  }
  if (issues.length === 0 && notBuilt === 0) {
    throw new UsageError({
      fr: "Aucun numéro prêt à publier : passez « status: ready » dans l'issue.md d'un numéro terminé, puis relancez « npx pvd publish ».",
      en: 'No issue ready to publish: set "status: ready" in the issue.md of a finished issue, then run "npx pvd publish" again.',
    });
  }
  return { issues, diagnostics, notBuilt };
}

function publishFile(path: string, bytes: Buffer): PublishFile {
  return { path, bytes, sha256: sha256(bytes) };
}

async function openTransport(request: PublishRequest): Promise<Transport> {
  const { destination } = request;
  if (destination.kind === 'folder') {
    const { openFolder } = await import('./folder.js');
    return openFolder(destination.path);
  }
  // ssh2 is loaded only for an SFTP destination.
  const { openSftp } = await import('./sftp.js');
  return openSftp(destination, { hostKey: request.session.template.config.publish?.hostKey, ...request.sftp });
}

type Decision = 'send' | 'unchanged' | 'adopt' | 'foreign';

async function sendAll(transport: Transport, issues: readonly IssueToPublish[], template: Template, report: PublishReport, onIssue: (outcome: IssueOutcome) => void): Promise<void> {
  const manifest = await readManifest(transport, report.destination);
  const entries = { ...manifest.issues };
  for (const issue of issues) entries[issue.entry.folderName] = issue.entry;
  const archive = publishFile(ARCHIVE_PAGE, Buffer.from(renderArchive(Object.values(entries), template)));

  // Every decision before the first byte is sent: a file pvd may not replace stops everything.
  const all = [...issues.flatMap((issue) => issue.files), archive];
  const decisions = new Map<string, Decision>();
  await mapWithLimit(all, DESTINATION_CONCURRENCY, async (file) => decisions.set(file.path, await decide(transport, manifest, file)));
  const foreign = all.filter((file) => decisions.get(file.path) === 'foreign').map((file) => file.path);
  if (foreign.length > 0) throw new DestinationError(foreignFiles(report.destination, foreign));

  /** Puts one file in place if needed; true when the record changes. */
  const place = async (file: PublishFile): Promise<Decision> => {
    const decision = decisions.get(file.path)!;
    if (decision === 'send') await transport.write(file.path, file.bytes);
    manifest.files[file.path] = { sha256: file.sha256, bytes: file.bytes.length };
    return decision;
  };
  for (const issue of issues) {
    const placed: Decision[] = [];
    for (const file of issue.files) placed.push(await place(file));
    const sent = placed.filter((decision) => decision === 'send').length;
    const known = manifest.issues[issue.entry.folderName];
    const sameEntry = known !== undefined && known.subject === issue.entry.subject && known.date === issue.entry.date && known.number === issue.entry.number;
    manifest.issues[issue.entry.folderName] = issue.entry;
    // The record follows each complete issue, so a run stopped later still knows what is there.
    if (!sameEntry || placed.some((decision) => decision !== 'unchanged')) await writeManifest(transport, manifest);
    const outcome = { number: issue.entry.number, folderName: issue.entry.folderName, sent, unchanged: issue.files.length - sent };
    report.published.push(outcome);
    onIssue(outcome);
  }
  const archiveDecision = await place(archive);
  if (archiveDecision !== 'unchanged') await writeManifest(transport, manifest);
  report.archive = { sent: archiveDecision === 'send', issues: Object.keys(entries).length };
}

/** Sent when missing or changed; an existing file pvd did not publish is replaced only if it is already the same. */
async function decide(transport: Transport, manifest: Manifest, file: PublishFile): Promise<Decision> {
  const size = await transport.size(file.path);
  if (size === undefined) return 'send';
  const recorded = manifest.files[file.path];
  if (recorded) return recorded.sha256 === file.sha256 && recorded.bytes === size ? 'unchanged' : 'send';
  if (size !== file.bytes.length) return 'foreign';
  return sha256(await transport.read(file.path)) === file.sha256 ? 'adopt' : 'foreign';
}

async function readManifest(transport: Transport, destination: Destination): Promise<Manifest> {
  if ((await transport.size(MANIFEST)) === undefined) return emptyManifest();
  const parsed = parseManifest(await transport.read(MANIFEST), `${destination.label} : ${MANIFEST}`);
  if ('fr' in parsed) throw new DestinationError(parsed);
  return parsed;
}

function writeManifest(transport: Transport, manifest: Manifest): Promise<void> {
  return transport.write(MANIFEST, Buffer.from(serializeManifest(manifest)));
}

function foreignFiles(destination: Destination, paths: readonly string[]): Message {
  const shown = paths.slice(0, 5).join(', ') + (paths.length > 5 ? ` (+${paths.length - 5})` : '');
  return {
    fr: `Rien n'a été publié : ${destination.label} contient déjà ${shown}, que pvd n'y a pas publié et qui diffère de ce qu'il publierait. pvd ne remplace pas un fichier qui n'est pas le sien. Si ce sont d'anciennes copies de la lettre, déplacez-les vous-même puis relancez ; sinon publiez dans un dossier à part (par exemple ${destination.kind === 'folder' ? join(destination.path, 'lettre') : `${destination.label}/lettre`}) et adaptez publicBaseUrl.`,
    en: `Nothing was published: ${destination.label} already holds ${shown}, which pvd did not publish there and which differs from what it would publish. pvd does not replace a file that is not its own. If these are old copies of the newsletter, move them away yourself and run again; otherwise publish into a folder of its own (for instance ${destination.kind === 'folder' ? join(destination.path, 'lettre') : `${destination.label}/lettre`}) and adjust publicBaseUrl.`,
  };
}
