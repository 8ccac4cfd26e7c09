import { realpathSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import type { Message, MessageData } from '../i18n/lang.js';
import type { Image, Issue } from './model.js';
import type { Template } from '../template/model.js';
import { isRemoteImage } from '../text/urls.js';
import { IMAGE_EXTENSION } from '../io/file-bytes.js';
import { readImageFacts, type ImageRead } from '../io/image-facts.js';
import { MAX_CHECKED_BYTES } from '../io/image-structure.js';
import { folded } from '../io/manifest.js';
import { resolveInsideFolder, type LocalPath } from '../io/paths.js';

/** A local image of an issue, inside its folder: where it is, what it is, and where it is published. */
export interface LocalImage {
  image: Image;
  /** Real path (symlinks resolved), inside the issue's folder. */
  path: string;
  /** Path inside out/NNN/, always under images/. */
  outputPath: string;
  read: ImageRead;
}

export interface ImageProblem {
  image: Image;
  rule: 'image-format' | 'image-name' | 'image-outside';
  /** Which problem: the message id of `rule` that says it, for lint and build alike. */
  kind: 'notAFile' | 'unreadable' | 'notAnImage' | 'notWellFormed' | 'wrongExtension' | 'hardLink' | 'sameName';
  /** What fills that message's placeholders. */
  data: MessageData;
}

/** images/ keeps its subfolders; an image elsewhere in the issue's folder is published in images/. */
export function publishedPath(issueFolder: string, realPath: string): string {
  const inFolder = relative(issueFolder, realPath).split(sep).join('/');
  return inFolder.startsWith('images/') ? inFolder : `images/${basename(realPath)}`;
}

export function logoOutputPath(template: Template): string {
  return `images/${basename(template.config.logo.file)}`;
}

const cache = new WeakMap<Issue, { images: LocalImage[]; problems: ImageProblem[] }>();
const resolved = new WeakMap<Issue, Map<string, LocalPath>>();

/** Where a local image written in the issue resolves, asked of the file system once per issue (lint's rules and the publishing alike). */
export function resolveImage(issue: Issue, src: string): LocalPath {
  let paths = resolved.get(issue);
  if (!paths) resolved.set(issue, (paths = new Map()));
  let local = paths.get(src);
  if (!local) paths.set(src, (local = resolveInsideFolder(issue.folder, src)));
  return local;
}

/** Every local image the issue shows, inside its folder, read once per issue. */
export function localImages(issue: Issue, template: Template): LocalImage[] {
  return checked(issue, template).images;
}

/**
 * What forbids publishing the issue's images, whatever lint's settings: lint reports
 * these (rules image-format, image-name, image-outside, whose messages say them) and build
 * refuses them even with those rules off. A file whose bytes are not JPEG, PNG or GIF could be a page or an SVG
 * with a script, stored on the agency's web site once uploaded; a file with several names
 * may be one from outside the issue; two images under one name would overwrite each other.
 */
export function imageProblems(issue: Issue, template: Template): ImageProblem[] {
  return checked(issue, template).problems;
}

function checked(issue: Issue, template: Template) {
  let result = cache.get(issue);
  if (result) return result;
  const images: LocalImage[] = [];
  const reads = new Map<string, ImageRead>();
  for (const image of issue.images) {
    if (image.src.trim() === '' || isRemoteImage(image.src)) continue;
    const local = resolveImage(issue, image.src);
    if (local.kind !== 'inside') continue; // image-missing and image-outside say why
    let read = reads.get(local.path);
    if (!read) reads.set(local.path, (read = readImageFacts(local.path)));
    images.push({ image, path: local.path, outputPath: publishedPath(issue.folder, local.path), read });
  }
  result = { images, problems: [...images.flatMap(fileProblems), ...nameProblems(images, template)] };
  cache.set(issue, result);
  return result;
}

const DETECTED: Record<string, Message> = {
  svg: { fr: 'un dessin SVG, qui peut contenir un script', en: 'an SVG drawing, which can hold a script' },
  html: { fr: 'une page HTML', en: 'an HTML page' },
  text: { fr: 'du texte', en: 'text' },
  pdf: { fr: 'un document PDF', en: 'a PDF document' },
  empty: { fr: 'un fichier vide', en: 'an empty file' },
};

function fileProblems(local: LocalImage): ImageProblem[] {
  const { image, read } = local;
  const { src } = image;
  const format = (kind: ImageProblem['kind'], data: MessageData = {}): ImageProblem => ({ image, rule: 'image-format', kind, data: { src, ...data } });
  if (!read.ok && read.problem === 'not-a-file') return [format('notAFile')];
  if (!read.ok) {
    const why = read.code === 'EACCES' || read.code === 'EPERM' ? { fr: 'permission refusée', en: 'permission denied' } : { fr: `le système a refusé (code ${read.code})`, en: `the system refused (code ${read.code})` };
    return [format('unreadable', { why })];
  }
  const problems: ImageProblem[] = [];
  const { facts } = read;
  if (!facts.format) {
    const detected = facts.detected === undefined ? undefined : DETECTED[facts.detected] ?? { fr: `une image ${facts.detected.toUpperCase()}, que des messageries n'affichent pas`, en: `a ${facts.detected.toUpperCase()} picture, which some mail clients do not show` };
    problems.push(format('notAnImage', { what: detected ?? { fr: "un fichier d'un type inconnu", en: 'a file of an unknown type' } }));
  } else if (!facts.wellFormed) {
    const tooLarge = facts.bytes > MAX_CHECKED_BYTES ? { fr: ', ou trop lourd pour être vérifié', en: ', or too large to be checked' } : '';
    problems.push(format('notWellFormed', { format: facts.format.toUpperCase(), tooLarge }));
  } else if (!IMAGE_EXTENSION.test(extname(local.outputPath))) {
    const extension = facts.format === 'jpeg' ? 'jpg' : facts.format;
    const written = extname(local.outputPath);
    problems.push(format('wrongExtension', {
      format: facts.format.toUpperCase(),
      extension,
      servedAs: written || { fr: 'un fichier sans type', en: 'an untyped file' },
      renamed: `${basename(local.outputPath, written)}.${extension}`,
    }));
  }
  if (facts.links > 1) problems.push({ image, rule: 'image-outside', kind: 'hardLink', data: { src } });
  return problems;
}

/** Names compared as a case-insensitive disk or web server would: `Photo.jpg` and `photo.jpg` are one name. */
function nameProblems(images: readonly LocalImage[], template: Template): ImageProblem[] {
  const logo = join(template.folder, template.config.logo.file);
  let logoPath = logo;
  try {
    logoPath = realpathSync.native(logo);
  } catch {
    // The template's check reports a missing logo.
  }
  const owners = new Map<string, { path: string; image?: Image }>([[folded(logoOutputPath(template)), { path: logoPath }]]);
  const problems: ImageProblem[] = [];
  for (const local of images) {
    const key = folded(local.outputPath);
    const owner = owners.get(key);
    if (!owner) {
      owners.set(key, { path: local.path, image: local.image });
      continue;
    }
    if (owner.path === local.path) continue; // the same file, written twice
    const other = owner.image
      ? { fr: `que « ${owner.image.src} » (ligne ${owner.image.position.line})`, en: `as "${owner.image.src}" (line ${owner.image.position.line})` }
      : { fr: `que le logo du gabarit (${template.config.logo.file})`, en: `as the template's logo (${template.config.logo.file})` };
    problems.push({ image: local.image, rule: 'image-name', kind: 'sameName', data: { src: local.image.src, published: local.outputPath, other } });
  }
  return problems;
}
