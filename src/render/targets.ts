import type { TargetName, TemplateConfig } from '../template/model.js';

export interface MergeTags {
  unsubscribe: string;
  webVersion: string;
  /** The recipient's address, where the tool has a tag for it. */
  email: string | undefined;
}

/**
 * Each mailing tool's merge tags for the links every newsletter must carry. They go into
 * the HTML and the plaintext as written: Handlebars only escapes `& < > " ' = \``, and
 * juice keeps `{{ … }}` blocks as they are.
 */
const TOOL_TAGS: Record<Exclude<TargetName, 'generic'>, MergeTags> = {
  brevo: { unsubscribe: '{{ unsubscribe }}', webVersion: '{{ mirror }}', email: '{{ contact.EMAIL }}' },
  mailchimp: { unsubscribe: '*|UNSUB|*', webVersion: '*|ARCHIVE|*', email: '*|EMAIL|*' },
  mailjet: { unsubscribe: '[[UNSUB_LINK_FR]]', webVersion: '[[PERMALINK]]', email: '[[EMAIL_TO]]' },
  listmonk: { unsubscribe: '{{ UnsubscribeURL }}', webVersion: '{{ MessageURL }}', email: '{{ .Subscriber.Email }}' },
  sendy: { unsubscribe: '[unsubscribe]', webVersion: '[webversion]', email: '[Email]' },
};

export function mergeTagsFor(target: TargetName, config: TemplateConfig, folderName: string): MergeTags {
  if (target !== 'generic') return TOOL_TAGS[target];
  return { unsubscribe: config.urls.unsubscribe, webVersion: webVersionUrl(config, folderName), email: undefined };
}

export function webVersionUrl(config: TemplateConfig, folderName: string): string {
  return config.urls.webVersion.replaceAll('{number}', folderName);
}

/** Every tool's tags, for lint to recognise a tag of another tool written in an issue. */
export const ALL_MERGE_TAGS: readonly string[] = Object.values(TOOL_TAGS).flatMap((tags) => [tags.unsubscribe, tags.webVersion, tags.email ?? '']).filter(Boolean);
