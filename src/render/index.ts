import type { FrontMatter, Issue } from '../issue/model.js';
import type { TargetName, Template } from '../template/model.js';
import { createRenderContext } from './context.js';
import { compileTemplate, renderHtml, type CompiledTemplate } from './html.js';
import type { ImageAsset } from './images.js';
import type { MergeTags } from './merge-tags.js';
import { renderText } from './text.js';

export interface RenderedIssue {
  folderName: string;
  html: string;
  text: string;
  images: ImageAsset[];
  /** The target's tags, as written into both outputs (the inbox checks look for them). */
  mergeTags: MergeTags;
}

export { compileTemplate, type CompiledTemplate };

/** The render pipeline: one parsed, lint-clean issue → HTML, plaintext and the images to upload. */
export function renderIssue(issue: Issue, frontMatter: FrontMatter, template: Template, target: TargetName, compiled = compileTemplate(template)): RenderedIssue {
  const context = createRenderContext(issue, frontMatter, template, target);
  return {
    folderName: context.folderName,
    html: renderHtml(context, compiled),
    text: renderText(context, compiled.textLayout),
    images: context.images.all,
    mergeTags: context.mergeTags,
  };
}
