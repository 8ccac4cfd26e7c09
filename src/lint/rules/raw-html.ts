import type { Block, Inline, Position } from '../../issue/model.js';
import { defineRule } from '../rule.js';

/** Comments are harmless (and carry pvd-disable directives); the renderer drops them. */
export function isHtmlComment(value: string): boolean {
  return /^\s*<!--[\s\S]*-->\s*$/.test(value);
}

export default defineRule({
  id: 'raw-html',
  severity: 'error',
  description: { fr: "Pas de HTML brut dans le contenu, sauf si le gabarit l'autorise", en: 'No raw HTML in content unless the template allows it' },
  check({ issue, template }, report) {
    if (template.config.allowRawHtml) return;
    const found: Position[] = [];
    const visitInlines = (inlines: readonly Inline[]) => {
      for (const inline of inlines) {
        if (inline.type === 'html' && !isHtmlComment(inline.value)) found.push(inline.position);
        else if ('children' in inline) visitInlines(inline.children);
      }
    };
    const visitBlocks = (blocks: readonly Block[]) => {
      for (const block of blocks) {
        if (block.type === 'html' && !isHtmlComment(block.value)) found.push(block.position);
        else if (block.type === 'paragraph') visitInlines(block.children);
        else if (block.type === 'list') for (const item of block.items) visitInlines(item.children);
        else if (block.type === 'quote') visitBlocks(block.children);
      }
    };
    visitBlocks(issue.intro);
    for (const section of issue.sections) {
      visitBlocks(section.blocks);
      for (const item of section.items) {
        visitInlines(item.title);
        visitBlocks(item.blocks);
      }
    }
    for (const position of found) {
      report(position, {
        fr: "HTML brut refusé : écrivez en Markdown (**gras**, [lien](https://…), ![image](images/…)). Le gabarit peut l'autoriser avec allowRawHtml: true.",
        en: 'Raw HTML refused: write Markdown (**bold**, [link](https://…), ![image](images/…)). The template can allow it with allowRawHtml: true.',
      });
    }
  },
});
