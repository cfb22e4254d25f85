// timeline: the cadres' rotation timeline as SVG: one bar per cadre from start to actual end
// (or planned end), grouped by target with a heading row per target; the planned remainder is
// drawn lighter, a term cut short shows its planned end as an outline; within a unit's
// sequence in a group, gaps (no one on post) and overlaps (hand-over) are marked; a line joins
// a predecessor to its successor; a vertical line marks today. Each bar is a link to the
// cadre (keyboard focusable) with a tooltip. Drawn from data only: no rules are decided here.
import { s as svg, h } from './ui.js';

const DAY = 86400000;
const ROW = 20, HEAD = 26, TOP = 34, LABEL = 230, PAD = 12;

function dayNum(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY; }
function isoOf(n) { return new Date(n * DAY).toISOString().slice(0, 10); }
function endOf(c) { return c.actual_end || c.planned_end; }

// rows: the cadres to draw; opts: {t, tv, targets (Map adcode → target), groups (Map id →
// group), unitName(code), targetName(adcode), today (ISO), width, demoMark (text),
// onDemo()}. Returns an element (a scrolling box with the SVG and a legend).
export function timeline(rows, opts) {
  const { t, today } = opts;
  const width = Math.max(720, Math.floor(opts.width || 1100));
  if (!rows.length) return h('p', { class: 'empty' }, t('ui.empty'));
  const targetOf = (c) => (opts.groups.get(c.group) || {}).target || '';
  // Lanes: targets in name order; in each, the cadres by unit and start.
  const byTarget = new Map();
  for (const c of rows) {
    const k = targetOf(c);
    if (!byTarget.has(k)) byTarget.set(k, []);
    byTarget.get(k).push(c);
  }
  const lanes = [...byTarget.entries()].sort((a, b) => opts.targetName(a[0]).localeCompare(opts.targetName(b[0]), 'zh-CN'));
  for (const [, list] of lanes) list.sort((a, b) => (a.unit === b.unit ? a.start.localeCompare(b.start) : a.unit.localeCompare(b.unit)));

  // The time axis: whole years around every term and today.
  let lo = dayNum(today), hi = dayNum(today);
  for (const c of rows) {
    lo = Math.min(lo, dayNum(c.start));
    hi = Math.max(hi, dayNum(c.planned_end || c.start), dayNum(c.actual_end || c.start));
  }
  const y0 = new Date(lo * DAY).getUTCFullYear(), y1 = new Date(hi * DAY).getUTCFullYear() + 1;
  const d0 = dayNum(`${y0}-01-01`), d1 = dayNum(`${y1}-01-01`);
  const plotW = width - LABEL - PAD;
  const x = (iso) => LABEL + ((dayNum(iso) - d0) / (d1 - d0)) * plotW;

  const height = TOP + lanes.reduce((n, [, l]) => n + HEAD + l.length * ROW, 0) + PAD;
  const root = svg('svg', { class: 'timeline', width, height, viewBox: `0 0 ${width} ${height}`, role: 'img',
    'aria-label': t('tl.aria', { n: rows.length, lanes: lanes.length }) });
  const grid = svg('g', { class: 'tl-grid' });
  for (let y = y0; y <= y1; y++) {
    const gx = x(`${y}-01-01`);
    grid.append(svg('line', { x1: gx, x2: gx, y1: TOP - 8, y2: height - PAD }),
      y < y1 ? svg('text', { x: gx + 4, y: TOP - 14, class: 'tl-year' }, String(y)) : null);
  }
  root.append(svg('defs', {}, svg('marker', { id: 'tl-arrow', viewBox: '0 0 8 8', refX: 7, refY: 4, markerWidth: 6, markerHeight: 6, orient: 'auto' },
    svg('path', { d: 'M0,0 L8,4 L0,8 z', class: 'tl-arrow' }))), grid);

  const pos = new Map();     // cadre id → {x1, x2, y}
  const body = svg('g', {});
  let y = TOP;
  for (const [adcode, list] of lanes) {
    const g = list[0] && opts.groups.get(list[0].group);
    body.append(svg('rect', { x: 0, y, width, height: HEAD, class: 'tl-lane' }),
      svg('a', { href: g ? '#/groups/' + encodeURIComponent(g.id) : '#/targets/' + encodeURIComponent(adcode) },
        svg('text', { x: 6, y: y + 17, class: 'tl-lane-name' }, opts.targetName(adcode) || t('tl.no_target'),
          svg('tspan', { class: 'tl-muted', dx: 6 }, t('tl.n_cadres', { n: list.length })))));
    y += HEAD;
    for (const c of list) {
      pos.set(c.id, { x1: x(c.start), x2: x(endOf(c)), y: y + ROW / 2 });
      body.append(bar(c, y, x, opts));
      y += ROW;
    }
  }
  root.append(body);
  root.append(marks(lanes, pos, x, opts));
  const tx = x(today);
  root.append(svg('g', { class: 'tl-today' },
    svg('line', { x1: tx, x2: tx, y1: TOP - 8, y2: height - PAD }),
    svg('text', { x: tx + 4, y: TOP - 2 }, t('tl.today', { date: today }))));
  return h('div', { class: 'timeline-wrap' },
    legend(t),
    h('div', { class: 'timeline-scroll', tabindex: '-1' }, root));
}

// A unit's name short enough for the label column: 9 Chinese characters, else its code.
function shortUnit(name, code) {
  return /[\u4e00-\u9fff]/.test(name) ? name.slice(0, 9) : code;
}

function bar(c, y, x, opts) {
  const { t, tv, today } = opts;
  const end = endOf(c);
  const demo = c.verified === 0 || c.verified === '0';
  if (demo && opts.onDemo) opts.onDemo(c);
  const x1 = x(c.start), xe = x(end);
  const cut = c.actual_end && c.planned_end && c.actual_end < c.planned_end;
  const served = c.actual_end ? xe : Math.min(xe, Math.max(x1, x(today)));
  const cls = 'tl-bar rank-' + c.rank;
  const tip = `${c.name} · ${opts.unitName(c.unit)} · ${tv('rank', c.rank)} · ${c.post}\n${c.start} → ${c.actual_end ? c.actual_end + ' (' + t('tl.actual') + ')' : c.planned_end + ' (' + t('tl.planned') + ')'}` +
    (c.predecessor ? `\n${t('tl.predecessor')}: ${c.predecessor}` : '') + (demo ? `\n${opts.demoMark}` : '');
  return svg('a', { href: '#/cadres/' + encodeURIComponent(c.id), class: 'tl-row', 'data-cadre': c.id, 'aria-label': tip.replace(/\n/g, '; ') },
    svg('title', {}, tip),
    svg('text', { x: 14, y: y + 14, class: 'tl-name' }, c.name,
      svg('tspan', { class: 'tl-muted', dx: 5 }, shortUnit(opts.unitName(c.unit), c.unit)),
      demo ? svg('tspan', { class: 'tl-demo', dx: 5 }, opts.demoMark) : null),
    cut ? svg('rect', { x: x1, y: y + 4, width: Math.max(2, x(c.planned_end) - x1), height: ROW - 8, class: 'tl-planned-outline' }) : null,
    svg('rect', { x: x1, y: y + 4, width: Math.max(2, xe - x1), height: ROW - 8, rx: 3, class: cls + ' tl-plan' }),
    served > x1 ? svg('rect', { x: x1, y: y + 4, width: Math.max(2, served - x1), height: ROW - 8, rx: 3, class: cls + (demo ? ' demo' : '') }) : null);
}

// Gaps: periods in which a unit had no cadre on post in a group, between its first cadre's
// start and its last cadre's start (a unit may send two cadres at once, so the gap is in the
// union of their terms). Overlaps: a successor who started before the predecessor left (the
// hand-over). Links: predecessor → successor.
function marks(lanes, pos, x, opts) {
  const { t } = opts;
  const g = svg('g', { class: 'tl-marks' });
  for (const [, list] of lanes) {
    const seq = new Map();
    for (const c of list) {
      const k = c.group + '|' + c.unit;
      if (!seq.has(k)) seq.set(k, []);
      seq.get(k).push(c);
    }
    for (const cs of seq.values()) {
      cs.sort((a, b) => a.start.localeCompare(b.start));
      let covered = dayNum(endOf(cs[0]));
      for (let i = 1; i < cs.length; i++) {
        const cur = cs[i], s0 = dayNum(cur.start);
        if (s0 > covered + 1) {
          const n = s0 - covered - 1, p = pos.get(cur.id);
          g.append(svg('rect', { x: x(isoOf(covered + 1)), y: p.y - 7, width: Math.max(3, x(cur.start) - x(isoOf(covered + 1))), height: 14, class: 'tl-gap', 'data-gap': String(n) },
            svg('title', {}, t('tl.gap', { n, from: isoOf(covered + 1), to: isoOf(s0 - 1) }))));
        }
        covered = Math.max(covered, dayNum(endOf(cur)));
      }
    }
  }
  for (const [, list] of lanes) {
    for (const c of list) {
      if (!c.predecessor || !pos.has(c.predecessor)) continue;
      const a = pos.get(c.predecessor), b = pos.get(c.id);
      const pred = list.find((x) => x.id === c.predecessor);
      const pe = pred ? dayNum(endOf(pred)) : null, s0 = dayNum(c.start);
      if (pe !== null && s0 <= pe) {
        const n = pe - s0 + 1;
        g.append(svg('rect', { x: b.x1, y: b.y - 9, width: Math.max(3, a.x2 - b.x1), height: 3, class: 'tl-overlap', 'data-overlap': String(n) },
          svg('title', {}, t('tl.overlap', { n }))));
      }
      g.append(svg('path', { d: `M${a.x2},${a.y} C${a.x2 + 14},${a.y} ${b.x1 - 14},${b.y} ${b.x1},${b.y}`, class: 'tl-link',
        'marker-end': 'url(#tl-arrow)', 'data-link': `${c.predecessor}>${c.id}` },
      svg('title', {}, t('tl.link', { from: c.predecessor, to: c.id }))));
    }
  }
  return g;
}

function legend(t) {
  const sw = (cls) => svg('svg', { width: 26, height: 12, 'aria-hidden': 'true' }, svg('rect', { x: 1, y: 2, width: 24, height: 8, rx: 2, class: cls }));
  return h('ul', { class: 'tl-legend' },
    h('li', {}, sw('tl-bar rank-division'), t('tl.l_division')),
    h('li', {}, sw('tl-bar rank-section'), t('tl.l_other')),
    h('li', {}, sw('tl-bar rank-section tl-plan'), t('tl.l_planned')),
    h('li', {}, sw('tl-planned-outline'), t('tl.l_cut')),
    h('li', {}, sw('tl-gap'), t('tl.l_gap')),
    h('li', {}, sw('tl-overlap'), t('tl.l_overlap')),
    h('li', {}, svg('svg', { width: 26, height: 12, 'aria-hidden': 'true' }, svg('path', { d: 'M1,10 C13,10 13,2 25,2', class: 'tl-link' })), t('tl.l_link')),
    h('li', {}, svg('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, svg('line', { x1: 6, x2: 6, y1: 0, y2: 12, class: 'tl-today-l' })), t('tl.l_today')));
}
