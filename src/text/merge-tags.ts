/** The links every newsletter carries, as a mailing tool's merge tags or as plain addresses. */
export interface MergeTags {
  unsubscribe: string;
  webVersion: string;
  /** The recipient's address, where the tool has a tag for it. */
  email: string | undefined;
}

/** Every `--target`: plain addresses, or one mailing tool's merge tags. Here, below every stage: the CLI lists them too. */
export const TARGETS = ['generic', 'brevo', 'mailchimp', 'mailjet', 'listmonk', 'sendy'] as const;

export type MailingTool = Exclude<(typeof TARGETS)[number], 'generic'>;

/**
 * Each mailing tool's merge tags. They go into the HTML and the plaintext as written:
 * Handlebars only escapes `& < > " ' = \``, and juice keeps `{{ … }}` blocks as they are.
 */
export const TOOL_TAGS: Record<MailingTool, MergeTags> = {
  brevo: { unsubscribe: '{{ unsubscribe }}', webVersion: '{{ mirror }}', email: '{{ contact.EMAIL }}' },
  mailchimp: { unsubscribe: '*|UNSUB|*', webVersion: '*|ARCHIVE|*', email: '*|EMAIL|*' },
  mailjet: { unsubscribe: '[[UNSUB_LINK_FR]]', webVersion: '[[PERMALINK]]', email: '[[EMAIL_TO]]' },
  listmonk: { unsubscribe: '{{ UnsubscribeURL }}', webVersion: '{{ MessageURL }}', email: '{{ .Subscriber.Email }}' },
  sendy: { unsubscribe: '[unsubscribe]', webVersion: '[webversion]', email: '[Email]' },
};

/** Every tool's tags, to recognise a tag of another tool written in an issue. */
export const ALL_MERGE_TAGS: readonly string[] = Object.values(TOOL_TAGS).flatMap((tags) => [tags.unsubscribe, tags.webVersion, tags.email ?? '']).filter(Boolean);

/** A whole address that is a merge tag: `{{ x }}`, `*|X|*`, `[[X]]`, Sendy's `[x]` or `[x,fallback=…]`. */
export const MERGE_TAG = /^(\{\{.*\}\}|\*\|[A-Z0-9_:]+\|\*|\[\[[A-Za-z0-9_]+\]\]|\[[a-z_]+(,[^\]]*)?\])$/;

const SENDY_TAGS = 'unsubscribe|webversion|Name|Email|currentdaynumber|currentday|currentmonthnumber|currentmonth|currentyear';

/**
 * What a mailing tool would read as its own syntax inside a text: `{{ … }}` and `{% … %}`
 * (Brevo, listmonk, Mailjet), `*|…|*` (Mailchimp), `[[…]]` (Mailjet), Sendy's `[Name]`,
 * `[unsubscribe]`… — but not a Markdown link label such as `[Email](mailto:…)`.
 */
export const MERGE_SYNTAX = new RegExp(
  // A tag may run over a line break inside its paragraph ({{ contact.NOM |⏎default: "ami" }}); unclosed, it runs to its line's end.
  String.raw`\{\{(?:(?!\n[ \t]*\n)[^]){0,300}?\}\}|\{\{[^\n]*$|\{%(?:(?!\n[ \t]*\n)[^]){0,300}?%\}|\{%[^\n]*$|\*\|[^|\s]*\|\*|\[\[[^\]\n]*\]\]|(?<!\[)\[(?:${SENDY_TAGS})(?:,fallback=[^\]\n]*)?\](?![(\[:])`,
  'gm',
);
