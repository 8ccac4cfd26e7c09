import { realpathSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import type { Message } from '../i18n/lang.js';
import type { Image, Issue } from './model.js';
import type { Template } from '../template/model.js';
import { isRemoteImage } from '../text/urls.js';
import { IMAGE_EXTENSION } from '../io/file-bytes.js';
import { readImageFacts, type ImageRead } from '../io/image-facts.js';
import { MAX_CHECKED_BYTES } from '../io/image-structure.js';
import { folded } from '../io/manifest.js';
import { resolveInsideFolder } from '../io/paths.js';

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
  /** Which problem: the message id the rules report it under. */
  kind: 'notAFile' | 'unreadable' | 'notAnImage' | 'notWellFormed' | 'wrongExtension' | 'hardLink' | 'sameName';
  message: Message;
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

/** Every local image the issue shows, inside its folder, read once per issue. */
export function localImages(issue: Issue, template: Template): LocalImage[] {
  return checked(issue, template).images;
}

/**
 * What forbids publishing the issue's images, whatever lint's settings: lint reports
 * these (rules image-format, image-name, image-outside) and build refuses them even with
 * those rules off. A file whose bytes are not JPEG, PNG or GIF could be a page or an SVG
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
    const local = resolveInsideFolder(issue.folder, image.src);
    if (local.kind !== 'inside') continue; // image-missing and image-outside say why
    let read = reads.get(local.path);
    if (!read) reads.set(local.path, (read = readImageFacts(local.path)));
    images.push({ image, path: local.path, outputPath: publishedPath(issue.folder, local.path), read });
  }
  result = { images, problems: [...images.flatMap(fileProblems), ...nameProblems(images, template)] };
  cache.set(issue, result);
  return result;
}

const NOT_A_FILE: Message = { fr: 'un dossier, ou un fichier spécial', en: 'a folder, or a special file' };
const DETECTED: Record<string, Message> = {
  svg: { fr: 'un dessin SVG, qui peut contenir un script', en: 'an SVG drawing, which can hold a script' },
  html: { fr: 'une page HTML', en: 'an HTML page' },
  text: { fr: 'du texte', en: 'text' },
  pdf: { fr: 'un document PDF', en: 'a PDF document' },
  empty: { fr: 'un fichier vide', en: 'an empty file' },
};

function fileProblems(local: LocalImage): ImageProblem[] {
  const { image, read } = local;
  const format = (kind: ImageProblem['kind'], fr: string, en: string): ImageProblem => ({ image, rule: 'image-format', kind, message: { fr, en } });
  if (!read.ok && read.problem === 'not-a-file') {
    return [format('notAFile', `« ${image.src} » n'est pas un fichier image (c'est ${NOT_A_FILE.fr}) : mettez à sa place la photo en JPEG, PNG ou GIF.`, `"${image.src}" is not an image file (it is ${NOT_A_FILE.en}): put the photo there as JPEG, PNG or GIF.`)];
  }
  if (!read.ok) {
    const why = read.code === 'EACCES' || read.code === 'EPERM' ? { fr: 'permission refusée', en: 'permission denied' } : { fr: `le système a refusé (code ${read.code})`, en: `the system refused (code ${read.code})` };
    return [format('unreadable', `Impossible de lire l'image « ${image.src} » (${why.fr}) : vérifiez que vous avez le droit de la lire, ou réenregistrez-la.`, `Cannot read the picture "${image.src}" (${why.en}): check you may read it, or save it again.`)];
  }
  const problems: ImageProblem[] = [];
  const { facts } = read;
  if (!facts.format) {
    const detected = facts.detected === undefined ? undefined : DETECTED[facts.detected] ?? { fr: `une image ${facts.detected.toUpperCase()}, que des messageries n'affichent pas`, en: `a ${facts.detected.toUpperCase()} picture, which some mail clients do not show` };
    const { fr, en } = detected ?? { fr: "un fichier d'un type inconnu", en: 'a file of an unknown type' };
    const what = { fr: `d'après son contenu, c'est ${fr}`, en: `by its content, it is ${en}` };
    problems.push(format('notAnImage',
      `« ${image.src} » n'est pas une image JPEG, PNG ou GIF (${what.fr}) : pvd ne la publie pas. Enregistrez-la en JPEG ou PNG depuis un logiciel de retouche.`,
      `"${image.src}" is not a JPEG, PNG or GIF picture (${what.en}): pvd does not publish it. Save it as JPEG or PNG from a picture editor.`,
    ));
  } else if (!facts.wellFormed) {
    const kind = facts.format.toUpperCase();
    problems.push(format('notWellFormed',
      `« ${image.src} » commence comme une image ${kind} mais n'en est pas une jusqu'au bout (fichier tronqué, abîmé, ou autre chose déguisé en image${facts.bytes > MAX_CHECKED_BYTES ? ', ou trop lourd pour être vérifié' : ''}) : pvd ne la publie pas. Réenregistrez-la en JPEG ou PNG depuis un logiciel de retouche.`,
      `"${image.src}" starts as a ${kind} picture but is not one to the end (truncated, damaged, or something else dressed as a picture${facts.bytes > MAX_CHECKED_BYTES ? ', or too large to be checked' : ''}): pvd does not publish it. Save it again as JPEG or PNG from a picture editor.`,
    ));
  } else if (!IMAGE_EXTENSION.test(extname(local.outputPath))) {
    const extension = facts.format === 'jpeg' ? 'jpg' : facts.format;
    problems.push(format('wrongExtension',
      `« ${image.src} » est une image ${facts.format.toUpperCase()}, mais son nom ne finit pas par .${extension} : un serveur web l'enverrait comme ${extname(local.outputPath) || 'un fichier sans type'}. Renommez-la ${basename(local.outputPath, extname(local.outputPath))}.${extension}.`,
      `"${image.src}" is a ${facts.format.toUpperCase()} picture, but its name does not end in .${extension}: a web server would send it as ${extname(local.outputPath) || 'an untyped file'}. Rename it ${basename(local.outputPath, extname(local.outputPath))}.${extension}.`,
    ));
  }
  if (facts.links > 1) {
    problems.push({
      image,
      rule: 'image-outside',
      kind: 'hardLink',
      message: {
        fr: `« ${image.src} » a plusieurs noms (c'est un lien physique) : ce peut être un fichier pris hors du dossier du numéro. Copiez l'image dans images/ au lieu de la lier.`,
        en: `"${image.src}" has several names (it is a hard link): it may be a file from outside the issue's folder. Copy the picture into images/ instead of linking it.`,
      },
    });
  }
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
    problems.push({
      image: local.image,
      rule: 'image-name',
      kind: 'sameName',
      message: {
        fr: `« ${local.image.src} » serait publiée sous le même nom, ${local.outputPath}, ${other.fr} : l'une remplacerait l'autre. Renommez ce fichier.`,
        en: `"${local.image.src}" would be published under the same name, ${local.outputPath}, ${other.en}: one would replace the other. Rename this file.`,
      },
    });
  }
  return problems;
}
