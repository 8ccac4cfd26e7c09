import supportData from '../caniemail-support.json' with { type: 'json' };
import { defineCheck } from '../check.js';
import { INBOX_CLIENTS } from '../clients.js';
import { styleValue, type Declaration, type PageElement } from '../page.js';
import type { SupportFeature, SupportTable } from '../support-table.js';

const table = supportData as SupportTable;

/** Values a client may ignore harmlessly: it then keeps its default, which is the same. */
const RESETS = new Set(['auto', 'none', 'normal', 'inherit', 'initial', 'unset']);
/** The hidden preheader stacks these: a client needs to understand only one of them. */
const HIDING = new Set(['display', 'opacity', 'max-height', 'max-width', 'overflow', 'visibility', 'font-size', 'line-height']);
const UNIT = /\d(?:\.\d+)?(%|px|em|rem|pt|vh|vw|vmin|vmax|ch|ex|cm|mm|in|pc)(?![a-z])/g;
const FUNCTION = /([a-z-]+)\(/g;

interface Index {
  property: Map<string, SupportFeature[]>;
  pair: Map<string, SupportFeature[]>;
  unit: Map<string, SupportFeature[]>;
  function: Map<string, SupportFeature[]>;
  keyword: Map<string, SupportFeature[]>;
}

let index: Index | undefined;
function featureIndex(): Index {
  if (index) return index;
  index = { property: new Map(), pair: new Map(), unit: new Map(), function: new Map(), keyword: new Map() };
  for (const feature of table.features) {
    if (feature.kind === 'at-rule') continue;
    const map = index[feature.kind];
    for (const key of feature.match) map.set(key, [...(map.get(key) ?? []), feature]);
  }
  return index;
}

// The same few declarations repeat on hundreds of elements: each is looked up once.
const featuresByDeclaration = new Map<string, SupportFeature[]>();

/** The caniemail features one declaration uses (the simulated inboxes of `pvd check` read it too). */
export function featuresOf(declaration: Declaration): SupportFeature[] {
  const key = `${declaration.property}:${declaration.value}${declaration.important ? '!' : ''}`;
  let found = featuresByDeclaration.get(key);
  if (!found) {
    found = lookUpFeatures(declaration);
    featuresByDeclaration.set(key, found);
  }
  return found;
}

function lookUpFeatures(declaration: Declaration): SupportFeature[] {
  const { property: byProperty, pair, unit, function: byFunction, keyword } = featureIndex();
  const { property, value } = declaration;
  const found: SupportFeature[] = [];
  // `border-bottom` is judged as `border`, `padding-top` as `padding`: caniemail lists shorthands.
  let name = property;
  while (!byProperty.has(name) && /-(top|right|bottom|left|color|style|width|radius)$/.test(name)) name = name.replace(/-[a-z]+$/, '');
  if (!RESETS.has(value.toLowerCase())) found.push(...(byProperty.get(name) ?? []));
  found.push(...(pair.get(`${property}:${value.toLowerCase()}`) ?? []));
  for (const match of value.toLowerCase().matchAll(UNIT)) found.push(...(unit.get(match[1]!) ?? []));
  for (const match of value.toLowerCase().matchAll(FUNCTION)) found.push(...(byFunction.get(match[1]!) ?? []));
  if (declaration.important) found.push(...(keyword.get('!important') ?? []));
  return found;
}

export default defineCheck({
  id: 'inbox-css',
  description: {
    fr: 'Le CSS du HTML est pris en charge par Gmail, Apple Mail, Outlook et Yahoo (données caniemail)',
    en: 'The HTML’s CSS is supported by Gmail, Apple Mail, Outlook and Yahoo (caniemail data)',
  },
  // Only inline styles are checked: once juice has inlined the rest, the <style> block holds
  // @media rules alone, and an inbox that ignores them still shows the inlined design.
  check(page, _input, report) {
    // feature title → where it is first used, how often, and which inboxes ignore it
    const problems = new Map<string, { feature: SupportFeature; offset: number; count: number; clients: Set<number> }>();
    for (const element of page.elements) {
      if (element.style.length === 0) continue;
      const hiddenFor = hidingClients(element);
      for (const declaration of element.style) {
        for (const feature of featuresOf(declaration)) {
          if (!feature.support.includes('n')) continue;
          let problem = problems.get(feature.title);
          let counted = false;
          for (let client = 0; client < feature.support.length; client++) {
            if (feature.support[client] !== 'n' || (HIDING.has(declaration.property) && hiddenFor.has(client))) continue;
            problem ??= { feature, offset: element.offset, count: 0, clients: new Set<number>() };
            problem.clients.add(client);
            if (!counted) problem.count++;
            counted = true;
            problems.set(feature.title, problem);
          }
        }
      }
    }
    for (const { feature, offset, count, clients } of problems.values()) {
      const names = [...clients].map((client) => INBOX_CLIENTS[client]!.label).join(', ');
      const places = count > 1 ? { fr: `, ${count} fois`, en: `, ${count} times` } : { fr: '', en: '' };
      report('error', offset, 'unsupported', {
        fr: `« ${feature.title} » n'est pas pris en charge par ${names} (${table.source}${places.fr}) : ces messageries l'ignorent. Retirez-le de templates/pvd/styles.css, ou réservez-le aux messageries qui le comprennent dans un bloc @media (amélioration progressive, que pvd ne vérifie pas). ${feature.url}`,
        en: `"${feature.title}" is not supported by ${names} (${table.source}${places.en}): these inboxes ignore it. Remove it from templates/pvd/styles.css, or keep it for the inboxes that understand it in an @media block (progressive enhancement, which pvd does not check). ${feature.url}`,
      });
    }
  },
});

/**
 * Inboxes for which a hidden element (display:none, like the preheader) is hidden by at
 * least one of its stacked hiding declarations: the others are fallbacks for them.
 */
function hidingClients(element: PageElement): Set<number> {
  const clients = new Set<number>();
  if (styleValue(element, 'display') !== 'none') return clients;
  for (const declaration of element.style) {
    if (!HIDING.has(declaration.property)) continue;
    for (const feature of featuresOf(declaration)) {
      if (feature.kind !== 'property' && feature.kind !== 'pair') continue;
      [...feature.support].forEach((verdict, client) => {
        if (verdict === 'y' || verdict === 'a') clients.add(client);
      });
    }
  }
  return clients;
}
