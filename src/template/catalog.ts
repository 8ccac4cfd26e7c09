import type { CatalogSection } from './model.js';
import { closest } from '../text/closest.js';

/** Section titles match whatever the accents, case, apostrophes and spacing. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’‘ʼ`´]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .trim()
    .toLowerCase();
}

/** The catalog entry a `##` heading names, by its explicit `{#id}` or by its title. */
export function findCatalogSection(catalog: readonly CatalogSection[], title: string, explicitId: string | undefined): CatalogSection | undefined {
  if (explicitId !== undefined) return catalog.find((section) => section.id === explicitId);
  const wanted = normalizeTitle(title);
  return catalog.find((section) => normalizeTitle(section.title) === wanted);
}

export function suggestCatalogTitle(catalog: readonly CatalogSection[], title: string): string | undefined {
  return closest(title, catalog.map((section) => section.title), normalizeTitle);
}
