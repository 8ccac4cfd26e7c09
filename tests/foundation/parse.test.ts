import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseIssue } from '../../src/issue/parse.js';
import type { Section } from '../../src/issue/model.js';
import { loadTemplate } from '../../src/template/load.js';
import { ISSUE_042, REPO } from '../helpers.js';

const catalog = loadTemplate(REPO).config.sections;
const parse = (source: string) => {
  const { issue, problems } = parseIssue(source, '/tmp/issues/042/issue.md', 'issue.md', catalog);
  return { issue: issue!, diagnostics: problems };
};
const FRONT = '---\nnumber: 42\ndate: 2024-12-16\nsubject: "S"\npreheader: "P"\nstatus: draft\ncredits: [ANCT]\n---\n';

describe('the issue model of #42', () => {
  const source = readFileSync(ISSUE_042, 'utf8');
  const { issue, diagnostics } = parse(source);
  const section = (id: string): Section => issue.sections.find((candidate) => candidate.entry?.id === id)!;
  const lineOf = (text: string) => source.split('\n').findIndex((line) => line.includes(text)) + 1;

  it('reads the front matter', () => {
    expect(diagnostics).toEqual([]);
    expect(issue.frontMatter).toMatchObject({ number: 42, date: '2024-12-16', status: 'ready', subject: 'Rencontres PACA, baromètre AFL et agenda de janvier' });
    expect(issue.frontMatter!.credits).toContain('DDT 54');
    expect(issue.keys.find((entry) => entry.key === 'status')?.position).toEqual({ line: 6, column: 1 });
  });

  it('takes the text before the first ## as the intro', () => {
    expect(issue.intro).toHaveLength(3);
    expect(issue.intro[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'strong' }] });
  });

  it('matches every section to the catalog, in order', () => {
    expect(issue.sections.map((candidate) => candidate.entry?.id)).toEqual(['actu', 'chiffre', 'image', 'club', 'club-departemental', 'projetotheque', 'services', 'presse', 'voir-aussi']);
    expect(section('actu').position).toEqual({ line: lineOf("## L'actu"), column: 1 });
  });

  it('reads the figure of the figure section, and its caption as text', () => {
    expect(section('chiffre').figure).toEqual({ value: '84 %', position: { line: lineOf('84 %'), column: 1 } });
    expect(section('chiffre').blocks[0]).toMatchObject({ type: 'paragraph' });
  });

  it('reads items with images, credits, linked pictures and buttons', () => {
    const cards = section('projetotheque');
    expect(cards.items.map((item) => item.titleText)).toEqual([
      "Une exposition itinérante comme conclusion d'une étude globale d'ampleur communautaire (03)",
      'Accompagnement des commerces en centralité rurale (08)',
      'Construction du pôle culture/jeunesse intercommunal à Lassay-les-Châteaux (53)',
    ]);
    const picture = cards.items[1]!.picture!;
    expect(picture.image.slot).toBe('card');
    expect(cards.items[1]!.blocks.map((block) => block.type)).toEqual(['paragraph']);
    expect(picture.image).toMatchObject({ src: 'images/attigny.jpg', credit: '© Communauté de Communes des Crêtes Préardennaises', href: 'https://agence-cohesion-territoires.gouv.fr/petites-villes-de-demain-45' });
    expect(picture.image.position).toEqual({ line: lineOf('images/attigny.jpg'), column: 2 });
    const services = section('services');
    expect(services.items).toHaveLength(5);
    expect(services.items[4]!.blocks.at(-1)).toMatchObject({ type: 'button', label: "S'inscrire au webinaire sur la résilience", href: 'https://www.cerema.fr/' });
    expect(issue.links.filter((link) => link.kind === 'button')).toHaveLength(5);
    expect(issue.links.filter((link) => link.kind === 'image')).toHaveLength(3);
  });

  it('collects every image and link with its position', () => {
    expect(issue.images).toHaveLength(9);
    const mail = issue.links.find((link) => link.href.startsWith('mailto:'))!;
    expect(mail.position.line).toBe(lineOf('[petitesvillesdedemain@anct.gouv.fr]'));
    expect(mail.position.column).toBe(source.split('\n')[mail.position.line - 1]!.indexOf('[petitesvillesdedemain') + 1);
  });
});

describe('the format rules', () => {
  it('matches section titles whatever the accents, case and apostrophes', () => {
    const { issue } = parse(`${FRONT}\n## l’ACTU\n\n## LA PROJETOTHEQUE\n\n## le chiffre du mois\n`);
    expect(issue.sections.map((section) => section.entry?.id)).toEqual(['actu', 'projetotheque', 'chiffre']);
  });

  it('accepts an explicit {#id} suffix', () => {
    const { issue } = parse(`${FRONT}\n## Les nouvelles du mois {#actu}\n`);
    expect(issue.sections[0]).toMatchObject({ entry: { id: 'actu' }, explicitId: 'actu', title: 'Les nouvelles du mois' });
  });

  it('keeps an unknown section, unmatched, for lint to report', () => {
    const { issue } = parse(`${FRONT}\n## Le chifre du mois\n\n84 %\n`);
    expect(issue.sections[0]).toMatchObject({ entry: undefined, title: 'Le chifre du mois', figure: undefined });
  });

  it('reads a figure written without a space (90%) and keeps template syntax as text', () => {
    const { issue } = parse(`${FRONT}\n## Le chiffre du mois\n\n90%\n\nde {{ contact.EMAIL }} et {{> footer}}\n`);
    expect(issue.sections[0]!.figure?.value).toBe('90%');
    expect(issue.sections[0]!.blocks[0]).toMatchObject({ type: 'paragraph', children: [{ type: 'text', value: 'de {{ contact.EMAIL }} et {{> footer}}' }] });
  });

  it('resolves reference-style links and images', () => {
    const { issue } = parse(`${FRONT}\n## L'actu\n\nVoir [le site][anct].\n\n[anct]: https://anct.gouv.fr\n`);
    expect(issue.links[0]).toMatchObject({ href: 'https://anct.gouv.fr', text: 'le site' });
  });

  it('locates front-matter problems on their own line', () => {
    const { diagnostics } = parse('---\nnumber: 42\nsubject: "unclosed\n---\n');
    expect(diagnostics[0]).toMatchObject({ rule: 'parse', line: 3, severity: 'error', messageId: 'yaml-MISSING_CHAR' });
  });

  it('refuses an unclosed front matter, with where it opened', () => {
    const { diagnostics, issue } = parse('---\nnumber: 42\n\n## L’actu\n');
    expect(diagnostics).toEqual([expect.objectContaining({ line: 1, column: 1, rule: 'parse', messageId: 'unclosedHeader' })]);
    expect(issue.frontMatter).toBeUndefined();
  });
});
