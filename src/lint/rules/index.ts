import type { AnyRule } from '../rule.js';
import controlCharacter from './control-character.js';
import datePast from './date-past.js';
import dateWeekday from './date-weekday.js';
import doubleSpace from './double-space.js';
import emptySection from './empty-section.js';
import headingLevel from './heading-level.js';
import houseStyle from './house-style.js';
import imageAlt from './image-alt.js';
import imageCredit from './image-credit.js';
import imageFormat from './image-format.js';
import imageHttps from './image-https.js';
import imageMissing from './image-missing.js';
import imageName from './image-name.js';
import imageOutside from './image-outside.js';
import imageWeight from './image-weight.js';
import itemCount from './item-count.js';
import linkPlaceholder from './link-placeholder.js';
import linkScheme from './link-scheme.js';
import linkText from './link-text.js';
import mergeTag from './merge-tag.js';
import numberMatchesFolder from './number-matches-folder.js';
import numberUnique from './number-unique.js';
import placeholderText from './placeholder-text.js';
import preheaderLength from './preheader-length.js';
import rawHtml from './raw-html.js';
import requiredSection from './required-section.js';
import sectionOrder from './section-order.js';
import spelling from './spelling.js';
import subjectLength from './subject-length.js';
import trailingSpace from './trailing-space.js';
import typographyFr from './typography-fr.js';
import unknownSection from './unknown-section.js';
import unsupportedMarkdown from './unsupported-markdown.js';

/** Every rule pvd knows, in the order their documentation lists them. */
export const rules: readonly AnyRule[] = [
  numberMatchesFolder,
  numberUnique,
  requiredSection,
  unknownSection,
  sectionOrder,
  emptySection,
  itemCount,
  imageAlt,
  imageMissing,
  imageOutside,
  imageFormat,
  imageName,
  imageHttps,
  imageCredit,
  imageWeight,
  linkPlaceholder,
  linkScheme,
  linkText,
  subjectLength,
  preheaderLength,
  placeholderText,
  rawHtml,
  mergeTag,
  unsupportedMarkdown,
  controlCharacter,
  typographyFr,
  trailingSpace,
  doubleSpace,
  houseStyle,
  spelling,
  dateWeekday,
  datePast,
  headingLevel,
];
