/**
 * The script of the preview page, served as /app.js. It receives snapshots by server-sent
 * events and shows them; everything from the issue is set with textContent or srcdoc, never
 * parsed into this page. Kept as plain browser JavaScript so it is served as is.
 */
export const CLIENT_SCRIPT = String.raw`'use strict';
(() => {
  const labels = JSON.parse(document.getElementById('pvd-labels').textContent);
  const byId = (id) => document.getElementById(id);
  const frames = [byId('frame-desktop'), byId('frame-mobile')];
  const select = byId('target');
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  const capitalised = (text) => text.charAt(0).toUpperCase() + text.slice(1);
  const timeOf = (ms) => new Date(ms).toLocaleTimeString(labels.locale, { hour: '2-digit', minute: '2-digit' });
  let lastHtml;
  let state = 'connecting';
  let current;
  let events;
  // The tool asked for in the address (kept across reloads); none: template.yaml's.
  let chosen = new URLSearchParams(location.search).get('target');
  if (!(chosen in labels.tools)) chosen = null;

  // Each frame is as tall as the email inside, so the page scrolls as one and keeps its place across updates.
  const fit = (frame) => {
    const root = frame.contentDocument && frame.contentDocument.documentElement;
    if (!root) return;
    const scroll = window.scrollY;
    frame.style.height = '100px';
    frame.style.height = root.scrollHeight + 'px';
    window.scrollTo(0, scroll);
  };
  for (const frame of frames) frame.addEventListener('load', () => fit(frame));

  const setState = (next) => {
    state = next;
    document.body.dataset.state = next;
    const time = new Date().toLocaleTimeString(labels.locale);
    byId('status').textContent = next === 'offline' ? labels.offline : fill(next === 'ok' ? labels.upToDate : labels.hasErrors, { time });
  };

  const element = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const showDiagnostics = (snapshot) => {
    const list = byId('diagnostics');
    list.replaceChildren();
    let errors = 0;
    for (const diagnostic of snapshot.diagnostics) {
      if (diagnostic.severity === 'error') errors++;
      const item = element('li', 'diagnostic ' + diagnostic.severity);
      item.append(element('span', 'badge', diagnostic.severity === 'error' ? labels.error : labels.warning));
      const where = element('span', 'where', fill(diagnostic.file === snapshot.file ? labels.here : labels.elsewhere, diagnostic));
      where.append(element('span', 'rule', diagnostic.rule));
      item.append(where, element('p', 'message', diagnostic.message));
      if (diagnostic.excerpt) item.append(element('code', 'excerpt', diagnostic.excerpt));
      list.append(item);
    }
    const warnings = snapshot.diagnostics.length - errors;
    const parts = [];
    if (errors) parts.push(fill(errors > 1 ? labels.errorMany : labels.errorOne, { n: errors }));
    if (warnings) parts.push(fill(warnings > 1 ? labels.warningMany : labels.warningOne, { n: warnings }));
    const summary = byId('problems-summary');
    summary.textContent = parts.length ? parts.join(', ') : '✓ ' + labels.noProblem;
    summary.classList.toggle('clean', parts.length === 0);
  };

  const showHandover = (snapshot) => {
    for (const option of select.options) {
      const name = capitalised(labels.tools[option.value].name);
      option.textContent = option.value === snapshot.defaultTarget ? fill(labels.defaultTool, { name }) : name;
    }
    select.value = snapshot.target;
    const tool = labels.tools[snapshot.target];
    if (snapshot.imagesUrl) byId('images-url').textContent = snapshot.imagesUrl;
    if (snapshot.publishCommand) byId('publish-command').textContent = snapshot.publishCommand;
    byId('subject-value').textContent = snapshot.subject || '';
    byId('preheader-value').textContent = snapshot.preheader || '';
    byId('html-field').textContent = tool.htmlField;
    byId('text-field').textContent = tool.textField;
    byId('tool-note').hidden = !tool.note;
    byId('tool-note').textContent = tool.note || '';
    byId('draft').hidden = snapshot.status !== 'draft';
    byId('draft').textContent = labels.draft;
    byId('copy-blocked').hidden = Boolean(snapshot.copy);
    // « copié » would speak of a copy the buttons can no longer make.
    if (!snapshot.copy) say('', false);
    for (const button of document.querySelectorAll('button.copy')) button.disabled = valueOf(button.dataset.copy, snapshot) === undefined;
  };

  // The contact sheet of « npx pvd check », when it wrote one: reloaded whenever it writes it again.
  let lastSheet;
  const showSheet = (snapshot) => {
    const sheet = snapshot.inboxSheet;
    byId('inbox-none').hidden = Boolean(sheet);
    byId('inbox-at').hidden = !sheet;
    byId('frame-inbox').hidden = !sheet;
    if (!sheet) return void (lastSheet = undefined);
    const when = new Date(sheet.at).toLocaleString(labels.locale, { day: 'numeric', month: 'long', hour: '2-digit', minute: '2-digit' });
    byId('inbox-at').textContent = fill(labels.sheetAt, { number: Number(snapshot.number), time: when });
    if (sheet.at !== lastSheet) {
      lastSheet = sheet.at;
      byId('frame-inbox').src = '/inbox/index.html?at=' + sheet.at;
    }
  };

  const show = (snapshot) => {
    current = snapshot;
    const email = snapshot.email;
    // Shown without its copy: the last version without errors, while the issue has some.
    const stale = Boolean(email) && !snapshot.copy;
    byId('subject').textContent = snapshot.subject || '';
    document.title = labels.titlePrefix + ' ' + Number(snapshot.number) + (snapshot.subject ? ' · ' + snapshot.subject : '');
    showDiagnostics(snapshot);
    showHandover(snapshot);
    byId('blocked').hidden = Boolean(email);
    byId('frames').hidden = !email;
    byId('stale').hidden = !stale;
    byId('stale-title').textContent = stale ? fill(labels.stale, { time: timeOf(email.at) }) : '';
    for (const caption of document.querySelectorAll('.device figcaption')) caption.dataset.stale = byId('stale-title').textContent;
    document.body.classList.toggle('stale-email', stale);
    if (email && email.html !== lastHtml) {
      lastHtml = email.html;
      for (const frame of frames) frame.srcdoc = email.html;
    }
    byId('plaintext').textContent = email ? email.text : labels.textBlocked;
    showSheet(snapshot);
    // Errors from the inbox checks leave the copies (build writes them too) but still need fixing.
    setState(snapshot.diagnostics.some((diagnostic) => diagnostic.severity === 'error') ? 'errors' : 'ok');
  };

  const valueOf = (kind, snapshot) => {
    if (kind === 'subject') return snapshot.subject;
    if (kind === 'preheader') return snapshot.preheader;
    return snapshot.copy ? snapshot.copy[kind] : undefined;
  };

  const say = (text, refused) => {
    const status = byId('copy-status');
    status.textContent = text;
    status.classList.toggle('refused', refused);
  };

  for (const button of document.querySelectorAll('button.copy')) {
    button.addEventListener('click', () => {
      const kind = button.dataset.copy;
      const value = current && valueOf(kind, current);
      if (value === undefined) return;
      if (!navigator.clipboard || !window.isSecureContext) return say(labels.copyUnavailable, true);
      const tool = labels.tools[current.target].name;
      const what = fill({ subject: labels.whatSubject, preheader: labels.whatPreheader, html: labels.whatHtml, text: labels.whatText }[kind], { tool });
      // Written at once, in the click: the text is already here, so no browser sees the gesture as expired.
      navigator.clipboard.writeText(value).then(
        () => {
          say(fill(labels.copied, { what }), false);
          button.classList.add('done');
          setTimeout(() => button.classList.remove('done'), 1500);
        },
        (error) => say(fill(labels.copyRefused, { reason: error && error.name ? error.name : String(error) }), true),
      );
    });
  }

  const checkButton = byId('check-online');
  checkButton.addEventListener('click', async () => {
    const summary = byId('online-summary');
    const results = byId('online-results');
    checkButton.disabled = true;
    summary.textContent = labels.checking;
    results.replaceChildren();
    try {
      const response = await fetch('/online', { cache: 'no-store' });
      const body = await response.json();
      if (!response.ok) {
        summary.textContent = body.problem;
        return;
      }
      for (const row of body.rows) {
        const item = element('li', row.online ? 'online' : 'offline');
        item.append(element('code', '', row.url), element('span', 'says', row.says));
        results.append(item);
      }
      const missing = body.rows.filter((row) => !row.online).length;
      summary.textContent = missing ? fill(labels.onlineSome, { missing, n: body.rows.length }) : fill(labels.onlineAll, { n: body.rows.length });
    } catch (error) {
      summary.textContent = fill(labels.onlineFailed, { reason: error && error.message ? error.message : String(error) });
    } finally {
      checkButton.disabled = false;
    }
  });

  for (const tab of document.querySelectorAll('[role="tab"]')) {
    tab.addEventListener('click', () => {
      for (const other of document.querySelectorAll('[role="tab"]')) {
        const selected = other === tab;
        other.setAttribute('aria-selected', String(selected));
        byId(other.getAttribute('aria-controls')).hidden = !selected;
      }
      // A frame measured while hidden has no height: measure again when it shows.
      if (tab.id === 'tab-email') for (const frame of frames) fit(frame);
    });
  }

  // One stream per tool: the server renders that tool's email on first demand, and again on every save.
  const connect = () => {
    if (events) events.close();
    events = new EventSource(chosen ? '/events?target=' + encodeURIComponent(chosen) : '/events');
    events.addEventListener('snapshot', (message) => show(JSON.parse(message.data)));
    // The browser reconnects by itself; say so meanwhile, the next snapshot restores the status.
    events.addEventListener('error', () => { if (state !== 'offline') setState('offline'); });
  };
  select.addEventListener('change', () => {
    chosen = select.value;
    history.replaceState(null, '', '?target=' + encodeURIComponent(chosen));
    connect();
  });
  connect();
})();
`;
