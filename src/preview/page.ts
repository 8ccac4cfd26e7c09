import { MAILING_TOOLS } from '../handover/tools.js';
import { interpolate, t, type Message } from '../i18n/lang.js';
import { escapeHtml } from '../render/escape.js';
import { TARGETS } from '../template/schema.js';

/** The widths the email is shown at: a desktop reading pane and a common phone. */
export const DESKTOP_WIDTH = 680;
export const MOBILE_WIDTH = 375;

/** Texts the page script fills in; `{n}` is a count, `{line}`/`{column}`/`{file}` a place. */
const LABELS = {
  connecting: { fr: 'Connexion…', en: 'Connecting…' },
  upToDate: { fr: 'À jour · {time}', en: 'Up to date · {time}' },
  hasErrors: { fr: 'Erreurs à corriger · {time}', en: 'Errors to fix · {time}' },
  offline: { fr: 'Connexion perdue : « npx pvd preview » est-il toujours lancé ?', en: 'Connection lost: is "npx pvd preview" still running?' },
  noProblem: { fr: 'Aucun problème détecté', en: 'No problem found' },
  errorOne: { fr: '{n} erreur', en: '{n} error' },
  errorMany: { fr: '{n} erreurs', en: '{n} errors' },
  warningOne: { fr: '{n} avertissement', en: '{n} warning' },
  warningMany: { fr: '{n} avertissements', en: '{n} warnings' },
  error: { fr: 'Erreur', en: 'Error' },
  warning: { fr: 'Avertissement', en: 'Warning' },
  here: { fr: 'Ligne {line}, colonne {column}', en: 'Line {line}, column {column}' },
  elsewhere: { fr: '{file}, ligne {line}, colonne {column}', en: '{file}, line {line}, column {column}' },
  textBlocked: { fr: 'Le texte brut reviendra dès que les erreurs seront corrigées.', en: 'The plaintext comes back once the errors are fixed.' },
  titlePrefix: { fr: 'Aperçu', en: 'Preview' },
  stale: { fr: 'Dernière version sans erreur, de {time}', en: 'Last version without errors, from {time}' },
  staleHint: {
    fr: 'Le numéro contient des erreurs (listées plus haut) : voici sa dernière version sans erreur. Corrigez-les et enregistrez, l’aperçu se met à jour tout seul.',
    en: 'The issue has errors (listed above): this is its last version without errors. Fix them and save; the preview updates by itself.',
  },
  copyBlocked: {
    fr: 'Copie impossible tant que le numéro contient des erreurs : « npx pvd build » ne le produirait pas. Corrigez-les (liste plus haut), les boutons reviennent tout seuls.',
    en: 'Nothing to copy while the issue has errors: "npx pvd build" would not build it. Fix them (listed above); the buttons come back by themselves.',
  },
  copied: { fr: '{what} : copié dans le presse-papiers.', en: '{what}: copied to the clipboard.' },
  copyRefused: { fr: 'Le navigateur a refusé la copie ({reason}) : cliquez dans la page, puis sur le bouton à nouveau.', en: 'The browser refused to copy ({reason}): click in the page, then on the button again.' },
  copyUnavailable: {
    fr: 'Ce navigateur ne copie que depuis une adresse locale : ouvrez l’aperçu à http://127.0.0.1 (ou localhost) sur cette machine.',
    en: 'This browser copies only from a local address: open the preview at http://127.0.0.1 (or localhost) on this machine.',
  },
  whatSubject: { fr: 'L’objet', en: 'The subject' },
  whatPreheader: { fr: 'Le texte d’aperçu', en: 'The preview text' },
  whatHtml: { fr: 'Le HTML pour {tool}', en: 'The HTML for {tool}' },
  whatText: { fr: 'Le texte brut pour {tool}', en: 'The plain text for {tool}' },
  defaultTool: { fr: '{name} (target: de template.yaml)', en: '{name} (target: of template.yaml)' },
  draft: {
    fr: 'C’est encore un brouillon (status: draft) : passez « status: ready » dans son issue.md quand il est prêt ; « npx pvd publish » ne publie que les numéros prêts.',
    en: 'It is still a draft (status: draft): set "status: ready" in its issue.md when it is done; "npx pvd publish" publishes only ready issues.',
  },
  checking: { fr: 'Vérification en cours…', en: 'Checking…' },
  onlineAll: { fr: 'Les {n} adresses répondent : les images sont en ligne.', en: 'All {n} addresses answer: the images are online.' },
  onlineSome: { fr: '{missing} adresse(s) sur {n} ne répondent pas encore : publiez avec la commande ci-dessus, puis vérifiez à nouveau.', en: '{missing} address(es) of {n} do not answer yet: publish with the command above, then check again.' },
  sheetAt: { fr: 'Planche écrite par « npx pvd check {number} » le {time}. Elle décrit le numéro tel qu’il était alors : relancez la commande après vos changements.', en: 'Sheet written by "npx pvd check {number}" on {time}. It shows the issue as it was then: run the command again after your changes.' },
  onlineFailed: { fr: 'Vérification impossible ({reason}) : « npx pvd preview » est-il toujours lancé ?', en: 'Could not check ({reason}): is "npx pvd preview" still running?' },
} satisfies Record<string, Message>;

const TEXT = {
  heading: { fr: 'Aperçu de la lettre', en: 'Newsletter preview' },
  issue: { fr: 'Numéro', en: 'Issue' },
  problems: { fr: 'Vérifications', en: 'Checks' },
  email: { fr: 'E-mail', en: 'Email' },
  plaintext: { fr: 'Texte brut', en: 'Plaintext' },
  desktop: { fr: `Ordinateur · ${DESKTOP_WIDTH} px`, en: `Desktop · ${DESKTOP_WIDTH} px` },
  mobile: { fr: `Mobile · ${MOBILE_WIDTH} px`, en: `Mobile · ${MOBILE_WIDTH} px` },
  desktopFrame: { fr: 'La lettre sur un ordinateur', en: 'The newsletter on a desktop' },
  mobileFrame: { fr: 'La lettre sur un téléphone', en: 'The newsletter on a phone' },
  blockedTitle: { fr: 'Aperçu suspendu', en: 'Preview paused' },
  blocked: {
    fr: 'Le numéro contient des erreurs (listées ci-dessus) : il ne serait pas produit par « npx pvd build ». Corrigez-les et enregistrez, l’aperçu revient tout seul.',
    en: 'The issue has errors (listed above): "npx pvd build" would not produce it. Fix them and save; the preview comes back by itself.',
  },
  inbox: { fr: 'Messageries', en: 'Inboxes' },
  inboxFrame: { fr: 'La planche des messageries de « npx pvd check »', en: 'The inbox contact sheet of "npx pvd check"' },
  inboxNone: {
    fr: 'Pas encore de planche pour ce numéro. Lancez « npx pvd check {number} » dans un terminal : la lettre est rendue comme Gmail, Outlook, Apple Mail iOS et les modes sombres l’afficheraient, et la planche de captures s’affiche ici.',
    en: 'No contact sheet for this issue yet. Run "npx pvd check {number}" in a terminal: the email is rendered as Gmail, Outlook, Apple Mail iOS and dark modes would show it, and the contact sheet appears here.',
  },
  plaintextHint: { fr: 'La version texte envoyée avec l’e-mail, pour les messageries qui n’affichent pas le HTML.', en: 'The text version sent with the email, for mail clients that do not show HTML.' },
  footer: { fr: 'Mise à jour automatique à chaque enregistrement de issue.md, des images ou du gabarit.', en: 'Updates by itself whenever issue.md, an image or the template is saved.' },
  handover: { fr: 'Préparer l’envoi', en: 'Prepare to send' },
  tool: { fr: 'Outil d’envoi', en: 'Mailing tool' },
  imagesStep: { fr: 'Images : elles doivent être en ligne à', en: 'Images: they must be online at' },
  imagesHow: { fr: 'avant l’envoi ; pour les y mettre :', en: 'before sending; to put them there:' },
  checkOnline: { fr: 'Vérifier les images en ligne', en: 'Check the images are online' },
  subject: { fr: 'Objet :', en: 'Subject:' },
  preheader: { fr: 'Texte d’aperçu :', en: 'Preview text:' },
  htmlStep: { fr: 'HTML : collez-le tout entier dans', en: 'HTML: paste the whole of it into' },
  textStep: { fr: 'Texte brut :', en: 'Plain text:' },
  copySubject: { fr: 'Copier l’objet', en: 'Copy subject' },
  copyPreheader: { fr: 'Copier le texte d’aperçu', en: 'Copy preview text' },
  copyHtml: { fr: 'Copier le HTML', en: 'Copy HTML' },
  copyText: { fr: 'Copier le texte brut', en: 'Copy plain text' },
} satisfies Record<string, Message>;

/** What the panel says of each mailing tool, in the reader's language: the text field names what the button copies. */
function toolLabels(): Record<string, { name: string; htmlField: string; textField: string; note?: string }> {
  const copiedText = { fr: 'le texte brut copié', en: 'the copied plain text' };
  return Object.fromEntries(TARGETS.map((id) => {
    const tool = MAILING_TOOLS[id];
    return [id, { name: t(tool.name), htmlField: t(tool.htmlField), textField: t(interpolate(tool.textField, { file: copiedText })), ...(tool.note ? { note: t(tool.note) } : {}) }];
  }));
}

/** A menu entry starts with a capital: « La version générique… », « Brevo ». */
function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The page shell: everything the issue contributes arrives later as data and is set as text by /app.js. */
export function renderPage(number: string, file: string): string {
  // The folder says 042; readers say « numéro 42 ».
  const shownNumber = String(Number(number));
  const say = (message: Message) => escapeHtml(t(message));
  const labels = Object.fromEntries(Object.entries(LABELS).map(([key, message]) => [key, t(message)]));
  const tools = toolLabels();
  // `<` escaped so no label can close the script element.
  const labelsJson = JSON.stringify({ ...labels, tools, locale: t({ fr: 'fr-FR', en: 'en-GB' }), file }).replace(/</g, '\\u003c');
  const options = TARGETS.map((id) => `<option value="${id}">${escapeHtml(capitalised(tools[id]!.name))}</option>`).join('');
  return `<!doctype html>
<html lang="${t({ fr: 'fr', en: 'en' })}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${say(LABELS.titlePrefix)} ${escapeHtml(shownNumber)}</title>
<link rel="icon" href="data:,">
<style>${STYLES}</style>
</head>
<body data-state="connecting">
<header class="bar">
  <div class="identity">
    <span class="mark" aria-hidden="true">pvd</span>
    <div>
      <h1>${say(TEXT.heading)} · ${say(TEXT.issue)} ${escapeHtml(shownNumber)}</h1>
      <p class="meta"><span id="subject"></span> <code id="file">${escapeHtml(file)}</code></p>
    </div>
  </div>
  <p class="status" id="status" role="status" aria-live="polite">${say(LABELS.connecting)}</p>
</header>
<section class="problems" id="problems" aria-labelledby="problems-title">
  <h2 id="problems-title">${say(TEXT.problems)} <span id="problems-summary" class="summary"></span></h2>
  <ol id="diagnostics" class="diagnostics"></ol>
</section>
<div id="stale" class="stale" role="status" hidden>
  <h2 id="stale-title"></h2>
  <p>${say(LABELS.staleHint)}</p>
</div>
<section class="handover" id="handover" aria-labelledby="handover-title">
  <div class="handover-head">
    <h2 id="handover-title">${say(TEXT.handover)}</h2>
    <label class="tool">${say(TEXT.tool)} <select id="target">${options}</select></label>
  </div>
  <p id="draft" class="note warning" hidden></p>
  <p id="copy-blocked" class="note error" hidden>${say(LABELS.copyBlocked)}</p>
  <ol class="steps">
    <li>
      <div class="say"><p>${say(TEXT.imagesStep)} <code id="images-url"></code> ${say(TEXT.imagesHow)} <code class="command" id="publish-command">npx pvd publish ${escapeHtml(shownNumber)}</code></p></div>
      <div class="actions"><button type="button" id="check-online">${say(TEXT.checkOnline)}</button></div>
      <div class="online">
        <p id="online-summary" class="online-summary" role="status" aria-live="polite"></p>
        <ul id="online-results" class="online-results"></ul>
      </div>
    </li>
    <li>
      <div class="say">
        <p>${say(TEXT.subject)} <q id="subject-value"></q></p>
        <p>${say(TEXT.preheader)} <q id="preheader-value"></q></p>
      </div>
      <div class="actions">
        <button type="button" class="copy" data-copy="subject" disabled>${say(TEXT.copySubject)}</button>
        <button type="button" class="copy" data-copy="preheader" disabled>${say(TEXT.copyPreheader)}</button>
      </div>
    </li>
    <li>
      <div class="say"><p>${say(TEXT.htmlStep)} <span id="html-field"></span>.</p></div>
      <div class="actions"><button type="button" class="copy" data-copy="html" disabled>${say(TEXT.copyHtml)}</button></div>
    </li>
    <li>
      <div class="say"><p>${say(TEXT.textStep)} <span id="text-field"></span>.</p></div>
      <div class="actions"><button type="button" class="copy" data-copy="text" disabled>${say(TEXT.copyText)}</button></div>
    </li>
  </ol>
  <p id="tool-note" class="note" hidden></p>
  <p id="copy-status" class="copy-status" role="status" aria-live="polite"></p>
</section>
<nav class="tabs" role="tablist">
  <button type="button" role="tab" id="tab-email" aria-controls="panel-email" aria-selected="true">${say(TEXT.email)}</button>
  <button type="button" role="tab" id="tab-text" aria-controls="panel-text" aria-selected="false">${say(TEXT.plaintext)}</button>
  <button type="button" role="tab" id="tab-inbox" aria-controls="panel-inbox" aria-selected="false">${say(TEXT.inbox)}</button>
</nav>
<main>
  <section id="panel-email" role="tabpanel" aria-labelledby="tab-email">
    <div id="blocked" class="blocked" hidden>
      <h2>${say(TEXT.blockedTitle)}</h2>
      <p>${say(TEXT.blocked)}</p>
    </div>
    <div id="frames" class="frames">
      <figure class="device">
        <figcaption>${say(TEXT.desktop)}</figcaption>
        <iframe id="frame-desktop" title="${say(TEXT.desktopFrame)}" style="width:${DESKTOP_WIDTH}px" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>
      </figure>
      <figure class="device">
        <figcaption>${say(TEXT.mobile)}</figcaption>
        <iframe id="frame-mobile" title="${say(TEXT.mobileFrame)}" style="width:${MOBILE_WIDTH}px" sandbox="allow-same-origin allow-popups allow-popups-to-escape-sandbox"></iframe>
      </figure>
    </div>
  </section>
  <section id="panel-text" role="tabpanel" aria-labelledby="tab-text" hidden>
    <p class="hint">${say(TEXT.plaintextHint)}</p>
    <pre id="plaintext"></pre>
  </section>
  <section id="panel-inbox" role="tabpanel" aria-labelledby="tab-inbox" hidden>
    <p id="inbox-none" class="hint">${escapeHtml(t(interpolate(TEXT.inboxNone, { number: { fr: shownNumber, en: shownNumber } })))}</p>
    <p id="inbox-at" class="hint" hidden></p>
    <iframe id="frame-inbox" class="sheet" title="${say(TEXT.inboxFrame)}" hidden></iframe>
  </section>
</main>
<footer>${say(TEXT.footer)}</footer>
<script type="application/json" id="pvd-labels">${labelsJson}</script>
<script src="/app.js"></script>
</body>
</html>
`;
}

const STYLES = `
:root { --blue: #000091; --red: #c9191e; --amber: #b34000; --green: #18753c; --ink: #161616; --muted: #595959; --line: #dddde8; --bg: #f3f3f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: var(--bg); }
.bar { display: flex; align-items: center; justify-content: space-between; gap: 16px; padding: 12px 24px; background: #fff; border-bottom: 3px solid var(--blue); position: sticky; top: 0; z-index: 2; }
.identity { display: flex; align-items: center; gap: 14px; min-width: 0; }
.mark { background: var(--blue); color: #fff; font-weight: 700; letter-spacing: .04em; padding: 6px 10px; border-radius: 4px; }
h1 { font-size: 17px; margin: 0; }
.meta { margin: 0; color: var(--muted); font-size: 13px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.meta code { font-size: 12px; background: var(--bg); padding: 1px 6px; border-radius: 3px; margin-left: 6px; }
.status { margin: 0; font-size: 13px; font-weight: 600; padding: 5px 12px; border-radius: 999px; background: #eee; color: var(--muted); white-space: nowrap; }
.status::before { content: "● "; }
body[data-state="ok"] .status { background: #e3f4e8; color: var(--green); }
body[data-state="errors"] .status { background: #fde8e8; color: var(--red); }
body[data-state="offline"] .status { background: #fff1e0; color: var(--amber); }
.problems { margin: 16px 24px 0; background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 16px; }
.problems h2 { font-size: 15px; margin: 0; }
.summary { font-weight: 400; color: var(--muted); margin-left: 8px; }
body[data-state="ok"] .summary.clean { color: var(--green); }
.diagnostics { list-style: none; margin: 0; padding: 0; }
.diagnostics:not(:empty) { margin-top: 10px; }
.diagnostic { display: grid; grid-template-columns: auto 1fr; gap: 2px 12px; padding: 10px 0; border-top: 1px solid var(--line); }
.badge { grid-row: span 3; align-self: start; font-size: 12px; font-weight: 700; padding: 2px 8px; border-radius: 3px; color: #fff; background: var(--red); }
.diagnostic.warning .badge { background: var(--amber); }
.where { font-weight: 600; }
.where .rule { font-weight: 400; color: var(--muted); font-size: 12px; margin-left: 8px; }
.message { margin: 0; }
.excerpt { display: block; font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: var(--bg); padding: 4px 8px; border-left: 3px solid var(--line); white-space: pre-wrap; overflow-wrap: anywhere; }
.tabs { display: flex; gap: 4px; margin: 16px 24px 0; border-bottom: 1px solid var(--line); }
.tabs button { font: inherit; font-weight: 600; border: 1px solid transparent; border-bottom: none; background: none; padding: 8px 16px; color: var(--muted); cursor: pointer; border-radius: 6px 6px 0 0; }
.tabs button[aria-selected="true"] { background: #fff; border-color: var(--line); color: var(--blue); margin-bottom: -1px; }
main { margin: 0 24px; padding: 20px 0; }
.frames { display: flex; flex-wrap: wrap; gap: 24px; align-items: flex-start; }
.device { margin: 0; }
.device figcaption { font-size: 13px; font-weight: 600; color: var(--muted); margin-bottom: 6px; }
iframe.sheet { display: block; width: 100%; height: 1400px; border: 1px solid var(--line); border-radius: 6px; background: #fff; }
.device iframe { display: block; box-sizing: content-box; height: 900px; border: 1px solid var(--line); border-radius: 6px; background: #fff; box-shadow: 0 2px 10px rgba(0, 0, 60, .08); }
.blocked { background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--red); border-radius: 6px; padding: 16px 20px; max-width: 720px; }
.blocked h2 { margin: 0 0 4px; font-size: 16px; color: var(--red); }
.blocked p { margin: 0; }
.hint { color: var(--muted); margin: 0 0 8px; }
#plaintext { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; max-width: 80ch; font: 13px/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; white-space: pre-wrap; }
footer { margin: 0 24px 24px; color: var(--muted); font-size: 12px; }
.handover { margin: 16px 24px 0; background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--blue); border-radius: 6px; padding: 12px 16px; }
.handover-head { display: flex; flex-wrap: wrap; align-items: center; gap: 8px 20px; }
.handover h2 { font-size: 15px; margin: 0; }
.tool { font-weight: 600; font-size: 14px; }
.tool select { font: inherit; font-weight: 400; margin-left: 6px; padding: 4px 8px; border: 1px solid var(--line); border-radius: 4px; background: #fff; max-width: 100%; }
.steps { margin: 10px 0 0; padding: 0; list-style: none; counter-reset: step; display: grid; gap: 8px; }
.steps > li { counter-increment: step; padding-bottom: 8px; display: grid; grid-template-columns: 1.6em minmax(0, 1fr) auto; gap: 4px 16px; align-items: start; border-bottom: 1px solid var(--line); }
.steps > li::before { content: counter(step) "."; font-weight: 700; color: var(--blue); }
.steps > li:last-child { border-bottom: none; padding-bottom: 0; }
.steps p { margin: 0; }
.steps .online { grid-column: 2 / -1; }
.command { white-space: nowrap; }
.steps q { font-weight: 600; quotes: "« " " »"; }
.steps q:lang(en) { quotes: "“" "”"; }
.steps code, .online-results code { font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; background: var(--bg); padding: 1px 6px; border-radius: 3px; overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; justify-content: flex-end; gap: 8px; }
.actions button { font: inherit; font-size: 14px; font-weight: 600; padding: 6px 14px; border-radius: 4px; border: 1px solid var(--blue); background: var(--blue); color: #fff; cursor: pointer; }
.actions button#check-online { background: #fff; color: var(--blue); }
.actions button:disabled { border-color: var(--line); background: var(--bg); color: var(--muted); cursor: not-allowed; }
.actions button.done:enabled { background: var(--green); border-color: var(--green); }
.note { margin: 10px 0 0; padding: 6px 10px; border-radius: 4px; background: var(--bg); }
.note.warning { background: #fff1e0; color: var(--amber); }
.note.error { background: #fde8e8; color: var(--red); }
.copy-status { margin: 8px 0 0; color: var(--green); font-weight: 600; }
.copy-status.refused { color: var(--red); }
.online-summary { margin: 2px 0 0; font-weight: 600; }
.online-summary:empty, .copy-status:empty { display: none; }
.online-results { list-style: none; margin: 4px 0 0; padding: 0; font-size: 13px; }
.online-results li { padding: 1px 0; }
.online-results li::before { content: "✓ "; color: var(--green); font-weight: 700; }
.online-results li.offline::before { content: "✗ "; color: var(--red); }
.online-results .says { margin-left: 6px; color: var(--muted); }
.online-results li.offline .says { color: var(--red); }
.stale { margin: 16px 24px 0; background: #fff; border: 1px solid var(--line); border-left: 4px solid var(--amber); border-radius: 6px; padding: 10px 16px; }
.stale h2 { margin: 0 0 2px; font-size: 15px; color: var(--amber); }
.stale p { margin: 0; }
body.stale-email .device iframe { border-color: var(--amber); opacity: .85; }
body.stale-email .device figcaption::after { content: " · " attr(data-stale); color: var(--amber); }
@media (max-width: 700px) {
  .bar { flex-wrap: wrap; padding: 10px 16px; }
  .problems, .stale, .handover, .tabs { margin-left: 12px; margin-right: 12px; }
  main { margin: 0 12px; }
  .tool { flex: 1 1 100%; }
  .tool select { display: block; width: 100%; margin: 4px 0 0; }
  .steps > li { grid-template-columns: 1.6em minmax(0, 1fr); }
  .steps .actions { grid-column: 2; justify-content: flex-start; }
}
[hidden] { display: none !important; }
`;
