import { join } from 'node:path';
import { UsageError } from '../errors.js';
import type { Issue } from '../issue/model.js';
import { shownPath } from '../io/paths.js';
import { readImageFacts, type ImageRead } from '../io/image-facts.js';
import { localImages, logoOutputPath } from '../issue/publishable.js';
import type { Template } from '../template/model.js';

/** A local image to upload with the issue, and where the HTML points at it. */
export interface ImageAsset {
  source: string;
  /** Path inside out/NNN/, always under images/. */
  outputPath: string;
  url: string;
  width: number;
  height: number;
}

export interface IssueImages {
  /** Keyed by the path as written in issue.md. */
  bySource: Map<string, ImageAsset>;
  logo: ImageAsset;
  all: ImageAsset[];
}

export function collectImages(issue: Issue, template: Template, folderName: string): IssueImages {
  const base = `${template.config.publicBaseUrl}${folderName}/`;
  const assetFor = (source: string, outputPath: string, read: ImageRead): ImageAsset => {
    if (!read.ok) {
      const code = read.problem === 'not-a-file' ? 'EISDIR' : read.code;
      throw new UsageError({
        fr: `Impossible de lire l'image ${shownPath(source, { outside: 'relative' })} (${code}) : vérifiez que c'est bien un fichier image lisible.`,
        en: `Cannot read the image ${shownPath(source, { outside: 'relative' })} (${code}): check it is a readable image file.`,
      });
    }
    // An image whose size cannot be read keeps its place (0 × 0); lint's image-weight reports it.
    const { width = 0, height = 0 } = read.facts.size ?? {};
    const url = base + outputPath.split('/').map(encodeURIComponent).join('/');
    return { source, outputPath, url, width, height };
  };
  const bySource = new Map<string, ImageAsset>();
  // One file written two ways (images/./a.jpg, a link to it inside the folder) is published once.
  const byFile = new Map<string, ImageAsset>();
  for (const local of localImages(issue, template)) {
    let asset = byFile.get(local.path);
    if (!asset) byFile.set(local.path, (asset = assetFor(local.path, local.outputPath, local.read)));
    if (!bySource.has(local.image.src)) bySource.set(local.image.src, asset);
  }
  const logoPath = join(template.folder, template.config.logo.file);
  const logo = assetFor(logoPath, logoOutputPath(template), readImageFacts(logoPath));
  const all = [logo, ...byFile.values()];
  return { bySource, logo, all };
}
/** The size an image is shown at in a slot of `slotWidth` pixels: never enlarged. */
export function displaySize(asset: { width: number; height: number }, slotWidth: number): { width: number; height: number | undefined } {
  if (asset.width <= 0 || asset.height <= 0) return { width: slotWidth, height: undefined };
  const width = Math.min(asset.width, slotWidth);
  return { width, height: Math.round((asset.height * width) / asset.width) };
}
