import type { FrontMatter, Issue } from '../issue/model.js';
import { folderNameOf } from '../project.js';
import type { TargetName, Template } from '../template/model.js';
import { collectImages, type IssueImages } from './images.js';
import type { InlineOptions } from './inline.js';
import { mergeTagsFor, type MergeTags } from './merge-tags.js';
import { frenchTypography, type TypographyOptions } from './typography.js';
import { classifyUrl } from '../text/urls.js';
import { dateOf, frenchDate } from '../text/dates.js';

/** Everything the HTML and text renderers share for one issue and one target. */
export interface RenderContext {
  issue: Issue;
  frontMatter: FrontMatter;
  template: Template;
  target: TargetName;
  folderName: string;
  images: IssueImages;
  mergeTags: MergeTags;
  inline: InlineOptions;
  dateLabel: string;
  /** template.yaml's typography: which no-break space French punctuation gets. */
  typography: TypographyOptions;
  /** The footer's data, the same in the HTML and the plaintext. */
  footer: FooterData;
}

export interface FooterData {
  organisation: string;
  contactEmail: string;
  masthead: { role: string; name: string }[];
  credits: string;
  subscribeUrl: string;
  legalNotice: string;
  address: string;
  privacyEmail: string;
  year: string;
}

export function createRenderContext(issue: Issue, frontMatter: FrontMatter, template: Template, target: TargetName): RenderContext {
  const folderName = folderNameOf(frontMatter.number);
  const images = collectImages(issue, template, folderName);
  const { utm } = template.config;
  const date = dateOf(frontMatter.date);
  const typography: TypographyOptions = { thinSpaces: template.config.typography.thinSpaces };
  return {
    issue,
    frontMatter,
    template,
    target,
    folderName,
    images,
    mergeTags: mergeTagsFor(target, template.config, folderName),
    inline: {
      allowRawHtml: template.config.allowRawHtml,
      typography,
      utm: utm && { ...utm, campaign: utm.campaign.replaceAll('{number}', folderName) },
      // Lint refuses other addresses; if its rules are off, a javascript:/data: src still never reaches the HTML.
      imageUrl: (src) => images.bySource.get(src)?.url ?? (classifyUrl(src) === 'web' ? src.trim() : ''),
    },
    dateLabel: frenchDate(frontMatter.date),
    typography,
    footer: {
      organisation: template.config.organisation,
      contactEmail: template.config.contactEmail,
      masthead: template.config.masthead.map(({ role, name }) => ({ role: frenchTypography(role, typography), name })),
      credits: frontMatter.credits.join(', '),
      subscribeUrl: template.config.urls.subscribe,
      legalNotice: frenchTypography(template.config.legalNotice, typography),
      address: template.config.address,
      privacyEmail: template.config.privacyEmail,
      year: String(date.getUTCFullYear()),
    },
  };
}
