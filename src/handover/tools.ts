import type { Message } from '../i18n/lang.js';
import type { TargetName } from '../template/model.js';

/** What the comms team needs to know of each mailing tool: its name, and where the HTML and the text go. */
export interface MailingTool {
  name: Message;
  /** Where to paste the whole HTML, in the tool's own words. */
  htmlField: Message;
  /** Where the plaintext goes (`{file}` is the text file). */
  textField: Message;
  /** What else to know before sending with this tool. */
  note?: Message;
}

export const MAILING_TOOLS: Record<TargetName, MailingTool> = {
  generic: {
    name: { fr: 'la version générique, liens en clair, sans balises de fusion', en: 'the generic version, plain links, no merge tags' },
    htmlField: { fr: "l'éditeur HTML (« code ») de votre outil d'envoi", en: "your mailing tool's HTML (\"code\") editor" },
    textField: { fr: 'collez {file} dans le champ « texte brut » de votre outil', en: "paste {file} into your tool's plain-text field" },
  },
  brevo: {
    name: { fr: 'Brevo', en: 'Brevo' },
    htmlField: { fr: 'Brevo : Campagnes → Créer une campagne → E-mail, étape Design, « Coder votre propre modèle »', en: 'Brevo: Campaigns → Create a campaign → Email, Design step, "Code your own"' },
    textField: { fr: 'Brevo le déduit du HTML ; si votre compte a un champ « version texte », collez-y {file}', en: 'Brevo derives it from the HTML; where your account has a "text version" field, paste {file} there' },
  },
  mailchimp: {
    name: { fr: 'Mailchimp', en: 'Mailchimp' },
    htmlField: { fr: 'Mailchimp : Create → Email → Regular → Design Email → « Code your own » → « Paste in code »', en: 'Mailchimp: Create → Email → Regular → Design Email → "Code your own" → "Paste in code"' },
    textField: { fr: "onglet « Plain-text » de l'éditeur, génération automatique désactivée : collez {file}", en: 'the editor\'s "Plain-text" tab, automatic generation off: paste {file}' },
    note: { fr: 'Le texte brut contient déjà *|UNSUB|*, que Mailchimp exige dans les deux versions.', en: 'The plain text already holds *|UNSUB|*, which Mailchimp requires in both versions.' },
  },
  mailjet: {
    name: { fr: 'Mailjet', en: 'Mailjet' },
    htmlField: { fr: 'Mailjet : Campagnes → Créer une campagne → « Coder en HTML »', en: 'Mailjet: Campaigns → Create a campaign → "Code in HTML"' },
    textField: { fr: "onglet « Version texte » du même éditeur : collez {file}", en: 'the "Text version" tab of the same editor: paste {file}' },
    note: { fr: 'Le lien de désinscription est [[UNSUB_LINK_FR]] : la page de désinscription en français.', en: 'The unsubscribe link is [[UNSUB_LINK_FR]]: the French unsubscribe page.' },
  },
  listmonk: {
    name: { fr: 'listmonk', en: 'listmonk' },
    htmlField: { fr: 'listmonk : Campaigns → New, « Format : Raw HTML », avec un modèle réduit à {{ template "content" . }}', en: 'listmonk: Campaigns → New, "Format: Raw HTML", with a template made only of {{ template "content" . }}' },
    textField: { fr: '« Add alternate plain text message » sous l\'éditeur : collez {file}', en: '"Add alternate plain text message" under the editor: paste {file}' },
    note: { fr: 'Une fois pour toutes : Campaigns → Templates → New, un modèle fait seulement de {{ template "content" . }} (la lettre est une page complète ; le modèle par défaut de listmonk l\'entourerait de son en-tête et de son pied de page).', en: 'Once and for all: Campaigns → Templates → New, a template made only of {{ template "content" . }} (the newsletter is a whole page; listmonk\'s default template would wrap it in its own header and footer).' },
  },
  sendy: {
    name: { fr: 'Sendy', en: 'Sendy' },
    htmlField: { fr: 'Sendy : Create new campaign → « HTML code »', en: 'Sendy: Create new campaign → "HTML code"' },
    textField: { fr: 'champ « Plain text version » : collez {file}', en: 'the "Plain text version" field: paste {file}' },
  },
};
