import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { outgoingHref } from '../src/render/links.js';
import { editIssue, makeProject, runPvd } from './helpers.js';

const utm = { source: 'lettre-pvd', medium: 'email', campaign: 'lettre-042' };
const TRACKING = 'utm_source=lettre-pvd&utm_medium=email&utm_campaign=lettre-042';

describe('campaign parameters on a link', () => {
  it('are appended to web links, before the #fragment', () => {
    expect(outgoingHref('https://example.org/page', { utm })).toBe(`https://example.org/page?${TRACKING}`);
    expect(outgoingHref('https://example.org', { utm })).toBe(`https://example.org/?${TRACKING}`);
    expect(outgoingHref('https://example.org/?a=1', { utm })).toBe(`https://example.org/?a=1&${TRACKING}`);
    expect(outgoingHref('https://example.org/a#haut', { utm })).toBe(`https://example.org/a?${TRACKING}#haut`);
  });

  it('are never added to mailto:, tel: or merge tags', () => {
    for (const href of ['mailto:contact@example.org', 'tel:+33123456789', '*|ARCHIVE|*', '{{ mirror }}', '[[PERMALINK]]', '[webversion]']) {
      expect(outgoingHref(href, { utm })).toBe(href);
    }
  });

  it('are never duplicated on a link that already has campaign parameters', () => {
    const href = 'https://example.org/?utm_source=partenaire&utm_campaign=salon';
    expect(outgoingHref(href, { utm })).toBe(href);
    expect(outgoingHref('https://example.org/?x=1&UTM_MEDIUM=print', { utm })).toBe('https://example.org/?x=1&UTM_MEDIUM=print');
  });

  it('leave the rest of the address as written, merge tags inside it included', () => {
    expect(outgoingHref('https://example.org/?email=*|EMAIL|*', { utm })).toBe(`https://example.org/?email=*|EMAIL|*&${TRACKING}`);
    expect(outgoingHref('https://example.org/?e={{ contact.EMAIL }}', { utm })).toBe(`https://example.org/?e={{ contact.EMAIL }}&${TRACKING}`);
  });

  it('are not added when the template has no utm', () => {
    expect(outgoingHref('https://example.org/page', { utm: undefined })).toBe('https://example.org/page');
  });
});

describe('pvd build with utm in template.yaml', () => {
  let html: string;
  let text: string;

  beforeAll(() => {
    const root = makeProject();
    editIssue(root, '042', (source) => `${source.trimEnd()}\n\nPour aller plus loin : [le guide du partenaire](https://www.cerema.fr/fr/guide?utm_source=partenaire&utm_campaign=salon), [la carte](https://www.banquedesterritoires.fr/carte#haut), [le standard](tel:+33123456789) ou [la rédaction](mailto:redaction@anct.gouv.fr).\n`);
    const result = runPvd(['build', '42'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    html = readFileSync(join(root, 'out', '042', 'index.html'), 'utf8');
    text = readFileSync(join(root, 'out', '042', 'index.txt'), 'utf8');
  });

  const hrefs = () => [...html.matchAll(/<a [^>]*href="([^"]*)"/g)].map((match) => match[1]!.replaceAll('&amp;', '&'));

  it('writes addresses with their `=` as is, not as &#x3D;', () => {
    expect(html).not.toContain('&#x3D;');
    expect(html).toContain(`href="https://www.agence-france-locale.fr/?${TRACKING.replaceAll('&', '&amp;')}"`);
  });

  it('tracks the content links, buttons and linked images, campaign lettre-042', () => {
    expect(hrefs()).toContain(`https://www.agence-france-locale.fr/?${TRACKING}`); // a button
    expect(hrefs()).toContain(`https://agence-cohesion-territoires.gouv.fr/petites-villes-de-demain-45?${TRACKING}`); // linked images, links
    expect(hrefs()).toContain(`https://www.banquedesterritoires.fr/carte?${TRACKING}#haut`);
    expect(text).toMatch(new RegExp(`^\\[\\d+\\] https://www\\.agence-france-locale\\.fr/\\?${TRACKING}$`, 'm'));
  });

  it('keeps a link that already has its own campaign parameters as it is', () => {
    expect(hrefs()).toContain('https://www.cerema.fr/fr/guide?utm_source=partenaire&utm_campaign=salon');
    expect(hrefs().filter((href) => href.includes('cerema.fr/fr/guide'))).toEqual(['https://www.cerema.fr/fr/guide?utm_source=partenaire&utm_campaign=salon']);
  });

  it('never tracks mailto:, tel: or the footer links (subscribe, unsubscribe, web version, share)', () => {
    const untracked = hrefs().filter((href) => !href.includes('utm_'));
    expect(untracked).toEqual(expect.arrayContaining([
      'tel:+33123456789',
      'mailto:redaction@anct.gouv.fr',
      'mailto:petitesvillesdedemain@anct.gouv.fr',
      'https://agence-cohesion-territoires.gouv.fr/lettre-pvd/desinscription',
      'https://agence-cohesion-territoires.gouv.fr/lettre-pvd/042/',
      'https://agence-cohesion-territoires.gouv.fr/petites-villes-de-demain-45',
    ]));
    for (const href of hrefs().filter((candidate) => /^(mailto|tel):/.test(candidate))) expect(href).not.toContain('utm_');
    expect(text.replace(/\s+/g, ' ')).toContain('Se désinscrire : https://agence-cohesion-territoires.gouv.fr/lettre-pvd/desinscription');
  });
});

describe('pvd build without utm in template.yaml', () => {
  it('leaves every link as written', () => {
    const root = makeProject();
    const yamlPath = join(root, 'templates', 'pvd', 'template.yaml');
    writeFileSync(yamlPath, readFileSync(yamlPath, 'utf8').replace(/^utm:\n(  .*\n)+/m, ''));
    const result = runPvd(['build', '42'], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(root, 'out', '042', 'index.html'), 'utf8')).not.toContain('utm_');
    expect(readFileSync(join(root, 'out', '042', 'index.txt'), 'utf8')).not.toContain('utm_');
  });
});
