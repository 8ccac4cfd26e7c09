import type { Rule } from '../rule.js';
import frontMatter from './front-matter.js';
import imageAlt from './image-alt.js';
import imageMissing from './image-missing.js';
import imageOutside from './image-outside.js';
import linkScheme from './link-scheme.js';
import rawHtml from './raw-html.js';
import requiredSection from './required-section.js';
import unknownSection from './unknown-section.js';

/** Every rule pvd knows, in the order their documentation lists them. */
export const rules: readonly Rule[] = [
  frontMatter,
  requiredSection,
  unknownSection,
  imageAlt,
  imageMissing,
  imageOutside,
  linkScheme,
  rawHtml,
];
