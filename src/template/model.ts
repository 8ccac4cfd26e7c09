import type { Position } from '../text/positions.js';
import type { CatalogSection, RuleSetting, SECTION_KINDS, StyleEntry, TARGETS, TemplateConfig } from './schema.js';

export type { CatalogSection, RuleSetting, StyleEntry, TemplateConfig };
export type SectionKind = (typeof SECTION_KINDS)[number];
export type TargetName = (typeof TARGETS)[number];

/** templates/<name>/: the newsletter's identity, its section catalog and its design files. */
export interface Template {
  name: string;
  /** Absolute path of templates/<name>/. */
  folder: string;
  /** template.yaml as the user sees its path. */
  file: string;
  config: TemplateConfig;
  /** Where each key under `rules:` is written in template.yaml: a wrong rule id is reported there. */
  rulePositions: Record<string, Position>;
}
