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
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (whole, key) => (key in values ? String(values[key]) : whole));
  let lastHtml;
  let state = 'connecting';

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

  const show = (snapshot) => {
    const rendered = typeof snapshot.html === 'string';
    byId('subject').textContent = snapshot.subject || '';
    document.title = labels.titlePrefix + ' ' + snapshot.number + (snapshot.subject ? ' · ' + snapshot.subject : '');
    showDiagnostics(snapshot);
    byId('blocked').hidden = rendered;
    byId('frames').hidden = !rendered;
    if (rendered && snapshot.html !== lastHtml) {
      lastHtml = snapshot.html;
      for (const frame of frames) frame.srcdoc = snapshot.html;
    }
    byId('plaintext').textContent = rendered ? snapshot.text : labels.textBlocked;
    setState(rendered ? 'ok' : 'errors');
  };

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

  const events = new EventSource('/events');
  events.addEventListener('snapshot', (message) => show(JSON.parse(message.data)));
  // The browser reconnects by itself; say so meanwhile, the next snapshot restores the status.
  events.addEventListener('error', () => { if (state !== 'offline') setState('offline'); });
})();
`;
