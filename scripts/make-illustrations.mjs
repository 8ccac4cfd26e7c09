// Regenerates the illustrations of the example issue (issues/042/images/) and
// the template's logo (templates/pvd/images/logo-pvd.png); not run by
// npm install or tests. The example issue must ship with images of its own
// (no third-party photos), so each one is a flat-design scene drawn in inline
// SVG and screenshotted by a headless Chromium at twice the widest it is
// shown in the email (src/template/layout.ts), so that it stays sharp on
// high-density screens, a card's picture stacked on a phone included:
//
//   node scripts/make-illustrations.mjs
//
// Needs the Debian chromium package at /usr/bin/chromium. The pages load
// nothing from the network and use only system fonts (Arial/DejaVu Sans), and
// the pseudo-random details come from a seeded generator, so the output is
// the same on every run on the same machine.
import { chromium } from 'playwright-core';
import { mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// lint's image-weight rule warns above 300 KB; the illustrations stay well under it.
const MAX_BYTES = 150 * 1024;

// French State design system colours, plus warm accents.
const C = {
  blue: '#000091',
  blueMid: '#3a3ad0',
  blueSoft: '#8f8fe6',
  lightBlue: '#e3e3fd',
  red: '#c9191e',
  ochre: '#d8a55a',
  green: '#3a7d44',
  greenLight: '#7fb069',
  text: '#161616',
  grey: '#666666',
  greyMid: '#929292',
  greyLight: '#dddddd',
  greyPale: '#eeeeee',
  white: '#ffffff',
  sky: '#d6e6f4',
};
const FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif";
const SKINS = ['#f1c9a5', '#e0ac7e', '#b97a4f', '#8a5636', '#f4d3b8'];
const HAIRS = ['#2b1d14', '#5a3a22', '#8a6239', '#c9a15a', '#9a9a9a', '#1a1a1a', '#6b2f1f'];
const CLOTHES = [C.blue, C.red, C.green, C.ochre, '#5c6b7a', '#2f2f3a', '#8a4b6e', '#3b6ea5', '#a3553a', '#6f7f5f'];

/** Small deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.range = (min, max) => min + next() * (max - min);
  return next;
}

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;');
const f = (n) => Math.round(n * 10) / 10;

function text(x, y, s, { size = 16, weight = 'normal', fill = C.text, anchor = 'start', extra = '' } = {}) {
  return `<text x="${f(x)}" y="${f(y)}" font-size="${size}" font-weight="${weight}" fill="${fill}" text-anchor="${anchor}" ${extra}>${esc(s)}</text>`;
}

function page(width, height, body, background = C.white) {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>
html,body{margin:0;padding:0;background:${background};overflow:hidden}
svg{display:block}
text{font-family:${FONT}}
</style></head><body><svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${body}</svg></body></html>`;
}

/** Grey bars standing for lines of body text. */
function textLines(x, y, width, count, { gap = 8, h = 3, fill = '#b8b8b8', seed = 1, lastShort = true } = {}) {
  const r = rng(seed);
  let s = '';
  for (let i = 0; i < count; i++) {
    const w = lastShort && i === count - 1 ? width * r.range(0.35, 0.7) : width * r.range(0.88, 1);
    s += `<rect x="${f(x)}" y="${f(y + i * gap)}" width="${f(w)}" height="${h}" fill="${fill}"/>`;
  }
  return s;
}

/**
 * A standing person, faceless flat style. (x, foot) is the point between the
 * feet, h the height. back: seen from behind. arm: 'down' | 'point' | 'folder'.
 */
function person(x, foot, h, o = {}) {
  const { skin = SKINS[0], hair = HAIRS[0], top = C.blue, bottom = '#2f2f3a', back = false, hairStyle = 'short', arm = 'down', pointDir = 1, bag = null } = o;
  const r = h * 0.072;
  const headY = foot - h + r;
  const shoulderY = headY + r + h * 0.035;
  const hipY = foot - h * 0.46;
  const tw = h * 0.25;
  const legW = h * 0.085;
  const armW = h * 0.062;
  let s = '';
  // long hair behind the shoulders
  if (hairStyle === 'long') {
    s += `<rect x="${f(x - r * 1.05)}" y="${f(headY)}" width="${f(r * 2.1)}" height="${f(r * (back ? 2.6 : 2.2))}" rx="${f(r * 0.6)}" fill="${hair}"/>`;
  }
  // legs
  s += `<rect x="${f(x - legW - h * 0.01)}" y="${f(hipY - 2)}" width="${f(legW)}" height="${f(foot - hipY - h * 0.02)}" fill="${bottom}"/>`;
  s += `<rect x="${f(x + h * 0.01)}" y="${f(hipY - 2)}" width="${f(legW)}" height="${f(foot - hipY - h * 0.02)}" fill="${bottom}"/>`;
  s += `<ellipse cx="${f(x - legW / 2 - h * 0.01)}" cy="${f(foot - h * 0.012)}" rx="${f(legW * 0.65)}" ry="${f(h * 0.018)}" fill="#222"/>`;
  s += `<ellipse cx="${f(x + legW / 2 + h * 0.01)}" cy="${f(foot - h * 0.012)}" rx="${f(legW * 0.65)}" ry="${f(h * 0.018)}" fill="#222"/>`;
  // backpack seen from behind is drawn after the torso, from the front before
  const pack = bag ? `<rect x="${f(x - tw * 0.36)}" y="${f(shoulderY + h * 0.03)}" width="${f(tw * 0.72)}" height="${f(h * 0.2)}" rx="${f(h * 0.03)}" fill="${bag}"/>` : '';
  if (bag && !back) s += pack.replace(/x="[^"]+"/, `x="${f(x - tw * 0.55)}"`);
  // neck
  s += `<rect x="${f(x - r * 0.35)}" y="${f(headY + r * 0.6)}" width="${f(r * 0.7)}" height="${f(r * 0.9)}" fill="${skin}"/>`;
  // arms: hanging along the body, or one raised to point (side -1 left, 1 right)
  const armLen = hipY - shoulderY + h * 0.04;
  const armDown = (side) => {
    const ax = x + side * (tw / 2 + armW * 0.2);
    return `<rect x="${f(ax - armW / 2)}" y="${f(shoulderY + 2)}" width="${f(armW)}" height="${f(armLen)}" rx="${f(armW / 2)}" fill="${top}"/>
<circle cx="${f(ax)}" cy="${f(shoulderY + armLen + 1)}" r="${f(armW * 0.55)}" fill="${skin}"/>`;
  };
  const armUp = (side) => {
    const sx = x + side * (tw / 2 - armW * 0.4);
    const sy = shoulderY + armW * 0.6;
    const ex = sx + side * armLen * 0.62;
    const ey = sy - armLen * 0.78;
    return `<line x1="${f(sx)}" y1="${f(sy)}" x2="${f(ex)}" y2="${f(ey)}" stroke="${top}" stroke-width="${f(armW)}" stroke-linecap="round"/>
<circle cx="${f(ex + side * armW * 0.3)}" cy="${f(ey - armW * 0.35)}" r="${f(armW * 0.55)}" fill="${skin}"/>`;
  };
  const pointing = arm === 'point' ? pointDir : 0;
  for (const side of [-1, 1]) if (side !== pointing) s += armDown(side);
  // torso
  s += `<path d="M${f(x - tw / 2)},${f(hipY)} L${f(x - tw / 2)},${f(shoulderY + tw * 0.25)} Q${f(x - tw / 2)},${f(shoulderY)} ${f(x - tw * 0.2)},${f(shoulderY)} L${f(x + tw * 0.2)},${f(shoulderY)} Q${f(x + tw / 2)},${f(shoulderY)} ${f(x + tw / 2)},${f(shoulderY + tw * 0.25)} L${f(x + tw / 2)},${f(hipY)} Z" fill="${top}"/>`;
  if (pointing) s += armUp(pointing);
  if (bag && back) s += pack;
  if (arm === 'folder') {
    s += `<rect x="${f(x - tw * 0.1)}" y="${f(shoulderY + h * 0.09)}" width="${f(tw * 0.55)}" height="${f(h * 0.14)}" rx="2" fill="${C.blue}" transform="rotate(-8 ${f(x)} ${f(shoulderY)})"/>`;
  }
  // head
  if (back) {
    s += `<circle cx="${f(x)}" cy="${f(headY)}" r="${f(r)}" fill="${hairStyle === 'bald' ? skin : hair}"/>`;
    if (hairStyle === 'bald') s += `<path d="M${f(x - r)},${f(headY)} A${f(r)},${f(r)} 0 0 0 ${f(x + r)},${f(headY)} Z" fill="${hair}"/>`;
    if (hairStyle === 'bun') s += `<circle cx="${f(x)}" cy="${f(headY - r * 0.95)}" r="${f(r * 0.45)}" fill="${hair}"/>`;
  } else {
    if (hairStyle !== 'bald') s += `<circle cx="${f(x)}" cy="${f(headY - r * 0.12)}" r="${f(r * 1.04)}" fill="${hair}"/>`;
    s += `<ellipse cx="${f(x)}" cy="${f(headY + r * 0.12)}" rx="${f(r * 0.86)}" ry="${f(r * 0.92)}" fill="${skin}"/>`;
    if (hairStyle === 'bun') s += `<circle cx="${f(x)}" cy="${f(headY - r * 1.0)}" r="${f(r * 0.45)}" fill="${hair}"/>`;
  }
  return s;
}

/** A random passer-by's look. */
function look(r) {
  const hairStyle = r.pick(['short', 'short', 'long', 'bun', 'bald', 'short', 'long']);
  return {
    skin: r.pick(SKINS),
    hair: hairStyle === 'bald' ? r.pick(['#9a9a9a', '#5a3a22', '#bdbdbd']) : r.pick(HAIRS),
    top: r.pick(CLOTHES),
    bottom: r.pick(['#2f2f3a', '#3b4a66', '#5b4a3a', '#444', '#6b6b7a']),
    hairStyle,
  };
}

/** A small "photo" of a town, drawn flat (used on panels, pages, newspapers). */
function miniTown(x, y, w, h, variant = 0, seed = 1) {
  const r = rng(seed);
  const id = `clip${variant}_${seed}_${Math.round(x)}_${Math.round(y)}`;
  let s = `<clipPath id="${id}"><rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}"/></clipPath><g clip-path="url(#${id})">`;
  const sky = ['#cfe3f3', '#f3dfc4', '#d9e8f0', '#e6eef7'][variant % 4];
  s += `<rect x="${f(x)}" y="${f(y)}" width="${f(w)}" height="${f(h)}" fill="${sky}"/>`;
  const ground = y + h * 0.72;
  const facades = ['#f1e6d2', '#e8d7b5', '#d9b48a', '#e9dcc8', '#f3efe6', '#d7c2a8'];
  if (variant === 0 || variant === 3) {
    // row of houses with a church steeple
    s += `<rect x="${f(x)}" y="${f(ground)}" width="${f(w)}" height="${f(h)}" fill="${variant === 3 ? '#d8cbb3' : '#9a958d'}"/>`;
    const steepleX = x + w * (variant === 0 ? 0.62 : 0.5);
    s += `<rect x="${f(steepleX - w * 0.06)}" y="${f(y + h * 0.28)}" width="${f(w * 0.12)}" height="${f(ground - y - h * 0.28)}" fill="#e5dccb"/>`;
    s += `<polygon points="${f(steepleX - w * 0.07)},${f(y + h * 0.29)} ${f(steepleX)},${f(y + h * 0.04)} ${f(steepleX + w * 0.07)},${f(y + h * 0.29)}" fill="#5b6170"/>`;
    let hx = x - 4;
    while (hx < x + w) {
      const hw = w * r.range(0.16, 0.24);
      const hh = h * r.range(0.28, 0.42);
      if (Math.abs(hx + hw / 2 - steepleX) > w * 0.1 || variant === 0) {
        s += `<rect x="${f(hx)}" y="${f(ground - hh)}" width="${f(hw)}" height="${f(hh)}" fill="${r.pick(facades)}"/>`;
        s += `<polygon points="${f(hx - 1)},${f(ground - hh)} ${f(hx + hw / 2)},${f(ground - hh - h * 0.12)} ${f(hx + hw + 1)},${f(ground - hh)}" fill="${r.pick(['#b5533c', '#a0482f', '#5b6170'])}"/>`;
        for (let i = 0; i < 2; i++) s += `<rect x="${f(hx + hw * (0.2 + i * 0.42))}" y="${f(ground - hh * 0.75)}" width="${f(hw * 0.18)}" height="${f(hh * 0.28)}" fill="#5c6b7a"/>`;
      }
      hx += hw + 1;
    }
    if (variant === 3) {
      // square with trees
      for (const tx of [0.15, 0.85]) {
        s += `<rect x="${f(x + w * tx - 1.5)}" y="${f(ground - h * 0.05)}" width="3" height="${f(h * 0.16)}" fill="#6b4a2b"/>`;
        s += `<circle cx="${f(x + w * tx)}" cy="${f(ground - h * 0.1)}" r="${f(h * 0.14)}" fill="${C.green}"/>`;
      }
      s += `<ellipse cx="${f(x + w * 0.5)}" cy="${f(ground + h * 0.14)}" rx="${f(w * 0.1)}" ry="${f(h * 0.04)}" fill="#9fc3dd" stroke="#bfb5a0" stroke-width="2"/>`;
    }
  } else if (variant === 1) {
    // covered market hall with stalls
    s += `<rect x="${f(x)}" y="${f(ground)}" width="${f(w)}" height="${f(h)}" fill="#cfc6b6"/>`;
    s += `<polygon points="${f(x + w * 0.08)},${f(y + h * 0.42)} ${f(x + w * 0.5)},${f(y + h * 0.14)} ${f(x + w * 0.92)},${f(y + h * 0.42)}" fill="#8a4b3a"/>`;
    for (let i = 0; i < 5; i++) s += `<rect x="${f(x + w * (0.12 + i * 0.185))}" y="${f(y + h * 0.42)}" width="${f(w * 0.025)}" height="${f(ground - y - h * 0.42)}" fill="#7a5a3a"/>`;
    for (let i = 0; i < 3; i++) {
      const sx = x + w * (0.18 + i * 0.25);
      s += `<rect x="${f(sx)}" y="${f(ground - h * 0.12)}" width="${f(w * 0.16)}" height="${f(h * 0.12)}" fill="${[C.ochre, C.red, C.green][i]}"/>`;
    }
    for (let i = 0; i < 4; i++) s += `<circle cx="${f(x + w * (0.15 + i * 0.23))}" cy="${f(ground + h * 0.08)}" r="${f(h * 0.06)}" fill="${r.pick(CLOTHES)}"/>`;
  } else {
    // river, stone bridge and houses
    s += `<rect x="${f(x)}" y="${f(y + h * 0.55)}" width="${f(w)}" height="${f(h)}" fill="#7fb069"/>`;
    for (let i = 0; i < 5; i++) {
      const hw = w * 0.19;
      const hx = x + i * hw * 1.02;
      const hh = h * r.range(0.2, 0.3);
      s += `<rect x="${f(hx)}" y="${f(y + h * 0.55 - hh)}" width="${f(hw)}" height="${f(hh)}" fill="${r.pick(facades)}"/>`;
      s += `<polygon points="${f(hx)},${f(y + h * 0.55 - hh)} ${f(hx + hw / 2)},${f(y + h * 0.55 - hh - h * 0.1)} ${f(hx + hw)},${f(y + h * 0.55 - hh)}" fill="#5b6170"/>`;
    }
    s += `<rect x="${f(x)}" y="${f(y + h * 0.68)}" width="${f(w)}" height="${f(h)}" fill="#5f9fc8"/>`;
    s += `<path d="M${f(x + w * 0.15)},${f(y + h)} L${f(x + w * 0.15)},${f(y + h * 0.62)} L${f(x + w * 0.85)},${f(y + h * 0.62)} L${f(x + w * 0.85)},${f(y + h)} L${f(x + w * 0.68)},${f(y + h)} A${f(w * 0.18)},${f(h * 0.22)} 0 0 0 ${f(x + w * 0.32)},${f(y + h)} Z" fill="#c8bca6"/>`;
  }
  s += '</g>';
  return s;
}

// ---------------------------------------------------------------- scenes --

/**
 * Shown 220 px wide: its strapline is drawn 23 px high on two lines so that it is read
 * at 11.5 px, the size of the email's smallest print.
 */
function logo() {
  const W = 440;
  const H = 150;
  let s = `<rect width="${W}" height="${H}" fill="#fff"/>`;
  // three roofs: blue, white (outlined), red, over a tricolour bar
  s += `<g transform="translate(0 14)">`;
  s += `<polygon points="14,92 14,52 38,28 62,52 62,92" fill="${C.blue}"/>`;
  s += `<polygon points="42,92 42,44 66,20 90,44 90,92" fill="#fff" stroke="${C.blue}" stroke-width="4" stroke-linejoin="round"/>`;
  s += `<polygon points="70,92 70,58 90,38 110,58 110,92" fill="${C.red}"/>`;
  s += `<rect x="58" y="64" width="16" height="28" fill="${C.blue}"/>`;
  s += `<rect x="24" y="62" width="12" height="12" fill="#fff"/><rect x="84" y="66" width="12" height="12" fill="#fff"/>`;
  s += `<rect x="14" y="98" width="32" height="6" fill="${C.blue}"/><rect x="46" y="98" width="32" height="6" fill="#fff" stroke="${C.greyLight}" stroke-width="1"/><rect x="78" y="98" width="32" height="6" fill="${C.red}"/>`;
  s += `</g>`;
  s += text(126, 40, 'Petites villes', { size: 32, weight: 'bold', fill: C.blue });
  s += text(126, 74, 'de demain', { size: 32, weight: 'bold', fill: C.blue });
  s += text(127, 107, 'Agence nationale de la', { size: 23, fill: '#4d4d4d' });
  s += text(127, 134, 'cohésion des territoires', { size: 23, fill: '#4d4d4d' });
  return page(W, H, s);
}

function manosque() {
  const W = 1000;
  const H = 560;
  const r = rng(13);
  let s = '';
  // room: ceiling, side walls, back wall, floor
  s += `<polygon points="0,0 1000,0 1000,40 890,70 110,70 0,40" fill="#d3cdc4"/>`;
  for (let x = 170; x < 900; x += 110) s += `<ellipse cx="${x}" cy="55" rx="16" ry="4" fill="#fff6dc"/>`;
  s += `<polygon points="0,40 110,70 110,300 0,372" fill="#d9d2c7"/>`;
  s += `<polygon points="1000,40 890,70 890,300 1000,372" fill="#d9d2c7"/>`;
  s += `<rect x="110" y="70" width="780" height="230" fill="#ebe6de"/>`;
  s += `<polygon points="0,372 110,300 890,300 1000,372 1000,560 0,560" fill="#5d6078"/>`;
  // side doors with exit signs
  s += `<polygon points="30,130 80,116 80,310 30,340" fill="#b9ae9e"/><rect x="40" y="100" width="28" height="10" fill="${C.green}"/>`;
  s += `<polygon points="970,130 920,116 920,310 970,340" fill="#b9ae9e"/><rect x="932" y="100" width="28" height="10" fill="${C.green}"/>`;
  // wooden wall panel behind the stage
  s += `<rect x="160" y="82" width="680" height="218" fill="#c49a6c"/>`;
  for (let x = 176; x < 840; x += 16) s += `<rect x="${x}" y="82" width="2" height="218" fill="#b3875a"/>`;
  // projection screen
  s += `<rect x="262" y="78" width="476" height="138" fill="#2b2b33"/>`;
  s += `<rect x="268" y="84" width="464" height="126" fill="#ffffff"/>`;
  s += `<rect x="268" y="84" width="464" height="24" fill="${C.blue}"/>`;
  s += text(282, 101, 'Petites villes de demain · Action cœur de ville', { size: 12, weight: 'bold', fill: '#fff' });
  s += `<rect x="690" y="89" width="10" height="14" fill="${C.blue}" stroke="#fff" stroke-width="1"/><rect x="700" y="89" width="10" height="14" fill="#fff"/><rect x="710" y="89" width="10" height="14" fill="${C.red}"/>`;
  s += text(500, 145, 'Rencontres régionales PACA', { size: 27, weight: 'bold', fill: C.blue, anchor: 'middle' });
  s += text(500, 178, '— La qualité d’habiter —', { size: 23, weight: 'bold', fill: C.red, anchor: 'middle' });
  s += text(500, 200, 'Manosque · 12 décembre', { size: 12, fill: C.grey, anchor: 'middle' });
  // stage
  s += `<polygon points="130,300 870,300 888,318 112,318" fill="#7a6f66"/>`;
  s += `<rect x="112" y="318" width="776" height="26" fill="#3f3a36"/>`;
  // plants on the stage corners
  for (const px of [170, 842]) {
    s += `<ellipse cx="${px - 12}" cy="262" rx="9" ry="22" fill="${C.green}" transform="rotate(-25 ${px - 12} 262)"/>`;
    s += `<ellipse cx="${px + 12}" cy="262" rx="9" ry="22" fill="${C.green}" transform="rotate(25 ${px + 12} 262)"/>`;
    s += `<ellipse cx="${px}" cy="252" rx="10" ry="26" fill="#4f9a5a"/>`;
    s += `<polygon points="${px - 16},282 ${px + 16},282 ${px + 12},310 ${px - 12},310" fill="${C.ochre}"/>`;
  }
  // the four speakers, behind the table
  const speakers = [
    { x: 330, top: '#2f2f3a', skin: SKINS[1], hair: HAIRS[0], style: 'short' },
    { x: 440, top: C.red, skin: SKINS[0], hair: HAIRS[3], style: 'long' },
    { x: 560, top: '#3b4a66', skin: SKINS[3], hair: HAIRS[5], style: 'short' },
    { x: 670, top: C.green, skin: SKINS[4], hair: HAIRS[4], style: 'bun' },
  ];
  for (const p of speakers) {
    const hy = 234;
    if (p.style === 'long') s += `<rect x="${p.x - 15}" y="${hy - 4}" width="30" height="36" rx="8" fill="${p.hair}"/>`;
    s += `<path d="M${p.x - 32},290 L${p.x - 32},268 Q${p.x - 32},252 ${p.x - 18},252 L${p.x + 18},252 Q${p.x + 32},252 ${p.x + 32},268 L${p.x + 32},290 Z" fill="${p.top}"/>`;
    s += `<polygon points="${p.x - 7},252 ${p.x + 7},252 ${p.x},266" fill="#f4f4f4"/>`;
    s += `<rect x="${p.x - 5}" y="244" width="10" height="10" fill="${p.skin}"/>`;
    s += `<circle cx="${p.x}" cy="${hy - 2}" r="15" fill="${p.hair}"/>`;
    s += `<ellipse cx="${p.x}" cy="${hy + 2}" rx="12.5" ry="14" fill="${p.skin}"/>`;
    if (p.style === 'bun') s += `<circle cx="${p.x}" cy="${hy - 16}" r="7" fill="${p.hair}"/>`;
  }
  // speakers' table: top, blue skirt, name cards, microphones, water
  s += `<rect x="246" y="276" width="508" height="7" fill="#f2f2f2"/>`;
  s += `<rect x="250" y="283" width="500" height="33" fill="${C.blue}"/>`;
  s += `<rect x="250" y="283" width="500" height="3" fill="${C.red}"/>`;
  s += text(500, 306, 'PETITES VILLES DE DEMAIN', { size: 12, weight: 'bold', fill: '#fff', anchor: 'middle', extra: 'letter-spacing="2"' });
  for (const p of speakers) {
    s += `<ellipse cx="${p.x - 22}" cy="277" rx="7" ry="3.5" fill="${p.skin}"/><ellipse cx="${p.x + 22}" cy="277" rx="7" ry="3.5" fill="${p.skin}"/>`;
    s += `<polygon points="${p.x - 18},276 ${p.x + 18},276 ${p.x + 15},264 ${p.x - 15},264" fill="#fff" stroke="#ccc" stroke-width="1"/>`;
    s += `<line x1="${p.x + 30}" y1="276" x2="${p.x + 16}" y2="246" stroke="#222" stroke-width="2"/><ellipse cx="${p.x + 15}" cy="244" rx="3" ry="4" fill="#222"/>`;
    s += `<rect x="${p.x - 40}" y="258" width="7" height="18" rx="2" fill="#bfe0f2"/><rect x="${p.x - 39}" y="255" width="5" height="4" fill="${C.blue}"/>`;
  }
  // lectern
  s += `<polygon points="772,250 818,250 812,300 778,300" fill="${C.blue}"/><rect x="768" y="244" width="54" height="8" fill="#2b2b6e"/>`;
  s += `<rect x="783" y="266" width="8" height="8" fill="${C.blue}" stroke="#fff" stroke-width="1"/><rect x="791" y="266" width="8" height="8" fill="#fff"/><rect x="799" y="266" width="8" height="8" fill="${C.red}"/>`;
  // audience, seen from behind, row after row towards the viewer
  const rows = [
    { y: 350, r: 9, sp: 38, aisle: 26 },
    { y: 387, r: 12, sp: 48, aisle: 36 },
    { y: 434, r: 15.5, sp: 62, aisle: 48 },
    { y: 496, r: 20.5, sp: 82, aisle: 62 },
  ];
  for (const row of rows) {
    const seats = [];
    for (let x = 500 - row.aisle - row.sp / 2; x > -row.sp; x -= row.sp) seats.push(x);
    for (let x = 500 + row.aisle + row.sp / 2; x < 1000 + row.sp; x += row.sp) seats.push(x);
    seats.sort((a, b) => a - b);
    for (const sx of seats) {
      const x = sx + r.range(-2, 2);
      const rr = row.r;
      const occupied = r() < 0.88;
      const chair = `<rect x="${f(x - rr * 1.35)}" y="${f(row.y + (occupied ? rr * 1.7 : rr * 0.7))}" width="${f(rr * 2.7)}" height="${f(occupied ? rr * 1.9 : rr * 2.9)}" rx="${f(rr * 0.45)}" fill="${C.red}"/>`;
      if (!occupied) {
        s += chair;
        continue;
      }
      const l = look(r);
      const top = l.top === C.red ? '#2f2f3a' : l.top;
      s += `<path d="M${f(x - rr * 1.55)},${f(row.y + rr * 3.6)} L${f(x - rr * 1.55)},${f(row.y + rr * 1.6)} Q${f(x - rr * 1.55)},${f(row.y + rr * 0.85)} ${f(x - rr * 0.8)},${f(row.y + rr * 0.85)} L${f(x + rr * 0.8)},${f(row.y + rr * 0.85)} Q${f(x + rr * 1.55)},${f(row.y + rr * 0.85)} ${f(x + rr * 1.55)},${f(row.y + rr * 1.6)} L${f(x + rr * 1.55)},${f(row.y + rr * 3.6)} Z" fill="${top}"/>`;
      s += `<rect x="${f(x - rr * 0.35)}" y="${f(row.y + rr * 0.5)}" width="${f(rr * 0.7)}" height="${f(rr * 0.5)}" fill="${l.skin}"/>`;
      if (l.hairStyle === 'bald') {
        s += `<circle cx="${f(x)}" cy="${f(row.y)}" r="${f(rr)}" fill="${l.skin}"/>`;
        s += `<path d="M${f(x - rr)},${f(row.y)} A${f(rr)},${f(rr)} 0 0 0 ${f(x + rr)},${f(row.y)} Z" fill="${l.hair}"/>`;
      } else {
        s += `<circle cx="${f(x)}" cy="${f(row.y)}" r="${f(rr)}" fill="${l.hair}"/>`;
        if (l.hairStyle === 'long') s += `<rect x="${f(x - rr)}" y="${f(row.y)}" width="${f(rr * 2)}" height="${f(rr * 1.7)}" rx="${f(rr * 0.5)}" fill="${l.hair}"/>`;
        if (l.hairStyle === 'bun') s += `<circle cx="${f(x)}" cy="${f(row.y - rr)}" r="${f(rr * 0.45)}" fill="${l.hair}"/>`;
      }
      s += chair;
    }
  }
  return page(W, H, s);
}

function barometre() {
  const W = 1000;
  const H = 560;
  let s = `<rect width="${W}" height="${H}" fill="#eef0fb"/>`;
  s += `<circle cx="900" cy="80" r="160" fill="${C.lightBlue}"/><circle cx="60" cy="520" r="120" fill="${C.lightBlue}"/>`;
  // report cover, slightly tilted, with a shadow
  s += `<g transform="rotate(-3 230 280)">`;
  s += `<rect x="92" y="58" width="300" height="450" fill="#c7c9e3"/>`;
  s += `<rect x="80" y="46" width="300" height="450" fill="#fff"/>`;
  s += `<rect x="80" y="46" width="300" height="236" fill="${C.blue}"/>`;
  s += text(104, 96, 'Baromètre', { size: 38, weight: 'bold', fill: '#fff' });
  s += text(104, 140, '2024', { size: 38, weight: 'bold', fill: C.ochre });
  s += `<rect x="104" y="156" width="56" height="5" fill="${C.red}"/>`;
  s += text(104, 192, 'Santé financière', { size: 22, fill: '#fff' });
  s += text(104, 220, 'des Petites villes', { size: 22, fill: '#fff' });
  s += text(104, 248, 'de demain', { size: 22, fill: '#fff' });
  // small town and rising line on the cover
  s += `<polyline points="104,420 160,396 216,404 272,368 356,326" fill="none" stroke="${C.red}" stroke-width="4" stroke-linejoin="round"/>`;
  s += `<circle cx="356" cy="326" r="6" fill="${C.red}"/>`;
  const houses = [
    [100, 420, 44, 40, C.ochre],
    [148, 428, 40, 32, C.green],
    [192, 410, 30, 50, '#8f8fe6'],
    [226, 424, 48, 36, C.ochre],
    [278, 416, 40, 44, C.blue],
    [322, 430, 40, 30, C.green],
  ];
  for (const [x, y, w, h, c] of houses) {
    s += `<rect x="${x}" y="${y}" width="${w}" height="${460 - y}" fill="${c}"/>`;
    s += `<polygon points="${x - 2},${y} ${x + w / 2},${y - w * 0.45} ${x + w + 2},${y}" fill="${c}"/>`;
    s += `<rect x="${x + w / 2 - 5}" y="${y + 12}" width="10" height="10" fill="#fff" opacity="0.85"/>`;
  }
  s += `<rect x="80" y="460" width="300" height="3" fill="${C.greyLight}"/>`;
  s += text(104, 484, 'Agence France Locale · 4e édition', { size: 12, weight: 'bold', fill: C.blue });
  s += `</g>`;
  // bar chart card
  s += `<rect x="470" y="72" width="470" height="420" rx="10" fill="#fff"/>`;
  s += text(500, 112, 'Santé financière des PVD', { size: 20, weight: 'bold', fill: C.text });
  s += text(500, 136, 'Évolution 2020 – 2023', { size: 15, fill: C.grey });
  const base = 430;
  for (let i = 1; i <= 4; i++) s += `<rect x="500" y="${base - i * 62}" width="410" height="1" fill="${C.greyLight}"/>`;
  s += `<rect x="500" y="${base}" width="410" height="2" fill="${C.text}"/>`;
  const bars = [
    ['2020', 110, '#b4b4f0'],
    ['2021', 150, '#7b7be0'],
    ['2022', 196, '#3a3ad0'],
    ['2023', 246, C.blue],
  ];
  bars.forEach(([year, h, c], i) => {
    const x = 528 + i * 98;
    s += `<rect x="${x}" y="${base - h}" width="66" height="${h}" rx="3" fill="${c}"/>`;
    s += text(x + 33, base + 26, year, { size: 18, weight: 'bold', fill: C.text, anchor: 'middle' });
  });
  // rising trend arrow over the bars
  s += `<polyline points="540,300 640,262 738,214 852,150" fill="none" stroke="${C.red}" stroke-width="4" stroke-dasharray="10 7" stroke-linecap="round"/>`;
  s += `<polygon points="866,142 846,140 856,160" fill="${C.red}"/>`;
  return page(W, H, s);
}

/** A terraced house façade of the Toul street. */
function townHouse(x, base, w, h, o, r) {
  const { color, roof, shutter, shop } = o;
  const top = base - h;
  let s = '';
  // roof, chimney, dormer
  const roofC = roof === 'slate' ? '#5b6170' : '#a9533b';
  s += `<rect x="${x + w * 0.7}" y="${top - 62}" width="16" height="40" fill="#9a8e80"/>`;
  s += `<polygon points="${x - 3},${top} ${x + 14},${top - 46} ${x + w - 14},${top - 46} ${x + w + 3},${top}" fill="${roofC}"/>`;
  if (w > 150) {
    const dx = x + w * 0.38;
    s += `<rect x="${dx}" y="${top - 38}" width="30" height="30" fill="${color}"/><polygon points="${dx - 4},${top - 38} ${dx + 15},${top - 54} ${dx + 34},${top - 38}" fill="${roofC}"/><rect x="${dx + 8}" y="${top - 32}" width="14" height="20" fill="#4d5a68"/>`;
  }
  s += `<rect x="${x}" y="${top}" width="${w}" height="${h}" fill="${color}"/>`;
  s += `<rect x="${x}" y="${top}" width="${w}" height="8" fill="#000" opacity="0.12"/>`;
  // upper floors
  const cols = w >= 170 ? 3 : 2;
  const floors = Math.round((h - 100) / 85);
  const floorH = (h - 100) / floors;
  for (let fl = 0; fl < floors; fl++) {
    const wy = top + 22 + fl * floorH;
    s += `<rect x="${x}" y="${top + (fl + 1) * floorH + 8}" width="${w}" height="5" fill="#000" opacity="0.08"/>`;
    for (let c = 0; c < cols; c++) {
      const cx = x + (w / cols) * (c + 0.5);
      s += `<rect x="${cx - 23}" y="${wy}" width="10" height="48" fill="${shutter}"/><rect x="${cx + 13}" y="${wy}" width="10" height="48" fill="${shutter}"/>`;
      s += `<rect x="${cx - 13}" y="${wy}" width="26" height="48" fill="#4d5a68"/><rect x="${cx - 1}" y="${wy}" width="2" height="48" fill="${color}"/><rect x="${cx - 13}" y="${wy + 20}" width="26" height="2" fill="${color}"/>`;
      s += `<rect x="${cx - 16}" y="${wy + 48}" width="32" height="4" fill="#fff" opacity="0.6"/>`;
      if (r() < 0.35) s += `<rect x="${cx - 13}" y="${wy + 40}" width="26" height="8" fill="${C.green}"/><circle cx="${cx - 7}" cy="${wy + 40}" r="3" fill="${C.red}"/><circle cx="${cx + 5}" cy="${wy + 40}" r="3" fill="${C.red}"/>`;
    }
  }
  // ground floor
  if (shop) {
    s += `<rect x="${x + 10}" y="${base - 92}" width="${w - 20}" height="20" fill="${shop}"/>`;
    s += `<rect x="${x + 16}" y="${base - 68}" width="${w * 0.55}" height="62" fill="#9fc3dd"/><rect x="${x + 16}" y="${base - 68}" width="${w * 0.55}" height="62" fill="none" stroke="${shop}" stroke-width="4"/>`;
    s += `<rect x="${x + w * 0.7}" y="${base - 68}" width="${w * 0.2}" height="68" fill="${shop}"/><rect x="${x + w * 0.73}" y="${base - 62}" width="${w * 0.14}" height="30" fill="#9fc3dd"/>`;
  } else {
    s += `<rect x="${x + w * 0.15 - 4}" y="${base - 84}" width="40" height="84" fill="#b8ab96"/><rect x="${x + w * 0.15}" y="${base - 66}" width="32" height="66" fill="#6b4a2b"/><path d="M${x + w * 0.15},${base - 68} a16,14 0 0 1 32,0 Z" fill="#9fc3dd"/><rect x="${x + w * 0.15 + 5}" y="${base - 60}" width="9" height="24" fill="#5a3d22"/><rect x="${x + w * 0.15 + 18}" y="${base - 60}" width="9" height="24" fill="#5a3d22"/>`;
    s += `<rect x="${x + w * 0.55}" y="${base - 70}" width="36" height="44" fill="#4d5a68"/><rect x="${x + w * 0.55 - 3}" y="${base - 26}" width="42" height="4" fill="#fff" opacity="0.6"/>`;
  }
  return s;
}

function toul() {
  const W = 1000;
  const H = 560;
  const r = rng(54);
  let s = `<rect width="${W}" height="${H}" fill="${C.sky}"/>`;
  for (const [cx, cy, k] of [[140, 50, 1], [620, 36, 1.3], [880, 70, 0.9]]) {
    s += `<ellipse cx="${cx}" cy="${cy}" rx="${50 * k}" ry="${14 * k}" fill="#fff"/><ellipse cx="${cx + 24 * k}" cy="${cy - 10 * k}" rx="${30 * k}" ry="${14 * k}" fill="#fff"/>`;
  }
  const base = 412;
  const houses = [
    [-6, 150, 262, { color: '#e8d7b5', roof: 'tile', shutter: '#5c7a99', shop: C.red }],
    [144, 172, 300, { color: '#f1e6d2', roof: 'slate', shutter: C.green }],
    [316, 160, 270, { color: '#d9b48a', roof: 'tile', shutter: '#8a4b3a', shop: C.blue }],
    [476, 180, 306, null],
    [656, 162, 258, { color: '#e9dcc8', roof: 'slate', shutter: '#5c7a99' }],
    [818, 190, 290, { color: '#cdd6c6', roof: 'tile', shutter: C.ochre, shop: C.green }],
  ];
  for (const [x, w, h, o] of houses) {
    if (o) {
      s += townHouse(x, base, w, h, o, r);
      continue;
    }
    // the house under renovation: bare façade, empty windows, scaffolding
    const top = base - h;
    s += `<polygon points="${x - 3},${top} ${x + 14},${top - 46} ${x + w - 14},${top - 46} ${x + w + 3},${top}" fill="#a9533b"/>`;
    s += `<rect x="${x}" y="${top}" width="${w}" height="${h}" fill="#cfc8bc"/>`;
    s += `<rect x="${x + 20}" y="${top + 30}" width="70" height="90" fill="#e3ddd2"/><rect x="${x + 100}" y="${top + 140}" width="60" height="70" fill="#e3ddd2"/>`;
    for (let fl = 0; fl < 2; fl++) {
      for (let c = 0; c < 3; c++) {
        const cx = x + (w / 3) * (c + 0.5);
        const wy = top + 26 + fl * 100;
        s += `<rect x="${cx - 13}" y="${wy}" width="26" height="48" fill="#3a3f47"/>`;
        if ((fl + c) % 2 === 0) s += `<rect x="${cx - 13}" y="${wy + 10}" width="26" height="6" fill="${C.ochre}" transform="rotate(-10 ${cx} ${wy + 13})"/><rect x="${cx - 13}" y="${wy + 28}" width="26" height="6" fill="${C.ochre}" transform="rotate(8 ${cx} ${wy + 31})"/>`;
      }
    }
    s += `<rect x="${x + 30}" y="${base - 80}" width="44" height="80" fill="#3a3f47"/><rect x="${x + 104}" y="${base - 70}" width="50" height="46" fill="#3a3f47"/>`;
    // green safety net over the upper right part
    s += `<rect x="${x + 92}" y="${top - 12}" width="${w - 88}" height="170" fill="${C.green}" opacity="0.45"/>`;
    // scaffolding: standards, ledgers with planks, braces
    const poles = [x + 4, x + 64, x + 124, x + w - 4];
    const levels = [base - 100, base - 190, base - 280, top - 12];
    for (const lv of levels) {
      s += `<rect x="${x - 8}" y="${lv}" width="${w + 16}" height="7" fill="${C.ochre}"/><rect x="${x - 8}" y="${lv - 28}" width="${w + 16}" height="3" fill="#7a7f87"/>`;
    }
    for (let i = 0; i < levels.length - 1; i++) {
      s += `<line x1="${poles[i % 3]}" y1="${levels[i]}" x2="${poles[(i % 3) + 1]}" y2="${levels[i + 1]}" stroke="#7a7f87" stroke-width="3"/>`;
    }
    for (const px of poles) s += `<rect x="${px - 2.5}" y="${top - 44}" width="5" height="${base - top + 44}" fill="#7a7f87"/>`;
    // banner and a worker with a helmet
    s += `<rect x="${x + 10}" y="${base - 168}" width="${w - 20}" height="34" fill="${C.blue}"/>`;
    s += text(x + w / 2, base - 146, 'Rénovation en cours', { size: 14, weight: 'bold', fill: '#fff', anchor: 'middle' });
    s += person(x + 100, base - 280, 62, { top: '#e07b1f', bottom: '#3b4a66', skin: SKINS[2], hair: C.ochre, hairStyle: 'short' });
    s += `<path d="M${x + 94},${base - 333} A6.5,6.5 0 0 1 ${x + 107},${base - 333} Z" fill="#f2c12e"/>`;
  }
  // pavement and cobbled street
  s += `<rect x="0" y="${base}" width="${W}" height="34" fill="#dcd6cc"/>`;
  s += `<rect x="0" y="${base + 34}" width="${W}" height="6" fill="#b5ada1"/>`;
  s += `<defs><pattern id="cobble" width="36" height="20" patternUnits="userSpaceOnUse"><rect width="36" height="20" fill="#b9b1a5"/><rect x="2" y="2" width="15" height="7" rx="3" fill="#c6beb2"/><rect x="20" y="2" width="14" height="7" rx="3" fill="#c3bbaf"/><rect x="-8" y="12" width="15" height="7" rx="3" fill="#c3bbaf"/><rect x="11" y="12" width="15" height="7" rx="3" fill="#c6beb2"/><rect x="29" y="12" width="15" height="7" rx="3" fill="#c6beb2"/></pattern></defs>`;
  s += `<rect x="0" y="${base + 40}" width="${W}" height="${H - base - 40}" fill="url(#cobble)"/>`;
  // street lamp and a tree
  s += `<rect x="948" y="300" width="6" height="${base + 20 - 300}" fill="#2f2f3a"/><path d="M951,300 Q951,284 970,284" fill="none" stroke="#2f2f3a" stroke-width="5"/><polygon points="962,284 980,284 976,298 966,298" fill="#2f2f3a"/><rect x="967" y="290" width="8" height="6" fill="#f6e2a4"/>`;
  // the group on a guided visit: the guide points at the building site
  const people = [];
  people.push({ x: 250, foot: 520, h: 150, o: { top: C.blue, bottom: '#2f2f3a', skin: SKINS[1], hair: HAIRS[1], hairStyle: 'long', arm: 'point', pointDir: 1 } });
  const groupX = [330, 382, 434, 486, 538, 592, 648];
  groupX.forEach((gx, i) => {
    const l = look(r);
    people.push({
      x: gx + r.range(-6, 6),
      foot: 506 + (i % 2) * 30 + r.range(-4, 4),
      h: r.range(134, 156),
      o: { ...l, back: true, bag: i === 2 || i === 5 ? r.pick([C.ochre, '#5c6b7a', C.green]) : null, arm: 'down' },
    });
  });
  people.sort((a, b) => a.foot - b.foot);
  for (const p of people) s += person(p.x, p.foot, p.h, p.o);
  return page(W, H, s);
}

/** An exhibition panel on its stand. */
function expoPanel(x, y, w, h, title, seed) {
  const r = rng(seed);
  let s = '';
  // stand: two legs and feet
  s += `<rect x="${x + 14}" y="${y + h - 4}" width="4" height="52" fill="#6b6b7a"/><rect x="${x + w - 18}" y="${y + h - 4}" width="4" height="52" fill="#6b6b7a"/>`;
  s += `<rect x="${x + 2}" y="${y + h + 46}" width="28" height="5" rx="2" fill="#4a4a55"/><rect x="${x + w - 30}" y="${y + h + 46}" width="28" height="5" rx="2" fill="#4a4a55"/>`;
  s += `<rect x="${x + 3}" y="${y + 3}" width="${w}" height="${h}" fill="#000" opacity="0.12"/>`;
  s += `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#fff"/>`;
  s += `<rect x="${x}" y="${y}" width="${w}" height="22" fill="${C.blue}"/>`;
  s += text(x + 7, y + 15, title, { size: 11, weight: 'bold', fill: '#fff' });
  // map of the town centre
  const mx = x + 7;
  const my = y + 28;
  const mw = w - 14;
  const mh = 56;
  s += `<rect x="${mx}" y="${my}" width="${mw}" height="${mh}" fill="#e6efd8"/>`;
  for (let i = 0; i < 9; i++) {
    s += `<rect x="${f(mx + r.range(2, mw - 20))}" y="${f(my + r.range(2, mh - 14))}" width="${f(r.range(8, 18))}" height="${f(r.range(6, 12))}" fill="${r.pick(['#d9b48a', '#c9c2b4', C.ochre])}"/>`;
  }
  s += `<path d="M${mx},${my + mh * 0.7} Q${mx + mw * 0.4},${my + mh * 0.45} ${mx + mw},${my + mh * 0.8}" stroke="#7fb6dc" stroke-width="5" fill="none"/>`;
  s += `<path d="M${mx + mw * 0.3},${my} L${mx + mw * 0.55},${my + mh}" stroke="#fff" stroke-width="3"/><path d="M${mx},${my + mh * 0.3} L${mx + mw},${my + mh * 0.4}" stroke="#fff" stroke-width="3"/>`;
  s += `<path d="M${mx + mw * 0.28},${my + mh * 0.18} h${mw * 0.4} v${mh * 0.4} h-${mw * 0.4} Z" fill="none" stroke="${C.red}" stroke-width="2" stroke-dasharray="4 2"/>`;
  s += `<rect x="${mx}" y="${my}" width="${mw}" height="${mh}" fill="none" stroke="#bbb" stroke-width="1"/>`;
  // two photos and text
  const pw = (w - 18) / 2;
  s += miniTown(x + 7, y + 90, pw, 40, seed % 4, seed);
  s += miniTown(x + 11 + pw, y + 90, pw, 40, (seed + 1) % 4, seed + 7);
  s += textLines(x + 7, y + 138, w - 14, Math.floor((h - 142) / 7), { gap: 7, h: 2.5, seed });
  return s;
}

function commentry() {
  const W = 480;
  const H = 360;
  let s = `<rect width="${W}" height="${H}" fill="#efebe3"/>`;
  // high windows of the hall and a beam
  for (let x = 20; x < 480; x += 92) s += `<rect x="${x}" y="10" width="70" height="24" fill="#cfe3f3" stroke="#d6cfc2" stroke-width="3"/>`;
  s += `<rect x="0" y="40" width="${W}" height="6" fill="#d9d1c3"/>`;
  // floor (parquet)
  s += `<rect x="0" y="238" width="${W}" height="${H - 238}" fill="#cdb08a"/>`;
  s += `<rect x="0" y="232" width="${W}" height="8" fill="#b89c78"/>`;
  for (let y = 252; y < H; y += 16 + (y - 238) * 0.12) s += `<rect x="0" y="${f(y)}" width="${W}" height="1.5" fill="#b89870"/>`;
  // three panels on stands
  s += expoPanel(24, 58, 124, 170, 'Commentry', 11);
  s += expoPanel(178, 58, 124, 170, 'Montmarault', 12);
  s += expoPanel(332, 58, 124, 170, 'Néris-les-Bains', 13);
  // two visitors, from behind, one pointing at the middle panel
  s += person(304, 350, 150, { back: true, top: C.green, bottom: '#3b4a66', skin: SKINS[0], hair: HAIRS[3], hairStyle: 'long', bag: null });
  s += person(198, 354, 158, { back: true, top: C.ochre, bottom: '#2f2f3a', skin: SKINS[2], hair: HAIRS[0], hairStyle: 'short', arm: 'point', pointDir: 1 });
  return page(W, H, s);
}

function attigny() {
  const W = 480;
  const H = 360;
  let s = `<rect width="${W}" height="${H}" fill="${C.sky}"/>`;
  // façade, cornice, upper floor
  s += `<rect x="0" y="6" width="${W}" height="12" fill="#8a4b3a"/>`;
  s += `<rect x="0" y="18" width="${W}" height="290" fill="#efe3c8"/>`;
  s += `<rect x="0" y="18" width="${W}" height="6" fill="#000" opacity="0.1"/>`;
  for (const wx of [80, 240, 400]) {
    s += `<rect x="${wx - 48}" y="34" width="22" height="72" fill="${C.green}"/><rect x="${wx + 26}" y="34" width="22" height="72" fill="${C.green}"/>`;
    for (let i = 0; i < 5; i++) s += `<rect x="${wx - 46}" y="${38 + i * 14}" width="18" height="3" fill="#2f6237"/><rect x="${wx + 28}" y="${38 + i * 14}" width="18" height="3" fill="#2f6237"/>`;
    s += `<rect x="${wx - 26}" y="34" width="52" height="72" fill="#4d5a68"/><rect x="${wx - 1}" y="34" width="2" height="72" fill="#efe3c8"/><rect x="${wx - 26}" y="62" width="52" height="2" fill="#efe3c8"/>`;
    s += `<rect x="${wx - 30}" y="104" width="60" height="8" fill="#8a4b3a"/>`;
    for (let i = 0; i < 5; i++) s += `<circle cx="${wx - 22 + i * 11}" cy="100" r="5" fill="${i % 2 ? C.red : '#e86a8a'}"/>`;
  }
  // sign board
  s += `<rect x="28" y="122" width="424" height="32" fill="${C.blue}"/>`;
  s += text(240, 145, 'ÉPICERIE · PRIMEUR', { size: 20, weight: 'bold', fill: '#fff', anchor: 'middle', extra: 'letter-spacing="3"' });
  // shop front
  s += `<rect x="24" y="196" width="432" height="112" fill="#2f5d3a"/>`;
  // display window with bread (top shelf) and fruit (crates)
  s += `<rect x="36" y="206" width="250" height="98" fill="#d7e9f2"/>`;
  s += `<rect x="36" y="248" width="250" height="4" fill="#8a6239"/>`;
  // baskets of baguettes and round loaves
  s += `<rect x="46" y="236" width="64" height="12" rx="3" fill="#a86f3c"/>`;
  for (let i = 0; i < 4; i++) s += `<rect x="${50 + i * 14}" y="206" width="10" height="38" rx="5" fill="#d99b52" transform="rotate(${-14 + i * 8} ${55 + i * 14} 240)"/>`;
  for (const [bx, by, rx] of [[136, 238, 20], [178, 240, 17], [222, 237, 21], [258, 240, 15]]) {
    s += `<ellipse cx="${bx}" cy="${by}" rx="${rx}" ry="${rx * 0.55}" fill="#c98a4b"/>`;
    s += `<path d="M${bx - rx * 0.5},${by - 3} l${rx * 0.25},-3 M${bx - 2},${by - 4} l${rx * 0.25},-3 M${bx + rx * 0.35},${by - 3} l${rx * 0.2},-3" stroke="#f0c98d" stroke-width="2"/>`;
  }
  // fruit crates
  const fruit = [['#e8892b', 7], [C.red, 7], ['#8dbb4a', 7], ['#f2d03b', 6]];
  fruit.forEach(([color, rr], i) => {
    const cx = 42 + i * 61;
    for (let k = 0; k < 7; k++) s += `<circle cx="${cx + 8 + (k % 4) * 13 + (k > 3 ? 6 : 0)}" cy="${k > 3 ? 266 : 276}" r="${rr}" fill="${color}"/>`;
    s += `<rect x="${cx}" y="276" width="56" height="24" fill="#b07a45"/><rect x="${cx}" y="284" width="56" height="2" fill="#8a5a2e"/><rect x="${cx}" y="292" width="56" height="2" fill="#8a5a2e"/>`;
  });
  // reflection on the glass
  s += `<polygon points="230,206 262,206 200,304 168,304" fill="#fff" opacity="0.25"/>`;
  // door
  s += `<rect x="300" y="206" width="66" height="102" fill="#2f5d3a"/><rect x="308" y="214" width="50" height="70" fill="#d7e9f2"/>`;
  s += `<rect x="316" y="226" width="34" height="12" fill="#fff"/>` + text(333, 235.5, 'OUVERT', { size: 8, weight: 'bold', fill: C.green, anchor: 'middle' });
  s += `<rect x="350" y="264" width="4" height="14" rx="2" fill="${C.ochre}"/>`;
  // striped awning with scalloped edge
  const at = 156;
  const ab = 192;
  const stripes = 14;
  for (let i = 0; i < stripes; i++) {
    const tx0 = 30 + (420 / stripes) * i;
    const tx1 = 30 + (420 / stripes) * (i + 1);
    const bx0 = 16 + (448 / stripes) * i;
    const bx1 = 16 + (448 / stripes) * (i + 1);
    const c = i % 2 ? '#fff' : C.red;
    s += `<polygon points="${f(tx0)},${at} ${f(tx1)},${at} ${f(bx1)},${ab} ${f(bx0)},${ab}" fill="${c}"/>`;
    s += `<path d="M${f(bx0)},${ab} L${f(bx1)},${ab} L${f(bx1)},${ab + 6} A${f((bx1 - bx0) / 2)},${f((bx1 - bx0) / 2.4)} 0 0 1 ${f(bx0)},${ab + 6} Z" fill="${c}"/>`;
  }
  s += `<rect x="28" y="${at - 3}" width="424" height="4" fill="#7a1014"/>`;
  // pavement
  s += `<rect x="0" y="308" width="${W}" height="${H - 308}" fill="#d3ccc0"/>`;
  for (let x = 0; x < W; x += 60) s += `<rect x="${x}" y="308" width="1.5" height="${H - 308}" fill="#bdb5a8"/>`;
  s += `<rect x="0" y="334" width="${W}" height="1.5" fill="#bdb5a8"/>`;
  // bench in front of the window
  s += `<rect x="60" y="290" width="176" height="7" rx="2" fill="#8a5a2e"/><rect x="60" y="300" width="176" height="7" rx="2" fill="#8a5a2e"/>`;
  s += `<rect x="56" y="316" width="184" height="9" rx="2" fill="#a86f3c"/>`;
  s += `<rect x="72" y="290" width="6" height="56" fill="#2f2f3a"/><rect x="218" y="290" width="6" height="56" fill="#2f2f3a"/>`;
  // bicycle leaning on the wall, right of the door
  const wy = 324;
  s += '<g transform="translate(-10 0)">';
  s += `<circle cx="398" cy="${wy}" r="25" fill="none" stroke="#222" stroke-width="4"/><circle cx="456" cy="${wy}" r="25" fill="none" stroke="#222" stroke-width="4"/>`;
  s += `<circle cx="398" cy="${wy}" r="3" fill="#555"/><circle cx="456" cy="${wy}" r="3" fill="#555"/>`;
  s += `<polyline points="398,${wy} 422,${wy} 412,${wy - 34} 398,${wy}" fill="none" stroke="${C.blue}" stroke-width="4" stroke-linejoin="round"/>`;
  s += `<polyline points="422,${wy} 448,${wy - 32} 412,${wy - 34}" fill="none" stroke="${C.blue}" stroke-width="4" stroke-linejoin="round"/>`;
  s += `<line x1="448" y1="${wy - 32}" x2="456" y2="${wy}" stroke="${C.blue}" stroke-width="4"/>`;
  s += `<line x1="448" y1="${wy - 32}" x2="444" y2="${wy - 44}" stroke="#222" stroke-width="3"/><line x1="436" y1="${wy - 46}" x2="452" y2="${wy - 44}" stroke="#222" stroke-width="4" stroke-linecap="round"/>`;
  s += `<line x1="412" y1="${wy - 34}" x2="409" y2="${wy - 42}" stroke="#222" stroke-width="3"/><rect x="400" y="${wy - 46}" width="18" height="5" rx="2.5" fill="#222"/>`;
  s += `<rect x="443" y="${wy - 38}" width="18" height="10" rx="2" fill="${C.ochre}"/>`;
  s += '</g>';
  // flower pot by the window
  s += `<polygon points="254,318 286,318 282,346 258,346" fill="${C.ochre}"/><circle cx="262" cy="310" r="9" fill="${C.green}"/><circle cx="278" cy="308" r="10" fill="#4f9a5a"/><circle cx="270" cy="300" r="9" fill="${C.green}"/>`;
  return page(W, H, s);
}

function lassay() {
  const W = 480;
  const H = 360;
  let s = `<rect width="${W}" height="${H}" fill="${C.sky}"/>`;
  s += `<ellipse cx="300" cy="48" rx="46" ry="12" fill="#fff"/><ellipse cx="326" cy="40" rx="28" ry="12" fill="#fff"/>`;
  // background trees
  for (let x = -10; x < 500; x += 38) s += `<circle cx="${x}" cy="${246 + (x % 3) * 4}" r="${26 + (x % 5)}" fill="${x % 2 ? '#4f8a55' : '#5f9a62'}"/>`;
  // old stone tower with its conical slate roof
  s += `<defs><pattern id="stone" width="28" height="16" patternUnits="userSpaceOnUse"><rect width="28" height="16" fill="#c8bca6"/><rect x="0.5" y="0.5" width="13" height="7" fill="#cfc4ad" stroke="#ab9f89" stroke-width="1"/><rect x="14.5" y="0.5" width="13" height="7" fill="#c3b69e" stroke="#ab9f89" stroke-width="1"/><rect x="-6.5" y="8.5" width="13" height="7" fill="#c3b69e" stroke="#ab9f89" stroke-width="1"/><rect x="7.5" y="8.5" width="13" height="7" fill="#cfc4ad" stroke="#ab9f89" stroke-width="1"/><rect x="21.5" y="8.5" width="13" height="7" fill="#cfc4ad" stroke="#ab9f89" stroke-width="1"/></pattern></defs>`;
  s += `<rect x="130" y="190" width="56" height="112" fill="url(#stone)"/>`;
  for (let x = 130; x < 186; x += 14) s += `<rect x="${x}" y="180" width="8" height="12" fill="#c3b69e"/>`;
  s += `<rect x="34" y="100" width="110" height="202" fill="url(#stone)"/>`;
  // round tower: shade it like a cylinder
  s += `<defs><linearGradient id="round" x1="0" x2="1"><stop offset="0" stop-color="#000" stop-opacity="0.18"/><stop offset="0.3" stop-color="#fff" stop-opacity="0.12"/><stop offset="0.55" stop-color="#fff" stop-opacity="0"/><stop offset="1" stop-color="#000" stop-opacity="0.3"/></linearGradient></defs>`;
  s += `<rect x="34" y="100" width="110" height="202" fill="url(#round)"/>`;
  s += `<rect x="28" y="88" width="122" height="16" fill="#b9ad98"/><rect x="28" y="88" width="122" height="16" fill="url(#round)"/>`;
  for (let x = 32; x < 148; x += 12) s += `<rect x="${x}" y="104" width="7" height="8" fill="#9d917c"/>`;
  s += `<polygon points="22,90 89,6 156,90" fill="#4d5566"/><polygon points="89,6 156,90 128,90" fill="#000" opacity="0.15"/>`;
  s += `<rect x="87" y="0" width="4" height="10" fill="#3a3f4a"/>`;
  s += `<rect x="84" y="140" width="9" height="30" rx="4" fill="#3a3f47"/><rect x="84" y="212" width="9" height="30" rx="4" fill="#3a3f47"/>`;
  s += `<rect x="60" y="262" width="30" height="40" rx="15" fill="#5b4a3a"/>`;
  // modern culture and youth centre: wooden slats, large glazing
  const bx = 196;
  const bw = 270;
  s += `<rect x="${bx}" y="118" width="${bw}" height="184" fill="#c48a52"/>`;
  for (let x = bx + 4; x < bx + bw; x += 7) s += `<rect x="${x}" y="118" width="2" height="184" fill="#a86f3c"/>`;
  s += `<rect x="${bx - 6}" y="110" width="${bw + 12}" height="10" fill="#3a3f47"/>`;
  const glass = (x, y, w, h, mullion) => {
    let g = `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="#a9cde3"/>`;
    g += `<polygon points="${x + w * 0.15},${y} ${x + w * 0.42},${y} ${x + w * 0.22},${y + h} ${x - w * 0.05 < x ? x : x},${y + h}" fill="#d5e8f4" opacity="0.8"/>`;
    for (let mx = x + mullion; mx < x + w - 4; mx += mullion) g += `<rect x="${mx - 1.5}" y="${y}" width="3" height="${h}" fill="#3a3f47"/>`;
    g += `<rect x="${x}" y="${y}" width="${w}" height="${h}" fill="none" stroke="#3a3f47" stroke-width="4"/>`;
    return g;
  };
  s += glass(bx + 20, 140, 120, 66, 40);
  s += glass(bx + 166, 140, 84, 66, 42);
  s += glass(bx + 12, 226, bw - 24, 76, 41);
  // entrance and canopy with the centre's sign
  s += `<rect x="${bx + 96}" y="244" width="56" height="58" fill="#5c7a99"/><rect x="${bx + 123}" y="244" width="2" height="58" fill="#3a3f47"/>`;
  s += `<rect x="${bx + 70}" y="214" width="130" height="14" fill="${C.blue}"/>`;
  s += text(bx + 135, 225, 'CULTURE · JEUNESSE', { size: 9.5, weight: 'bold', fill: '#fff', anchor: 'middle', extra: 'letter-spacing="1"' });
  // lawn, path, shrubs, a young visitor
  s += `<rect x="0" y="300" width="${W}" height="${H - 300}" fill="${C.greenLight}"/>`;
  s += `<polygon points="${bx + 100},302 ${bx + 148},302 ${bx + 190},360 ${bx + 70},360" fill="#e3d8c3"/>`;
  for (const [x, rr] of [[20, 16], [166, 14], [bx + 40, 12], [bx + 232, 14], [470, 16]]) s += `<circle cx="${x}" cy="${304}" r="${rr}" fill="${C.green}"/>`;
  s += person(bx + 168, 346, 70, { back: true, top: C.red, bottom: '#3b4a66', skin: SKINS[3], hair: HAIRS[5], hairStyle: 'short', bag: C.ochre });
  return page(W, H, s);
}

function mobiliscope() {
  const W = 1000;
  const H = 560;
  const r = rng(7);
  let s = `<rect width="${W}" height="${H}" fill="#fff"/>`;
  s += `<rect x="20" y="20" width="470" height="520" rx="8" fill="#f6f6fb"/><rect x="510" y="20" width="470" height="520" rx="8" fill="#f6f6fb"/>`;
  s += text(42, 56, 'Population présente à 14 h, par secteur', { size: 18, weight: 'bold' });
  // choropleth: a jittered grid of sectors clipped by the town's outline
  const cx = 255;
  const cy = 290;
  const outline = [];
  const n = 14;
  for (let i = 0; i < n; i++) {
    const a = (i / n) * Math.PI * 2;
    const rad = r.range(165, 205);
    outline.push([cx + Math.cos(a) * rad * 1.05, cy + Math.sin(a) * rad * 0.98]);
  }
  let d = '';
  for (let i = 0; i < n; i++) {
    const p0 = outline[i];
    const p1 = outline[(i + 1) % n];
    const mid = [(p0[0] + p1[0]) / 2, (p0[1] + p1[1]) / 2];
    if (i === 0) d += `M${f((outline[n - 1][0] + p0[0]) / 2)},${f((outline[n - 1][1] + p0[1]) / 2)} `;
    d += `Q${f(p0[0])},${f(p0[1])} ${f(mid[0])},${f(mid[1])} `;
  }
  d += 'Z';
  s += `<defs><clipPath id="town"><path d="${d}"/></clipPath></defs>`;
  const cols = 8;
  const rows = 8;
  const gx0 = 40;
  const gy0 = 82;
  const cw = 430 / cols;
  const ch = 420 / rows;
  const pts = [];
  for (let j = 0; j <= rows; j++) {
    pts.push([]);
    for (let i = 0; i <= cols; i++) {
      const edge = i === 0 || j === 0 || i === cols || j === rows;
      pts[j].push([gx0 + i * cw + (edge ? 0 : r.range(-cw * 0.3, cw * 0.3)), gy0 + j * ch + (edge ? 0 : r.range(-ch * 0.3, ch * 0.3))]);
    }
  }
  const classes = ['#ececfb', '#c5c5f4', '#8f8fe6', '#4848c6', C.blue];
  s += `<g clip-path="url(#town)">`;
  for (let j = 0; j < rows; j++) {
    for (let i = 0; i < cols; i++) {
      const q = [pts[j][i], pts[j][i + 1], pts[j + 1][i + 1], pts[j + 1][i]];
      const mx = q.reduce((a, p) => a + p[0], 0) / 4;
      const my = q.reduce((a, p) => a + p[1], 0) / 4;
      const dist = Math.hypot(mx - (cx + 20), my - (cy - 10)) / 200;
      const v = Math.max(0, Math.min(0.999, 1 - dist + r.range(-0.22, 0.22)));
      s += `<polygon points="${q.map((p) => `${f(p[0])},${f(p[1])}`).join(' ')}" fill="${classes[Math.floor(v * 5)]}" stroke="#fff" stroke-width="2"/>`;
    }
  }
  // river crossing the town
  s += `<path d="M40,420 C140,380 200,420 280,360 S400,300 480,320" fill="none" stroke="#5fa8d8" stroke-width="9"/>`;
  s += `</g>`;
  s += `<path d="${d}" fill="none" stroke="${C.text}" stroke-width="2"/>`;
  s += `<polygon points="452,80 460,104 452,98 444,104" fill="${C.text}"/>` + text(452, 120, 'N', { size: 13, weight: 'bold', anchor: 'middle' });
  // legend
  s += text(42, 507, 'faible', { size: 13, fill: C.grey });
  classes.forEach((c, i) => {
    s += `<rect x="${86 + i * 34}" y="494" width="32" height="16" fill="${c}" stroke="#ccc" stroke-width="1"/>`;
  });
  s += text(260, 507, 'forte', { size: 13, fill: C.grey });
  // line chart, hour by hour
  s += text(532, 56, 'Fréquentation du secteur heure par heure', { size: 18, weight: 'bold' });
  const x0 = 574;
  const x1 = 954;
  const y0 = 420;
  const yTop = 96;
  const xAt = (h) => x0 + ((x1 - x0) * h) / 23;
  const yAt = (v) => y0 - (y0 - yTop) * v;
  for (let k = 0; k <= 4; k++) {
    s += `<rect x="${x0}" y="${f(yAt(k / 4))}" width="${x1 - x0}" height="1" fill="${C.greyLight}"/>`;
    s += text(x0 - 8, yAt(k / 4) + 4, String(k * 25), { size: 11, fill: C.grey, anchor: 'end' });
  }
  s += text(x0 - 8, yTop - 12, '%', { size: 11, fill: C.grey, anchor: 'end' });
  s += `<rect x="${x0}" y="${y0}" width="${x1 - x0}" height="2" fill="${C.text}"/>`;
  for (let h = 0; h <= 23; h++) s += `<rect x="${f(xAt(h) - 0.5)}" y="${y0}" width="1" height="${h % 4 === 0 || h === 23 ? 7 : 4}" fill="${C.text}"/>`;
  for (const h of [0, 4, 8, 12, 16, 20, 23]) s += text(xAt(h), y0 + 22, `${h} h`, { size: 12, fill: C.text, anchor: 'middle' });
  const present = [0.3, 0.28, 0.27, 0.27, 0.28, 0.32, 0.42, 0.6, 0.78, 0.86, 0.88, 0.84, 0.76, 0.8, 0.86, 0.88, 0.84, 0.74, 0.62, 0.5, 0.42, 0.37, 0.34, 0.31];
  const residents = [0.86, 0.88, 0.89, 0.89, 0.88, 0.85, 0.78, 0.62, 0.48, 0.42, 0.4, 0.42, 0.48, 0.44, 0.41, 0.42, 0.46, 0.56, 0.66, 0.74, 0.8, 0.83, 0.85, 0.86];
  const line = (vals) => vals.map((v, h) => `${f(xAt(h))},${f(yAt(v))}`).join(' ');
  s += `<polygon points="${f(xAt(0))},${y0} ${line(present)} ${f(xAt(23))},${y0}" fill="${C.blue}" opacity="0.08"/>`;
  s += `<rect x="${f(xAt(14) - 1)}" y="${yTop}" width="2" height="${y0 - yTop}" fill="${C.ochre}"/>`;
  s += `<rect x="${f(xAt(14) - 18)}" y="${yTop - 22}" width="36" height="18" rx="3" fill="${C.ochre}"/>` + text(xAt(14), yTop - 9, '14 h', { size: 11, weight: 'bold', fill: '#fff', anchor: 'middle' });
  s += `<polyline points="${line(present)}" fill="none" stroke="${C.blue}" stroke-width="3.5" stroke-linejoin="round"/>`;
  s += `<polyline points="${line(residents)}" fill="none" stroke="${C.red}" stroke-width="3.5" stroke-linejoin="round"/>`;
  present.forEach((v, h) => (s += `<circle cx="${f(xAt(h))}" cy="${f(yAt(v))}" r="3.5" fill="${C.blue}"/>`));
  residents.forEach((v, h) => (s += `<circle cx="${f(xAt(h))}" cy="${f(yAt(v))}" r="3.5" fill="${C.red}"/>`));
  // legend
  s += `<rect x="560" y="480" width="26" height="4" fill="${C.blue}"/>` + text(594, 487, 'Personnes présentes', { size: 14 });
  s += `<rect x="760" y="480" width="26" height="4" fill="${C.red}"/>` + text(794, 487, 'Résidents du secteur', { size: 14 });
  return page(W, H, s);
}

function livret() {
  const W = 1000;
  const H = 560;
  let s = `<rect width="${W}" height="${H}" fill="#e4e7f0"/>`;
  s += `<circle cx="940" cy="500" r="150" fill="${C.lightBlue}"/><circle cx="70" cy="60" r="110" fill="${C.lightBlue}"/>`;
  // shadow of the open booklet
  s += `<path d="M186,66 Q346,54 506,70 Q666,54 826,66 L830,522 Q668,508 506,524 Q344,508 184,522 Z" fill="#000" opacity="0.16"/>`;
  // left page: title page in Marianne blue
  s += `<path d="M174,56 Q334,44 500,60 L500,510 Q334,496 174,510 Z" fill="${C.blue}"/>`;
  s += `<rect x="200" y="86" width="60" height="6" fill="${C.red}"/>`;
  s += text(200, 132, 'Petites Villes', { size: 34, weight: 'bold', fill: '#fff' });
  s += text(200, 172, 'de Demain', { size: 34, weight: 'bold', fill: '#fff' });
  const sub = ['la Banque des Territoires', 'accompagne votre', 'dynamique de', 'transformation'];
  sub.forEach((line, i) => (s += text(200, 212 + i * 26, line, { size: 20, fill: C.lightBlue })));
  // town silhouette at the bottom of the title page
  const sil = [
    [210, 398, 36, 50, C.ochre],
    [250, 408, 30, 40, '#f1e6d2'],
    [330, 392, 34, 50, C.ochre],
    [370, 402, 40, 42, '#f1e6d2'],
    [420, 390, 34, 46, C.red],
  ];
  for (const [x, y, w, h, c] of sil) {
    s += `<rect x="${x}" y="${y}" width="${w}" height="${h + 30}" fill="${c}"/><polygon points="${x - 2},${y} ${x + w / 2},${y - 18} ${x + w + 2},${y}" fill="${c === C.red ? '#8a1014' : '#a9533b'}"/><rect x="${x + w / 2 - 4}" y="${y + 12}" width="8" height="10" fill="${C.blue}"/>`;
  }
  s += `<rect x="288" y="356" width="26" height="120" fill="#f1e6d2"/><polygon points="284,358 301,314 318,358" fill="#5b6170"/><circle cx="301" cy="376" r="6" fill="${C.blue}"/>`;
  s += `<path d="M174,462 Q260,430 340,444 T500,432 L500,510 Q334,496 174,510 Z" fill="${C.green}"/>`;
  s += text(200, 490, 'Banque des Territoires', { size: 13, weight: 'bold', fill: '#fff' });
  // right page: photos of small towns
  s += `<path d="M500,60 Q666,44 826,56 L826,510 Q666,496 500,510 Z" fill="#fbfbfd"/>`;
  s += text(530, 98, 'Des réalisations inspirantes', { size: 17, weight: 'bold', fill: C.blue });
  s += `<rect x="530" y="108" width="40" height="3" fill="${C.red}"/>`;
  const photos = [
    [530, 124, 0, 21],
    [672, 124, 1, 22],
    [530, 290, 2, 23],
    [672, 290, 3, 24],
  ];
  for (const [x, y, v, seed] of photos) {
    s += miniTown(x, y, 128, 104, v, seed);
    s += textLines(x, y + 114, 128, 3, { gap: 9, h: 4, seed, fill: '#c3c3cf' });
  }
  s += textLines(530, 440, 270, 4, { gap: 11, h: 4, seed: 25, fill: '#d0d0da' });
  s += text(812, 494, '7', { size: 12, fill: C.grey, anchor: 'end' });
  // fold in the middle
  s += `<defs><linearGradient id="fold" x1="0" x2="1"><stop offset="0" stop-color="#000" stop-opacity="0"/><stop offset="0.5" stop-color="#000" stop-opacity="0.28"/><stop offset="1" stop-color="#000" stop-opacity="0"/></linearGradient></defs>`;
  s += `<rect x="486" y="58" width="28" height="454" fill="url(#fold)"/>`;
  // a pencil on the desk
  s += `<g transform="rotate(-28 880 420)"><rect x="800" y="414" width="150" height="12" fill="${C.ochre}"/><rect x="800" y="414" width="14" height="12" fill="#e58f9c"/><rect x="814" y="414" width="6" height="12" fill="#bdbdbd"/><polygon points="950,414 970,420 950,426" fill="#f1d7ae"/><polygon points="963,418 970,420 963,422" fill="#333"/></g>`;
  return page(W, H, s);
}

function tramayes() {
  const W = 1000;
  const H = 560;
  let s = `<rect width="${W}" height="${H}" fill="#b98a5a"/>`;
  for (let y = 0; y < H; y += 80) s += `<rect x="0" y="${y}" width="${W}" height="2" fill="#9e7245"/>`;
  const rg = rng(9);
  for (let i = 0; i < 40; i++) {
    const y = rg.range(0, H);
    const x = rg.range(0, W);
    s += `<path d="M${f(x)},${f(y)} q40,-4 ${f(rg.range(60, 160))},2" stroke="#ac7d4d" stroke-width="2" fill="none"/>`;
  }
  // inner page, underneath
  s += `<g transform="rotate(-7 300 290)">`;
  s += `<rect x="86" y="52" width="420" height="480" fill="#000" opacity="0.18" transform="translate(6 6)"/>`;
  s += `<rect x="86" y="52" width="420" height="480" fill="#f2efe7"/>`;
  s += `<rect x="106" y="72" width="380" height="2" fill="#333"/>`;
  s += text(106, 106, 'Vie locale', { size: 22, weight: 'bold', fill: '#333' });
  for (let c = 0; c < 3; c++) s += textLines(106 + c * 130, 124, 118, 26, { gap: 10, h: 3, seed: 30 + c, fill: '#aaa59a' });
  s += `</g>`;
  // front page
  s += `<g transform="rotate(4 580 290)">`;
  s += `<rect x="356" y="30" width="440" height="500" fill="#000" opacity="0.2" transform="translate(7 7)"/>`;
  s += `<rect x="356" y="30" width="440" height="500" fill="#f8f6f0"/>`;
  s += text(576, 84, 'LE JOURNAL', { size: 44, weight: 'bold', fill: C.text, anchor: 'middle', extra: 'letter-spacing="2"' });
  s += `<rect x="376" y="96" width="400" height="2" fill="${C.text}"/><rect x="376" y="114" width="400" height="1" fill="${C.text}"/>`;
  s += text(378, 109, 'Lundi 16 décembre 2024', { size: 10, fill: '#444' });
  s += text(774, 109, 'Édition Saône-et-Loire', { size: 10, fill: '#444', anchor: 'end' });
  s += text(378, 146, 'Tramayes, petite ville de demain', { size: 25, weight: 'bold', fill: C.text });
  // photo: village square with its church
  const px = 378;
  const py = 160;
  const pw = 396;
  const ph = 210;
  s += `<clipPath id="photo"><rect x="${px}" y="${py}" width="${pw}" height="${ph}"/></clipPath><g clip-path="url(#photo)">`;
  s += `<rect x="${px}" y="${py}" width="${pw}" height="${ph}" fill="#cfe3f3"/>`;
  s += `<path d="M${px},${py + 110} Q${px + 120},${py + 70} ${px + 240},${py + 100} T${px + pw},${py + 90} V${py + ph} H${px} Z" fill="#8fb77a"/>`;
  // church: nave, bell tower with spire and clock
  s += `<rect x="${px + 150}" y="${py + 92}" width="140" height="80" fill="#e7dcc6"/><polygon points="${px + 146},${py + 94} ${px + 220},${py + 56} ${px + 294},${py + 94}" fill="#5b6170"/>`;
  s += `<rect x="${px + 180}" y="${py + 130}" width="16" height="42" rx="8" fill="#6b4a2b"/><rect x="${px + 240}" y="${py + 110}" width="12" height="26" rx="6" fill="#4d5a68"/>`;
  s += `<rect x="${px + 106}" y="${py + 66}" width="46" height="106" fill="#efe5d2"/><polygon points="${px + 102},${py + 68} ${px + 129},${py + 16} ${px + 156},${py + 68}" fill="#5b6170"/>`;
  s += `<circle cx="${px + 129}" cy="${py + 86}" r="10" fill="#fff" stroke="#5b6170" stroke-width="2"/><path d="M${px + 129},${py + 86} v-7 M${px + 129},${py + 86} h5" stroke="#333" stroke-width="1.5"/>`;
  s += `<rect x="${px + 121}" y="${py + 106}" width="16" height="24" rx="8" fill="#4d5a68"/><rect x="${px + 127.5}" y="${py + 5}" width="3" height="12" fill="#333"/><rect x="${px + 124}" y="${py + 8}" width="10" height="2.5" fill="#333"/>`;
  // houses around the square
  const houses = [[px - 4, 96, 60, '#f1e6d2'], [px + 56, 108, 48, '#e8c9a0'], [px + 296, 104, 54, '#efe3c8'], [px + 350, 96, 50, '#d9b48a']];
  for (const [hx, hy, hw, c] of houses) {
    s += `<rect x="${hx}" y="${py + hy}" width="${hw}" height="${172 - hy}" fill="${c}"/><polygon points="${hx - 3},${py + hy} ${hx + hw / 2},${py + hy - 22} ${hx + hw + 3},${py + hy}" fill="#a9533b"/>`;
    s += `<rect x="${hx + 10}" y="${py + hy + 14}" width="12" height="16" fill="#4d5a68"/><rect x="${hx + hw - 22}" y="${py + hy + 14}" width="12" height="16" fill="#4d5a68"/><rect x="${hx + hw / 2 - 7}" y="${py + 150}" width="14" height="22" fill="#6b4a2b"/>`;
  }
  // square: paving, fountain, trees, benches, passers-by
  s += `<rect x="${px}" y="${py + 172}" width="${pw}" height="${ph - 172}" fill="#ddd0b6"/>`;
  s += `<ellipse cx="${px + 200}" cy="${py + 190}" rx="36" ry="8" fill="#8cc0e0" stroke="#b3a68c" stroke-width="3"/><rect x="${px + 196}" y="${py + 168}" width="8" height="22" fill="#b3a68c"/>`;
  for (const tx of [px + 30, px + 360]) s += `<rect x="${tx - 3}" y="${py + 140}" width="6" height="48" fill="#6b4a2b"/><circle cx="${tx}" cy="${py + 128}" r="30" fill="${C.green}"/>`;
  s += person(px + 96, py + 204, 40, { top: C.red, bottom: '#3b4a66', skin: SKINS[1], hair: HAIRS[0] });
  s += person(px + 300, py + 202, 38, { top: C.blue, bottom: '#444', skin: SKINS[3], hair: HAIRS[5], hairStyle: 'long' });
  s += `</g>`;
  s += text(378, 386, 'La place du village et son église.', { size: 10, fill: '#555', extra: 'font-style="italic"' });
  for (let c = 0; c < 3; c++) s += textLines(378 + c * 136, 402, 124, 11, { gap: 10, h: 3, seed: 40 + c, fill: '#aaa59a' });
  s += `</g>`;
  // a cup of coffee on its saucer, seen from above
  s += `<ellipse cx="892" cy="430" rx="72" ry="70" fill="#000" opacity="0.15"/>`;
  s += `<circle cx="886" cy="424" r="68" fill="#f7f7f7"/><circle cx="886" cy="424" r="56" fill="#ececec"/>`;
  s += `<rect x="920" y="440" width="44" height="18" rx="9" fill="#fff" stroke="#ddd" stroke-width="2" transform="rotate(35 920 449)"/>`;
  s += `<circle cx="886" cy="424" r="44" fill="#fff" stroke="#e0e0e0" stroke-width="2"/><circle cx="886" cy="424" r="35" fill="#5a3a22"/><circle cx="886" cy="424" r="35" fill="none" stroke="#8a5a36" stroke-width="5"/><ellipse cx="874" cy="412" rx="10" ry="5" fill="#a0714a" opacity="0.7"/>`;
  s += `<g transform="rotate(45 845 465)"><rect x="816" y="463" width="40" height="4" rx="2" fill="#b5b5b5"/><ellipse cx="864" cy="465" rx="9" ry="6" fill="#b5b5b5"/></g>`;
  return page(W, H, s);
}

// ------------------------------------------------------------- rendering --

// Twice the widest display of each picture's slot (src/template/layout.ts): the logo is
// shown 220 px wide, the feature sections' pictures 508 px, full-width ones and the
// projetothèque cards (stacked on a phone) 552 px. Each scene is drawn on its own
// grid (`draw` size) and scaled to the output size as a vector.
const FEATURE = { width: 1016, height: 569 };
const FULL = { width: 1104, height: 618 };
const CARD = { width: 1104, height: 828 };
const JOBS = [
  { path: 'templates/pvd/images/logo-pvd.png', width: 440, height: 150, draw: logo },
  { path: 'issues/042/images/manosque.jpg', ...FEATURE, draw: manosque },
  { path: 'issues/042/images/barometre-afl.jpg', ...FEATURE, draw: barometre },
  { path: 'issues/042/images/toul.jpg', ...FEATURE, draw: toul },
  { path: 'issues/042/images/commentry.jpg', ...CARD, draw: commentry },
  { path: 'issues/042/images/attigny.jpg', ...CARD, draw: attigny },
  { path: 'issues/042/images/lassay.jpg', ...CARD, draw: lassay },
  { path: 'issues/042/images/mobiliscope.jpg', ...FULL, draw: mobiliscope },
  { path: 'issues/042/images/livret-banque-des-territoires.jpg', ...FULL, draw: livret },
  { path: 'issues/042/images/tramayes.jpg', ...FEATURE, draw: tramayes },
];

const only = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const context = await browser.newContext({ deviceScaleFactor: 1, offline: true });
  // Nothing may come from the network: the pages are self-contained.
  await context.route('**/*', (route) => route.abort());
  const tab = await context.newPage();
  for (const job of JOBS) {
    if (only.length > 0 && !only.some((name) => job.path.includes(name))) continue;
    const out = join(ROOT, job.path);
    mkdirSync(dirname(out), { recursive: true });
    await tab.setViewportSize({ width: job.width, height: job.height });
    // The drawing's viewBox keeps its own grid; the CSS size scales it to the output.
    const scaled = job.draw().replace('</style>', `svg{width:${job.width}px;height:${job.height}px}</style>`);
    await tab.setContent(scaled, { waitUntil: 'load' });
    const clip = { x: 0, y: 0, width: job.width, height: job.height };
    const png = job.path.endsWith('.png');
    let quality = 78;
    for (;;) {
      await tab.screenshot(png ? { path: out, type: 'png', clip } : { path: out, type: 'jpeg', quality, clip });
      const size = statSync(out).size;
      if (size <= MAX_BYTES || png || quality <= 50) {
        if (size > MAX_BYTES) throw new Error(`${job.path}: ${size} bytes, over the ${MAX_BYTES} limit`);
        console.log(`${job.path}  ${job.width}×${job.height}  ${size} bytes${png ? '' : `  q${quality}`}`);
        break;
      }
      quality -= 4;
    }
  }
} finally {
  await browser.close();
}
