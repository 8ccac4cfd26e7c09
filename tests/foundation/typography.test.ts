import { describe, expect, it } from 'vitest';
import { frenchTypography } from '../../src/render/typography.js';

const NBSP = '\u00a0';

describe('French typography at render time', () => {
  it.each([
    ['Bonjour : au revoir', `Bonjour${NBSP}: au revoir`],
    ['Vraiment ? Oui !', `Vraiment${NBSP}? Oui${NBSP}!`],
    ['un ; deux', `un${NBSP}; deux`],
    ['« La qualité d’habiter »', `«${NBSP}La qualité d’habiter${NBSP}»`],
    ['«serré»', `«${NBSP}serré»`],
    ['84 % des Français', `84${NBSP}% des Français`],
    ['de 14 h 00 à 15 h 30', `de 14${NBSP}h${NBSP}00 à 15${NBSP}h${NBSP}30`],
    ['4 430 aides', `4${NBSP}430 aides`],
    ['Table ronde n° 1', `Table ronde n°${NBSP}1`],
  ])('%s', (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it('leaves URLs, times and plain numbers alone', () => {
    for (const text of ['https://anct.gouv.fr:443/x?y=1', 'à 14:00', 'le 12 décembre 2024', 'les 4 communes', '14h00']) {
      expect(frenchTypography(text)).toBe(text);
    }
  });
});
