import type { Message } from '../i18n/lang.js';
import type { IssueStatus } from '../issue/front-matter-schema.js';
import type { TargetName } from '../template/model.js';
import { MAILING_TOOLS } from './tools.js';

/** One built issue, as the handover to the mailing tool needs it. */
export interface HandoverFacts {
  number: number;
  folderName: string;
  subject: string;
  preheader: string;
  status: IssueStatus;
  /** The tool this build is for. */
  target: TargetName;
  /** Whether it came from --target (else from template.yaml). */
  targetFromOption: boolean;
  /** `target:` of template.yaml: what a build without --target gives. */
  templateTarget: TargetName;
  templateFile: string;
  publicBaseUrl: string;
  /** `publish.to` of template.yaml, when the team wrote one: without it, publish needs --to. */
  publishTo: string | undefined;
  htmlFile: string;
  textFile: string;
}

/** What `npx pvd build N` prints last: for which tool it was built, and the steps up to sending it. */
export function nextSteps(facts: HandoverFacts): Message[] {
  const tool = MAILING_TOOLS[facts.target];
  const images = `${facts.publicBaseUrl}${facts.folderName}/images/`;
  const lines: Message[] = [
    { fr: '', en: '' },
    { fr: `Et maintenant, pour envoyer le n° ${facts.number} :`, en: `Next steps, to send issue ${facts.number}:` },
    targetLine(facts),
  ];
  if (facts.status === 'draft') {
    lines.push({
      fr: `  ⚠ C'est encore un brouillon (status: draft) : passez « status: ready » dans son issue.md quand il est prêt ; « npx pvd publish » ne publie que les numéros prêts.`,
      en: `  ⚠ It is still a draft (status: draft): set "status: ready" in its issue.md when it is done; "npx pvd publish" publishes only ready issues.`,
    });
  }
  const textField = { fr: tool.textField.fr.replace('{file}', facts.textFile), en: tool.textField.en.replace('{file}', facts.textFile) };
  lines.push(
    { fr: `  1. Les images doivent être en ligne à ${images} avant l'envoi ; pour les y mettre :`, en: `  1. The images must be online at ${images} before sending; to put them there:` },
    ...publishCommand(facts),
    { fr: `  2. Objet :          ${facts.subject}`, en: `  2. Subject:       ${facts.subject}` },
    { fr: `     Texte d'aperçu : ${facts.preheader}`, en: `     Preview text:  ${facts.preheader}` },
    { fr: `  3. HTML : collez tout ${facts.htmlFile} dans ${tool.htmlField.fr}`, en: `  3. HTML: paste the whole of ${facts.htmlFile} into ${tool.htmlField.en}` },
    { fr: `     (ou ouvrez « npx pvd preview ${facts.number} » et son bouton « Copier le HTML »).`, en: `     (or open "npx pvd preview ${facts.number}" and its "Copy HTML" button).` },
    { fr: `  4. Texte brut : ${textField.fr}.`, en: `  4. Plain text: ${textField.en}.` },
  );
  return lines;
}

/** `npx pvd publish N` as it works: without `publish.to`, it needs a destination. The preview shows it too. */
export function publishCommandLine(number: number, publishTo: string | undefined): Message {
  if (publishTo !== undefined) return { fr: `npx pvd publish ${number}`, en: `npx pvd publish ${number}` };
  return { fr: `npx pvd publish ${number} --to <dossier ou sftp://utilisateur@serveur/chemin>`, en: `npx pvd publish ${number} --to <folder or sftp://user@server/path>` };
}

/** The command, and without `publish.to` where to write a destination for good. */
function publishCommand(facts: HandoverFacts): Message[] {
  const line = publishCommandLine(facts.number, facts.publishTo);
  if (facts.publishTo !== undefined) return [{ fr: `       ${line.fr}`, en: `       ${line.en}` }];
  return [
    { fr: `       ${line.fr}`, en: `       ${line.en}` },
    { fr: `     (écrivez la destination une fois pour toutes sous « publish: » « to: » dans ${facts.templateFile} : voir docs/publish.md).`, en: `     (write the destination once and for all under "publish:" "to:" in ${facts.templateFile}: see docs/publish.md).` },
  ];
}

function targetLine(facts: HandoverFacts): Message {
  const tool = MAILING_TOOLS[facts.target].name;
  const keep = { fr: `(target: ${facts.target} dans ${facts.templateFile} : chaque build le garde)`, en: `(target: ${facts.target} in ${facts.templateFile}: every build keeps it)` };
  if (facts.targetFromOption && facts.target !== facts.templateTarget) {
    const fallback = MAILING_TOOLS[facts.templateTarget].name;
    return {
      fr: `  Produit pour ${tool.fr} (--target ${facts.target}). Attention : un build sans --target reprendra « target: ${facts.templateTarget} » de ${facts.templateFile} (${fallback.fr}) ; pour garder ${tool.fr}, écrivez-y « target: ${facts.target} ».`,
      en: `  Built for ${tool.en} (--target ${facts.target}). Beware: a build without --target goes back to "target: ${facts.templateTarget}" of ${facts.templateFile} (${fallback.en}); to keep ${tool.en}, write "target: ${facts.target}" there.`,
    };
  }
  if (facts.target === 'generic') {
    return {
      fr: `  Produit en version générique, liens en clair, sans balises de fusion ${keep.fr}. Pour un outil d'envoi, relancez avec --target brevo, mailchimp, mailjet, listmonk ou sendy, ou écrivez-le dans « target: ».`,
      en: `  Built as the generic version, plain links, no merge tags ${keep.en}. For a mailing tool, build again with --target brevo, mailchimp, mailjet, listmonk or sendy, or write it in "target:".`,
    };
  }
  return { fr: `  Produit pour ${tool.fr} ${keep.fr}.`, en: `  Built for ${tool.en} ${keep.en}.` };
}
