// Shared pieces of the replica pages (X, Facebook, Instagram) used by PostWijs's end-to-end tests.
// These pages are local imitations served to Chromium under the real host names; they are not
// the real sites and never load anything from the network.

export const BANNER_TEXT = 'Lokale nabootsing voor het testen van PostWijs — geen echte site';

export const params = new URLSearchParams(location.search);
export const isHeavyFeed = params.get('feed') === 'heavy';
/** ?lang=nl: the Dutch UI on every replica (each site keeps its strings in one table `L`). */
export const NL = params.get('lang') === 'nl';
if (NL) document.documentElement.lang = 'nl';

/** Renders the fixed banner that marks the page as a local imitation. */
export function mountBanner() {
  const banner = document.createElement('div');
  banner.className = 'replica-banner';
  banner.setAttribute('role', 'note');
  banner.textContent = BANNER_TEXT;
  document.body.prepend(banner);
  document.body.classList.add('has-replica-banner');
}

/**
 * window.__posted: what each box held when it was posted ({ box, text, media }).
 * window.__replica: hooks for tests. Boxes register attach/clear handlers here.
 */
const boxes = [];
let lastFocusedBox = null;
export function installReplicaApi(site) {
  window.__posted = [];
  window.__replica = {
    site,
    /** Names of the buttons pressed that publish nothing (like, share, emoji, reply openers…), in
     * order: so a test can prove a click reached the page while window.__posted stayed empty. */
    pressed: [],
    /** Attaches a generated image to the active composer (or the named box). Returns the box name or null. */
    attachImage(boxName) {
      const box = pickBox(boxName, (b) => b.attachImage);
      if (!box) return null;
      box.attachImage(makeImageDataUrl());
      return box.name;
    },
    /** Empties every editor, removes attachments and empties window.__posted. */
    clear() {
      for (const b of boxes) b.clear?.();
      window.__posted.length = 0;
      window.__replica.pressed.length = 0;
    },
    /** What the named (or active) box's editor state holds now: the text a post would record. */
    read(boxName) {
      const box = pickBox(boxName, (b) => b.read);
      return box ? box.read() : null;
    },
    /** Names of the boxes currently on the page. */
    boxes() {
      return boxes.filter((b) => b.isMounted()).map((b) => b.name);
    },
  };
}

function pickBox(name, has) {
  const live = boxes.filter((b) => b.isMounted() && has(b));
  if (name) return live.find((b) => b.name === name) ?? null;
  // Prefer a composer inside an open modal dialog, then the last focused one, then the first.
  return (
    live.find((b) => b.inDialog?.()) ??
    (lastFocusedBox && live.includes(lastFocusedBox) ? lastFocusedBox : null) ??
    live[0] ??
    null
  );
}

/** box: { name, isMounted(), read?(), attachImage?(url), clear?(), inDialog?() } → unregister */
export function registerBox(box) {
  boxes.push(box);
  return () => {
    const i = boxes.indexOf(box);
    if (i >= 0) boxes.splice(i, 1);
    if (lastFocusedBox === box) lastFocusedBox = null;
  };
}

export function noteFocus(boxName) {
  lastFocusedBox = boxes.find((b) => b.name === boxName && b.isMounted()) ?? lastFocusedBox;
}

/** A button that publishes nothing was pressed (recorded in window.__replica.pressed only). */
export function notePress(name) {
  window.__replica?.pressed.push(name);
}

export function recordPost(box, text, media = 0) {
  window.__posted.push({ box, text, media });
  window.dispatchEvent(new CustomEvent('replica:posted', { detail: { box, text, media } }));
}

let imageCounter = 0;
/** A generated photo-like PNG (a canvas drawing), so tests need no real file. */
export function makeImageDataUrl() {
  imageCounter++;
  const c = document.createElement('canvas');
  c.width = 320;
  c.height = 200;
  const g = c.getContext('2d');
  const sky = g.createLinearGradient(0, 0, 0, 200);
  sky.addColorStop(0, '#8ec5fc');
  sky.addColorStop(1, '#e0f7d4');
  g.fillStyle = sky;
  g.fillRect(0, 0, 320, 200);
  g.fillStyle = '#f9d71c';
  g.beginPath();
  g.arc(260, 50, 26, 0, Math.PI * 2);
  g.fill();
  g.fillStyle = '#5a9e4b';
  g.fillRect(0, 150, 320, 50);
  g.fillStyle = '#c0392b';
  g.fillRect(70 + (imageCounter % 5) * 20, 95, 80, 55);
  g.fillStyle = '#7f3b08';
  g.beginPath();
  g.moveTo(60 + (imageCounter % 5) * 20, 95);
  g.lineTo(110 + (imageCounter % 5) * 20, 60);
  g.lineTo(160 + (imageCounter % 5) * 20, 95);
  g.fill();
  g.fillStyle = 'rgba(0,0,0,.55)';
  g.font = '14px sans-serif';
  g.fillText(`testfoto ${imageCounter}`, 10, 190);
  return c.toDataURL('image/png');
}

/** Reads a chosen file (from an <input type=file>) as a data URL. */
export function fileToDataUrl(file) {
  return new Promise((resolve, reject) => {
    const r = new FileReader();
    r.onload = () => resolve(String(r.result));
    r.onerror = () => reject(r.error);
    r.readAsDataURL(file);
  });
}

const NAMES = ['Sanne de Boer', 'Mohammed El Amrani', 'Lotte Visser', 'Daan Jansen', 'Fleur Bakker', 'Noah Smit', 'Emma Mulder', 'Sem de Graaf'];
const TEXTS = [
  'Wat een mooie dag voor de schoolreis!',
  'Vergeet niet: morgen is de bibliotheek gesloten.',
  'Nieuwe boeken in de klas, de kinderen zijn enthousiast.',
  'Ouderavond verplaatst naar donderdag.',
  'Zo trots op de musical van groep 8.',
  'Tip: lees samen elke avond een kwartiertje.',
  'De moestuin groeit goed dit voorjaar.',
  'Studiedag op vrijdag, de school is dan dicht.',
];

/**
 * A feed of items inside `container`. With ?feed=heavy: 200 items and a timer that every 50 ms
 * mutates a few items (counters, timestamps) and adds a new one (dropping the oldest), so typing
 * latency can be measured under a constantly changing DOM. `renderItem(item)` returns an element.
 * Returns a stop function.
 */
export function mountFeed(container, renderItem, { heavy = isHeavyFeed, count = 4 } = {}) {
  const n = heavy ? 200 : count;
  let seq = 0;
  const make = () => {
    const i = seq++;
    return {
      id: i,
      author: NAMES[i % NAMES.length],
      text: TEXTS[(i * 3) % TEXTS.length],
      likes: (i * 7) % 50,
      minutes: (i % 59) + 1,
    };
  };
  const nodes = [];
  for (let i = 0; i < n; i++) {
    const item = make();
    const el = renderItem(item);
    nodes.push({ item, el });
    container.append(el);
  }
  if (!heavy) return () => {};
  const timer = setInterval(() => {
    for (let k = 0; k < 3; k++) {
      const entry = nodes[Math.floor(Math.random() * nodes.length)];
      if (!entry) continue;
      entry.item.likes++;
      const likes = entry.el.querySelector('[data-replica-likes]');
      if (likes) likes.textContent = String(entry.item.likes);
      const time = entry.el.querySelector('[data-replica-time]');
      if (time) time.textContent = `${entry.item.minutes + Math.floor(entry.item.likes / 10)} min`;
    }
    const item = make();
    const el = renderItem(item);
    container.prepend(el);
    nodes.unshift({ item, el });
    const old = nodes.pop();
    old?.el.remove();
  }, 50);
  return () => clearInterval(timer);
}

/** Small DOM helper: h('div', { class: 'x', 'aria-label': 'y' }, child, 'text'). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null || v === false) continue;
    if (k === 'class') el.className = v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) if (c != null) el.append(c);
  return el;
}

export function initials(name) {
  return name
    .split(/\s+/)
    .filter((p) => /^[A-Z]/.test(p))
    .map((p) => p[0])
    .join('')
    .slice(0, 2);
}

/** Simple stroke icons (no emoji font is needed to render the pages). */
export const ICONS = {
  comment: 'M4 5h16v11H9l-5 4z',
  repost: 'M5 10V7h12 M14 4l3 3-3 3 M19 14v3H7 M10 20l-3-3 3-3',
  heart: 'M12 20s-7-4.5-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.5-7 10-7 10z',
  search: 'M10.5 4a6.5 6.5 0 1 0 0 13a6.5 6.5 0 1 0 0-13z M15.5 15.5 20 20',
  people: 'M9 11a3 3 0 1 0 0-6a3 3 0 1 0 0 6z M3 20c0-3.5 3-5 6-5s6 1.5 6 5 M16 5.2a3 3 0 0 1 0 5.6 M18 15c2 .6 3 2.2 3 5',
  photo: 'M4 5h16v14H4z M4 16l5-5 4 4 3-3 4 4 M15.5 7.5a1.2 1.2 0 1 0 .01 0',
  pin: 'M12 21s-6-6.5-6-11a6 6 0 0 1 12 0c0 4.5-6 11-6 11z M12 8a2 2 0 1 0 .01 0',
  bookmark: 'M6 3h12v18l-6-5-6 5z',
  like: 'M7 11v9H4v-9z M7 11l4-7c1.5 0 2.5 1.2 2 3l-1 3h6a2 2 0 0 1 2 2.3l-1.6 6A2 2 0 0 1 16.4 20H7',
  share: 'M4 13v7h16v-7 M12 3v12 M7.5 7.5 12 3l4.5 4.5',
  smile: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M8 14c1 1.5 2.4 2.2 4 2.2s3-.7 4-2.2 M9 9.5h.01 M15 9.5h.01',
  send: 'M3 20l18-8L3 4l2.5 8z M5.5 12H12',
  calendar: 'M4 6h16v14H4z M4 10h16 M8 3v5 M16 3v5',
  school: 'M3 10l9-6 9 6-9 6z M7 12.5V17c3 2 7 2 10 0v-4.5',
  video: 'M3 7h12v10H3z M15 10l6-3v10l-6-3z',
  globe: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z M3 12h18 M12 3c3 3 3 15 0 18 M12 3c-3 3-3 15 0 18',
  more: 'M5 12h.01 M12 12h.01 M19 12h.01',
  close: 'M6 6l12 12 M18 6 6 18',
  tag: 'M9 11a3 3 0 1 0 0-6a3 3 0 1 0 0 6z M3 20c0-3.5 3-5 6-5s6 1.5 6 5 M18 8v6 M15 11h6',
};

/** An icon as a DOM element (for the vanilla-rendered feeds). */
export function iconEl(name, size = 18) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', String(size));
  svg.setAttribute('height', String(size));
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('class', 'replica-icon');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', ICONS[name]);
  svg.append(path);
  return svg;
}
