import { basename, join, relative, sep } from 'node:path';
import { UsageError } from '../errors.js';
import type { Issue } from '../issue/model.js';
import { displayPath } from '../project.js';
import { readImageFacts, type ImageFacts } from '../io/image-facts.js';
import { resolveInsideFolder } from '../io/paths.js';
import type { Template } from '../template/model.js';
import { isRemoteImage } from '../text/urls.js';

/** A local image to upload with the issue, and where the HTML points at it. */
export interface ImageAsset {
  source: string;
  /** Path inside out/NNN/, always under images/. */
  outputPath: string;
  url: string;
  width: number;
  height: number;
  /** File size and modification time: enough to tell a published copy is current. */
  bytes: number;
  mtimeMs: number;
}

export interface IssueImages {
  /** Keyed by the path as written in issue.md. */
  bySource: Map<string, ImageAsset>;
  logo: ImageAsset;
  all: ImageAsset[];
}

export function collectImages(issue: Issue, template: Template, folderName: string): IssueImages {
  const base = `${template.config.publicBaseUrl}${folderName}/`;
  const assetFor = (source: string, outputPath: string): ImageAsset => {
    let facts: ImageFacts;
    try {
      facts = readImageFacts(source);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? 'erreur inconnue';
      throw new UsageError({
        fr: `Impossible de lire l'image ${displayPath(source)} (${code}) : vérifiez que c'est bien un fichier image lisible.`,
        en: `Cannot read the image ${displayPath(source)} (${code}): check it is a readable image file.`,
      });
    }
    // An unreadable image keeps its place (size 0 × 0); lint's image-weight reports it.
    const { width = 0, height = 0 } = facts.size ?? {};
    const url = base + outputPath.split('/').map(encodeURIComponent).join('/');
    return { source, outputPath, url, width, height, bytes: facts.bytes, mtimeMs: facts.mtimeMs };
  };
  const bySource = new Map<string, ImageAsset>();
  for (const image of issue.images) {
    if (bySource.has(image.src) || isRemoteImage(image.src)) continue;
    const local = resolveInsideFolder(issue.folder, image.src);
    if (local.kind !== 'inside') continue; // lint refuses these before any build
    const inFolder = relative(issue.folder, local.path).split(sep).join('/');
    const outputPath = inFolder.startsWith('images/') ? inFolder : `images/${basename(local.path)}`;
    bySource.set(image.src, assetFor(local.path, outputPath));
  }
  const logo = assetFor(join(template.folder, template.config.logo.file), `images/${basename(template.config.logo.file)}`);
  const all = [logo, ...bySource.values()];
  return { bySource, logo, all };
}

/** The size an image is shown at in a slot of `slotWidth` pixels: never enlarged. */
export function displaySize(asset: { width: number; height: number }, slotWidth: number): { width: number; height: number | undefined } {
  if (asset.width <= 0 || asset.height <= 0) return { width: slotWidth, height: undefined };
  const width = Math.min(asset.width, slotWidth);
  return { width, height: Math.round((asset.height * width) / asset.width) };
}
