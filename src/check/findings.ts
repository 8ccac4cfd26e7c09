import { sortDiagnostics, type Diagnostic } from '../diagnostics/index.js';
import type { Message } from '../i18n/lang.js';
import { parsePage } from '../inbox/page.js';
import type { Profile } from './profiles.js';

/** The narrowest a column of wrapped text may be and still read as lines (about 35 characters). */
export const MIN_TEXT_WIDTH = 220;
/** The widest: the email's own column; beyond it lines run past 90 characters. */
export const MAX_TEXT_WIDTH = 600;

interface Element {
  /** Index among parsePage's elements of the built HTML (-1: none found). */
  ref: number;
  tag: string;
  text: string;
}

/** What page-script.ts's `measure` reports, one entry per problem and element. */
export type Finding = Element & (
  | { rule: 'overflow'; excess: number; right: number }
  | { rule: 'hidden-text'; words: number; sample: string }
  | { rule: 'narrow-text'; width: number; lines: number }
  | { rule: 'wide-text'; width: number; blocks: number }
  | { rule: 'side-picture'; picture: string; pictureRef: number }
  | { rule: 'low-contrast'; color: string; background: string; ratio: number }
);

/** One profile at one width: what it found, and the screenshot's file name. */
export interface Render {
  profile: Profile;
  width: number;
  screenshot: string;
  findings: Finding[];
}

/** The rule ids pvd check reports, as `pvd lint` and `pvd build` name theirs. */
export const RULE_IDS = {
  'overflow': 'inbox-overflow',
  'hidden-text': 'inbox-hidden-text',
  'narrow-text': 'inbox-narrow-text',
  'wide-text': 'inbox-wide-text',
  'side-picture': 'inbox-side-picture',
  'low-contrast': 'inbox-low-contrast',
} as const satisfies Record<Finding['rule'], string>;

/**
 * Every render's findings as diagnostics located in the built index.html: one per problem,
 * profile and element, with the widths it shows at (the numbers given are the narrowest
 * width's, where the problem is worst).
 */
export function toDiagnostics(renders: readonly Render[], html: string, htmlFile: string): Diagnostic[] {
  const page = parsePage(html, htmlFile);
  const groups = new Map<string, { profile: Profile; finding: Finding; widths: number[] }>();
  for (const render of [...renders].sort((a, b) => a.width - b.width)) {
    for (const finding of render.findings) {
      const key = `${render.profile.id}\0${problemKey(finding)}`;
      const group = groups.get(key);
      if (group) {
        if (!group.widths.includes(render.width)) group.widths.push(render.width);
      } else groups.set(key, { profile: render.profile, finding, widths: [render.width] });
    }
  }
  const diagnostics = [...groups.values()].map(({ profile, finding, widths }): Diagnostic => {
    const element = page.elements[finding.ref];
    const { line, column } = element ? page.position(element.offset) : { line: 1, column: 1 };
    return { file: htmlFile, line, column, severity: 'error', rule: RULE_IDS[finding.rule], messageId: finding.rule, message: messageOf(finding, where(profile, widths)) };
  });
  return sortDiagnostics(diagnostics);
}

/** Findings about one element are one problem (the same colours, for a contrast). */
export function problemKey(finding: Finding): string {
  return [finding.rule, finding.ref, finding.rule === 'low-contrast' ? `${finding.color}/${finding.background}` : ''].join('\0');
}

/** « Outlook pour Windows, 600 et 1024 px » */
function where(profile: Profile, widths: readonly number[]): Message {
  const list = (and: string) => (widths.length === 1 ? `${widths[0]}` : `${widths.slice(0, -1).join(', ')} ${and} ${widths.at(-1)}`);
  return { fr: `${profile.label.fr}, ${list('et')} px`, en: `${profile.label.en}, ${list('and')} px` };
}

function shown(element: Element): string {
  return element.text === '' ? `<${element.tag}>` : `<${element.tag}> « ${element.text}${element.text.length >= 60 ? '…' : ''} »`;
}

function messageOf(finding: Finding, at: Message): Message {
  const element = shown(finding);
  switch (finding.rule) {
    case 'overflow':
      return {
        fr: `${at.fr} : la lettre défile de ${finding.excess} px vers la droite, ${element} dépassant de l'écran. Rendez cet élément fluide dans templates/pvd/ (width: 100 % et une max-width en px, ou des colonnes inline-block qui passent l'une sous l'autre).`,
        en: `${at.en}: the email scrolls ${finding.excess} px sideways, ${element} sticking out of the screen. Make this element fluid in templates/pvd/ (width: 100% and a max-width in px, or inline-block columns that go one under the other).`,
      };
    case 'hidden-text':
      return {
        fr: `${at.fr} : ${finding.words} mot(s) de ${element} ne se voient pas (« ${finding.sample} ») : hors de l'écran, masqués ou d'une taille nulle. Vérifiez les display, overflow, font-size et largeurs fixes autour de ce texte dans templates/pvd/.`,
        en: `${at.en}: ${finding.words} word(s) of ${element} cannot be seen (« ${finding.sample} »): off the screen, hidden or of no size. Check the display, overflow, font-size and fixed widths around this text in templates/pvd/.`,
      };
    case 'narrow-text':
      return {
        fr: `${at.fr} : le texte de ${element} est replié sur ${finding.lines} lignes dans une colonne de ${finding.width} px, moins que les ${MIN_TEXT_WIDTH} px où une ligne se lit encore. Laissez cette colonne passer sous sa voisine quand l'écran est étroit (colonnes inline-block avec une max-width, templates/pvd/styles.css).`,
        en: `${at.en}: the text of ${element} is folded over ${finding.lines} lines in a ${finding.width} px column, less than the ${MIN_TEXT_WIDTH} px at which a line still reads. Let this column go under its neighbour on narrow screens (inline-block columns with a max-width, templates/pvd/styles.css).`,
      };
    case 'wide-text':
      return {
        fr: `${at.fr} : le texte de ${element}${finding.blocks > 1 ? ` et de ${finding.blocks - 1} autre(s) bloc(s)` : ''} court sur des lignes de ${finding.width} px, plus larges que les ${MAX_TEXT_WIDTH} px de la lettre : trop longues pour être suivies. Posez la limite de ${MAX_TEXT_WIDTH} px sur un div (max-width), que toutes les messageries respectent, et non sur un tableau (templates/pvd/layout.hbs).`,
        en: `${at.en}: the text of ${element}${finding.blocks > 1 ? ` and ${finding.blocks - 1} other block(s)` : ''} runs in ${finding.width} px lines, wider than the email's ${MAX_TEXT_WIDTH} px: too long to follow. Put the ${MAX_TEXT_WIDTH} px limit on a div (max-width), which every inbox honours, not on a table (templates/pvd/layout.hbs).`,
      };
    case 'side-picture':
      return {
        fr: `${at.fr} : sur un téléphone, le titre ${element} est à côté de l'image « ${finding.picture} » au lieu d'être au-dessus ou au-dessous. Empilez l'image et son texte quand l'écran est étroit (templates/pvd/).`,
        en: `${at.en}: on a phone, the heading ${element} is beside the picture « ${finding.picture} » instead of above or below it. Stack the picture and its text on narrow screens (templates/pvd/).`,
      };
    case 'low-contrast': {
      const ratio = finding.ratio.toFixed(2);
      return {
        fr: `${at.fr} : ${element} est écrit en ${finding.color} sur ${finding.background}, un contraste de ${ratio.replace('.', ',')}:1, moins que les 4,5:1 qu'il faut pour être lu (WCAG). Donnez à ce texte une couleur qui tranche sur ce fond dans templates/pvd/styles.css (ou colors dans template.yaml).`,
        en: `${at.en}: ${element} is written in ${finding.color} on ${finding.background}, a contrast of ${ratio}:1, less than the 4.5:1 needed to be read (WCAG). Give this text a colour that stands out from this background in templates/pvd/styles.css (or colors in template.yaml).`,
      };
    }
  }
}
