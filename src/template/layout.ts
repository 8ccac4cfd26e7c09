import type { SectionKind } from './model.js';

/**
 * Where a picture can sit in the 600 px column, in CSS pixels: `desktop`, the width of its
 * slot in the 600 px layout; `widest`, the widest it is ever shown. A card's picture is
 * 220 px beside its text on a desktop, but spans the column when the card is stacked on a
 * phone (no wider than a full-width picture). The parser says which slot each image of an
 * issue takes; the renderer sizes it and lint's image-weight rule judges its sharpness from
 * the same facts. templates/pvd/styles.css draws the same widths.
 */
export const SLOTS = {
  full: { desktop: 552, widest: 552 },
  feature: { desktop: 508, widest: 508 },
  card: { desktop: 220, widest: 552 },
} as const;

export type Slot = keyof typeof SLOTS;

/** The desktop width of each slot: what the HTML's width attributes say. */
export const SLOT_WIDTH = { full: SLOTS.full.desktop, feature: SLOTS.feature.desktop, card: SLOTS.card.desktop } as const;

/** The slot of a picture in a section of this kind (a card's own picture is the `card` slot). */
export function slotOfSection(kind: SectionKind | undefined): Slot {
  return kind === 'feature' ? 'feature' : 'full';
}
