import type { TargetName, TemplateConfig } from '../template/model.js';
import { TOOL_TAGS, type MergeTags } from '../text/merge-tags.js';

export type { MergeTags };

/** The tags a build for `target` writes; the generic target writes template.yaml's plain addresses. */
export function mergeTagsFor(target: TargetName, config: TemplateConfig, folderName: string): MergeTags {
  if (target !== 'generic') return TOOL_TAGS[target];
  return { unsubscribe: config.urls.unsubscribe, webVersion: webVersionUrl(config, folderName), email: undefined };
}

export function webVersionUrl(config: TemplateConfig, folderName: string): string {
  return config.urls.webVersion.replaceAll('{number}', folderName);
}
