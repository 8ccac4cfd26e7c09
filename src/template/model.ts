export const SECTION_KINDS = ['figure', 'feature', 'articles', 'cards'] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export const TARGETS = ['generic', 'brevo', 'mailchimp', 'mailjet', 'listmonk', 'sendy'] as const;
export type TargetName = (typeof TARGETS)[number];

/** One entry of the template's section catalog; its position in the list is its order. */
export interface CatalogSection {
  id: string;
  title: string;
  kind: SectionKind;
  required: boolean;
  min: number;
  max: number;
  /** Carried over from the previous issue by `pvd new` (services, "Voir aussi"). */
  recurring: boolean;
  /** One line shown to authors by `pvd new` and in the scaffold. */
  hint: string;
}

export type RuleLevel = 'off' | 'warning' | 'error';

/** One house-style entry: the form to write, and written forms to replace beyond its case, accent and hyphen variants. */
export interface StyleEntry {
  use: string;
  variants: string[];
}

/** templates/<name>/template.yaml: the newsletter's identity and section catalog. */
export interface TemplateConfig {
  name: string;
  organisation: string;
  address: string;
  contactEmail: string;
  privacyEmail: string;
  from: { name: string; email: string };
  publicBaseUrl: string;
  logo: { file: string; alt: string; width: number };
  colors: {
    primary: string;
    accent: string;
    text: string;
    muted: string;
    background: string;
    surface: string;
    buttonText: string;
  };
  urls: { subscribe: string; unsubscribe: string; webVersion: string; share: string };
  masthead: { role: string; name: string }[];
  legalNotice: string;
  target: TargetName;
  utm: { source: string; medium: string; campaign: string } | undefined;
  allowRawHtml: boolean;
  rules: Record<string, RuleLevel>;
  /** The project's word list for the spelling rule, a file in the template folder. */
  words: string;
  /** House style: the preferred forms of names (Petites villes de demain, ANCT, e-mail). */
  style: StyleEntry[];
  /** thinSpaces: the narrow no-break space (U+202F) before ; ! ? and inside « », as the Imprimerie nationale has it. */
  typography: { thinSpaces: boolean };
  sections: CatalogSection[];
}

export interface Template {
  name: string;
  /** Absolute path of templates/<name>/. */
  folder: string;
  config: TemplateConfig;
}
