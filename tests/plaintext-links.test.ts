import { describe, expect, it } from 'vitest';
import { createReferences, linkToText } from '../src/render/inline.js';
import { wrapText } from '../src/render/text.js';

const options = { utm: undefined };

describe('links in the plaintext, as numbered references', () => {
  it('numbers each address once for the message, and lists what each part cited, in number order', () => {
    const references = createReferences();
    expect(linkToText('la fiche', 'https://exemple.fr/b', options, references)).toBe('la fiche\u00a0[1]');
    expect(linkToText('le site', 'https://exemple.fr/a', options, references)).toBe('le site\u00a0[2]');
    expect(linkToText('la même fiche', 'https://exemple.fr/b', options, references)).toBe('la même fiche\u00a0[1]');
    expect(references.list()).toEqual(['[1] https://exemple.fr/b', '[2] https://exemple.fr/a']);
    // The next part cites the first address again: it keeps its number and is listed again.
    expect(linkToText('encore', 'https://exemple.fr/b', options, references)).toBe('encore\u00a0[1]');
    expect(references.list()).toEqual(['[1] https://exemple.fr/b']);
    expect(references.list()).toEqual([]);
  });

  it('writes an address that is its own label as it is, and a link with no label as its marker', () => {
    const references = createReferences();
    expect(linkToText('https://exemple.fr/', 'https://exemple.fr/', options, references)).toBe('https://exemple.fr/');
    expect(linkToText('contact@exemple.fr', 'mailto:contact@exemple.fr', options, references)).toBe('contact@exemple.fr');
    expect(linkToText(' ', 'https://exemple.fr/vide', options, references)).toBe('[1]');
    expect(linkToText('archive ', '*|ARCHIVE|*', options, references)).toBe('archive\u00a0[2]');
    expect(references.list()).toEqual(['[1] https://exemple.fr/vide', '[2] *|ARCHIVE|*']);
  });

  it('lists the tracked address, the one a click goes to', () => {
    const references = createReferences();
    linkToText('le site', 'https://exemple.fr/', { utm: { source: 's', medium: 'm', campaign: 'c' } }, references);
    expect(references.list()).toEqual(['[1] https://exemple.fr/?utm_source=s&utm_medium=m&utm_campaign=c']);
  });

  it('never cuts a reference line, but wraps a paragraph that happens to start with one', () => {
    const long = `[12] https://exemple.fr/${'a'.repeat(80)}`;
    expect(wrapText(long)).toBe(long);
    const paragraph = `[1] Une note de bas de page qui est bien plus longue que les soixante-douze colonnes permises.`;
    expect(wrapText(paragraph)).toBe('[1] Une note de bas de page qui est bien plus longue que les\nsoixante-douze colonnes permises.');
  });

  it('keeps a marker with the last word of its label when the line wraps', () => {
    const line = `Tous les mercredis, rendez-vous sur la ${linkToText('projetothèque', 'https://exemple.fr/', options, createReferences())} Petites villes de demain.`;
    expect(wrapText(line)).toBe('Tous les mercredis, rendez-vous sur la projetothèque\u00a0[1] Petites villes\nde demain.');
  });
});
