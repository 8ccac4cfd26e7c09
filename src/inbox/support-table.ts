import { INBOX_CLIENTS } from './clients.js';

/** caniemail's data file, as much of it as pvd reads. */
export interface CaniemailData {
  last_update_date: string;
  data: { title: string; url: string; category: string; stats: Record<string, Record<string, Record<string, string>> | undefined> }[];
}

export type FeatureKind = 'property' | 'pair' | 'unit' | 'function' | 'keyword' | 'at-rule';

/** One CSS feature, with one support letter per client of INBOX_CLIENTS: y, a (partial), n, u (unknown). */
export interface SupportFeature {
  title: string;
  url: string;
  kind: FeatureKind;
  /** Property names, `property:value` pairs, unit or function names, at-rule names. */
  match: string[];
  support: string;
}

export interface SupportTable {
  source: string;
  clients: string[];
  features: SupportFeature[];
}

/**
 * caniemail's 600 KB of data boiled down to the CSS features and inboxes pvd checks
 * (src/inbox/caniemail-support.json): parsing the full file would cost every build
 * ~15 ms. tests/inbox.test.ts regenerates it from the installed caniemail and fails
 * when the two differ.
 */
export function buildSupportTable(data: CaniemailData, version: string): SupportTable {
  const features: SupportFeature[] = [];
  for (const feature of data.data) {
    if (feature.category !== 'css') continue;
    const matcher = matcherOf(feature.title);
    if (!matcher) continue;
    const support = INBOX_CLIENTS.map(({ id }) => latestSupport(feature.stats, id)).join('');
    features.push({ title: feature.title, url: feature.url, ...matcher, support });
  }
  return { source: `caniemail ${version}, ${data.last_update_date.slice(0, 10)}`, clients: INBOX_CLIENTS.map(({ id }) => id), features };
}

/** The table as committed: one feature a line, so a caniemail update reads as a small diff. */
export function formatSupportTable(table: SupportTable): string {
  const features = table.features.map((feature) => `    ${JSON.stringify(feature)}`).join(',\n');
  return `{\n  "source": ${JSON.stringify(table.source)},\n  "clients": ${JSON.stringify(table.clients)},\n  "features": [\n${features}\n  ]\n}\n`;
}

function matcherOf(title: string): Pick<SupportFeature, 'kind' | 'match'> | undefined {
  const clean = title.trim();
  if (clean === 'lang()') return undefined; // a selector, not a value function
  if (clean === '!important keyword') return { kind: 'keyword', match: ['!important'] };
  if (clean === 'CSS calc() function') return { kind: 'function', match: ['calc'] };
  if (clean === 'CSS Variables (Custom Properties)') return { kind: 'function', match: ['var'] };
  if (clean === 'left, right, top, bottom' || clean === 'gap, column-gap, row-gap') return { kind: 'property', match: clean.split(', ') };
  if (clean === 'color-scheme CSS property') return { kind: 'property', match: ['color-scheme'] };
  if (clean.startsWith('@')) return { kind: 'at-rule', match: [clean] };
  const unit = /^(%|[a-z]+) unit$/.exec(clean);
  if (unit) return { kind: 'unit', match: [unit[1]!] };
  const pair = /^([a-z-]+):\s*([a-z-]+)$/.exec(clean);
  if (pair) return { kind: 'pair', match: [`${pair[1]}:${pair[2]}`] };
  if (/^[a-z-]+(, [a-z-]+)*\(\)(, [a-z-]+\(\))*$/.test(clean)) return { kind: 'function', match: clean.split(', ').map((name) => name.replace('()', '')) };
  const property = /^([a-z-]+)(?: property| shorthand)?$/.exec(clean);
  if (property) return { kind: 'property', match: [property[1]!] };
  return undefined;
}

/** The latest tested version's verdict, as caniemail itself reads it. */
function latestSupport(stats: CaniemailData['data'][number]['stats'], client: string): string {
  const [family = '', platform = ''] = client.split('.');
  const versions = stats[family]?.[platform];
  if (!versions) return 'u';
  const latest = Object.keys(versions).sort().at(-1);
  const verdict = latest === undefined ? 'u' : versions[latest]!.trim().charAt(0);
  return 'yan'.includes(verdict) && verdict !== '' ? verdict : 'u';
}
