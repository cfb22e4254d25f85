// overview (总览): coverage, units, groups, cadres on post, rotations due in 180 days, rule
// findings by rule, the counties' shares of land, population and GDP beside the article's
// figures (S10), the groups' work (commitments by status, overdue, resources by kind, needs,
// policies) and a map of the province's counties (GET /api/v1/geo) with the targets coloured
// by a measure. The page is ready (usable) once the cards are drawn: the work's figures, the
// charts and the map (ECharts and the GeoJSON) come after.
// Reports and checks are read by the command office, the task force and auditors; a unit or
// county sees the same page computed from the records it may read.
import { may } from '../can.js';
import { load, onPost } from '../model.js';
import { readsWork, workReport, workFigures, workCards, indicatorChange } from './work.js';

const SEQ = ['#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c', '#08306b'];
const CAT = ['#1d4f91', '#2e8b57', '#c77c02', '#9f1d20', '#6a4c93', '#168aad', '#7f7f7f'];

export async function render(el, ctx) {
  const { h, mount } = ctx.ui;
  const { t } = ctx;
  const reader = may(ctx.user, 'reports') && may(ctx.user, 'check');
  const get = (p) => ctx.api('GET', p);
  // The cards first: the record lists (asked with the session) and one report, the summary. The
  // coverage, rotations, checks and shares are asked once that is in, and fill their cards and
  // panels when they come, after the page is ready (docs/performance.md, "Web UI"): a cold
  // overview waited for the slowest of five reports before it drew anything.
  const [m, summary] = await Promise.all([load(), reader ? get('/reports/summary') : null]);
  if (!ctx.current()) return;
  const rest = reader ? Promise.all([get('/reports/coverage'), get('/reports/rotations?within=180'),
    get('/check'), get('/reports/shares')]) : null;
  performance.mark('bangfu:overview-data');
  const day = ctx.ui.today();
  const facts = figures(ctx, m, { summary }, day);
  facts.reader = reader;
  if (reader) facts.rotations = facts.violations = null;   // from the reports, in a moment

  const mapPanel = h('section', { class: 'panel', 'data-section': 'map' });
  const sharesPanel = reader ? h('section', { class: 'panel', 'data-section': 'shares' }, h('h2', {}, t('ov.shares')), ctx.ui.loading()) : null;
  const work = readsWork(ctx.user, 'commitments');
  const workPanel = work ? h('section', { class: 'panel', 'data-section': 'work' }, h('h2', {}, t('wk.work_title')), ctx.ui.loading()) : null;
  let cardsEl = cards(ctx, facts);
  let rulesEl = reader ? h('section', { class: 'panel', 'data-section': 'rules' }, h('h2', {}, h('a', { href: '#/checks' }, t('ov.rules'))), ctx.ui.loading())
    : scopePanel(ctx, m);
  let rotEl = reader ? h('section', { class: 'panel', 'data-section': 'rotations' }, h('h2', {}, t('ov.rot_title')), ctx.ui.loading())
    : rotationsPanel(ctx, facts.rotations);
  mount(el,
    h('div', { class: 'page-head' }, h('h1', {}, t('ov.title')),
      h('span', { class: 'muted' }, t('ov.round', { round: m.round ? m.round.name : '–', date: facts.asOf }))),
    cardsEl,
    h('div', { class: 'grid two' },
      mapPanel,
      h('div', {}, rulesEl, sharesPanel)),
    workPanel,
    rotEl);
  // the other reports: the cards again with them, the rules, the rotations, the shares
  if (rest) {
    rest.then(([coverage, rotations, check, shares]) => {
      if (!ctx.current() || !cardsEl.isConnected) return;
      const full = figures(ctx, m, { summary, coverage, rotations, check }, day);
      const swap = (old, now) => { old.replaceWith(now); return now; };
      cardsEl = swap(cardsEl, cards(ctx, full));
      rulesEl = swap(rulesEl, rulesPanel(ctx, check));
      rotEl = swap(rotEl, rotationsPanel(ctx, full.rotations));
      rulesEl.setAttribute('data-ready', '1');
      rotEl.setAttribute('data-ready', '1');
      sharesChart(ctx, sharesPanel, shares);
    }).catch((e) => {
      if (!ctx.current()) return;
      for (const x of [rulesEl, rotEl, sharesPanel]) mount(x, ctx.ui.errorBox(e));
    });
  } else {
    rotEl.setAttribute('data-ready', '1');
  }
  // after the page is drawn and ready: the work's report (shared by its panel and the map),
  // the map and the charts (ECharts loads after the page is usable)
  setTimeout(() => {
    if (!ctx.current()) return;
    const report = work ? workReport(ctx) : Promise.resolve(null);
    if (workPanel) workFill(ctx, workPanel, report, m);
    countyMap(ctx, mapPanel, m, day, work ? report : null);
  }, 0);
  for (const g of m.groups) if (m.round && g.round === m.round.name) ctx.demo(g);
}

// The groups' work in figures (all the user reads), with links to the lists.
async function workFill(ctx, panel, report, m) {
  const { h, mount } = ctx.ui;
  try {
    const [f, province] = await Promise.all([workFigures(ctx, null, await report), provinceChange(ctx)]);
    if (!panel.isConnected) return;
    mount(panel, h('h2', {}, h('a', { href: '#/commitments' }, ctx.t('wk.work_title'))), workCards(ctx, f, null),
      h('p', { class: 'muted small' }, ctx.t('wk.work_note')), changeTable(ctx, m, province));
    panel.setAttribute('data-ready', '1');
  } catch (e) {
    mount(panel, h('h2', {}, ctx.t('wk.work_title')), ctx.ui.errorBox(e));
  }
}

// The province's change of each indicator since the baseline (report indicators, for the
// roles that read reports): Map indicator → percent; empty otherwise.
async function provinceChange(ctx) {
  if (!may(ctx.user, 'reports')) return new Map();
  const r = await ctx.api('GET', '/reports/indicators').catch(() => null);
  const out = new Map();
  for (const i of (r && r.items) || []) if (i.province_change_pct !== null && !out.has(i.indicator)) out.set(i.indicator, i.province_change_pct);
  return out;
}

// The targets' indicators since the round's baseline year: per indicator, how many targets
// have both years, the median change and the province's change beside it.
function changeTable(ctx, m, province) {
  const { h, num } = ctx.ui;
  const { t, tv } = ctx;
  const by = new Map();
  for (const x of m.targets) {
    for (const c of indicatorChange(m, x.adcode)) {
      if (c.change_pct === null) continue;
      if (!by.has(c.name)) by.set(c.name, []);
      by.get(c.name).push(c.change_pct);
    }
  }
  const rows = [...by].map(([name, list]) => {
    const s = list.slice().sort((a, b) => a - b);
    const mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    return { name, n: s.length, median: Math.round(mid * 10) / 10, province: province.get(name) ?? null };
  });
  const pc = (v) => (v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + num(v) + '%');
  return h('div', { 'data-section': 'change' }, h('h3', {}, t('wk.ind_change')),
    rows.length ? h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, h('th', {}, t('tg.indicators')), h('th', { class: 'num' }, t('wk.ind_targets')),
        h('th', { class: 'num' }, t('wk.ind_median')), h('th', { class: 'num' }, t('wk.ind_province')))),
      h('tbody', {}, rows.map((r) => h('tr', { 'data-indicator': r.name }, h('td', {}, tv('indicator', r.name)),
        h('td', { class: 'num' }, num(r.n)), h('td', { class: 'num' }, pc(r.median)), h('td', { class: 'num' }, pc(r.province))))))
      : h('p', { class: 'muted small' }, t('wk.ind_none')));
}

// The card figures, from the reports when the role reads them, else from the records.
function figures(ctx, m, r, day) {
  const { daysUntil } = ctx.ui;
  const inRound = m.groups.filter((g) => !m.round || g.round === m.round.name);
  const covered = new Set(inRound.map((g) => g.target));
  const within = (c) => { const d = daysUntil(c.planned_end); return d !== null && d >= 0 && d <= 180; };
  const ownRotations = m.cadres.filter((c) => onPost(c, day) && !c.actual_end && within(c)).map((c) => {
    const g = m.group(c.group); const tg = g && m.target(g.target); const u = m.unit(c.unit);
    return { end: c.planned_end, days_left: daysUntil(c.planned_end), id: c.id, name: c.name, unit: c.unit,
      unit_name: u ? u.name_zh : c.unit, target: g ? g.target : null, target_name: tg ? tg.name_zh : '', rank: c.rank, post: c.post, successor: null };
  }).sort((a, b) => (a.end < b.end ? -1 : 1));
  return {
    asOf: r.summary ? r.summary.as_of : day,
    targets: r.coverage ? r.coverage.targets : m.targets.length,
    covered: r.coverage ? r.coverage.covered : m.targets.filter((x) => covered.has(x.adcode)).length,
    uncovered: r.coverage ? r.coverage.uncovered : m.targets.filter((x) => !covered.has(x.adcode)).map((x) => x.adcode),
    units: r.summary ? r.summary.units : m.units.length,
    assisting: r.summary ? r.summary.units_assisting : new Set(m.members.map((x) => x.unit)).size,
    groups: r.summary ? r.summary.groups : inRound.length,
    onPost: r.summary ? r.summary.cadres_on_post : m.cadres.filter((c) => onPost(c, day)).length,
    rotations: r.rotations ? r.rotations.items : ownRotations,
    violations: r.check ? r.check.violations : null,
  };
}
function card(ctx, { label, value, note, href, cls, key }) {
  const { h } = ctx.ui;
  return h(href ? 'a' : 'div', { class: ['card', cls], href, 'data-card': key },
    h('div', { class: 'label' }, label), h('div', { class: 'value' }, value), note ? h('div', { class: 'note' }, note) : null);
}

function cards(ctx, f) {
  const { h, num } = ctx.ui;
  const { t } = ctx;
  return h('div', { class: 'cards' },
    card(ctx, { key: 'coverage', label: t('ov.coverage'), value: `${f.covered}/${f.targets}`, href: '#/targets',
      note: f.uncovered.length ? t('ov.uncovered', { list: f.uncovered.join('、') }) : t('ov.coverage_note'),
      cls: f.covered === f.targets ? 'ok' : 'bad' }),
    card(ctx, { key: 'units', label: t('ov.units'), value: num(f.units), note: t('ov.units_note', { n: f.assisting }), href: '#/units' }),
    card(ctx, { key: 'groups', label: t('ov.groups'), value: num(f.groups), href: '#/groups' }),
    card(ctx, { key: 'cadres', label: t('ov.cadres'), value: num(f.onPost), href: '#/cadres' }),
    f.rotations === null ? pending(ctx, 'rotations', t('ov.rotations'))
      : card(ctx, { key: 'rotations', label: t('ov.rotations'), value: num(f.rotations.length), note: t('ov.rotations_note'),
        cls: f.rotations.length ? 'bad' : 'ok' }),
    f.violations === null ? (f.reader ? pending(ctx, 'violations', t('ov.violations')) : null)
      : card(ctx, { key: 'violations', label: t('ov.violations'), value: num(f.violations),
        note: t('ov.violations_note'), href: '#/checks', cls: f.violations ? 'bad' : 'ok' }));
}

// A card whose figure is on its way (data-pending until the report comes).
function pending(ctx, key, label) {
  const el = card(ctx, { key, label, value: '…' });
  el.setAttribute('data-pending', '1');
  return el;
}

function rulesPanel(ctx, check) {
  const { h } = ctx.ui;
  const { t } = ctx;
  return h('section', { class: 'panel', 'data-section': 'rules' },
    h('h2', {}, h('a', { href: '#/checks' }, t('ov.rules'))),
    check.violations === 0 ? h('p', { class: 'ok-text' }, t('ov.no_violations')) : null,
    h('ul', { class: 'rules-list' }, check.rules.map((r) => h('li', { 'data-rule': r.tag },
      h('span', {}, ctx.lang === 'en' ? r.title_en : r.title_zh, ' ', h('span', { class: 'tag' }, r.source)),
      h('span', { class: ['n', r.count ? 'bad' : 'ok'] }, r.count)))));
}

function scopePanel(ctx, m) {
  const { h } = ctx.ui;
  const { t } = ctx;
  return h('section', { class: 'panel', 'data-section': 'scope' }, h('h2', {}, t('ov.own_scope')),
    h('ul', { class: 'members' }, m.targets.map((x) => h('li', {}, h('a', { href: '#/targets/' + x.adcode }, x.name_zh), ' ', x.adcode))),
    h('p', { class: 'muted small' }, t('tg.checks_hidden')));
}

// The soonest ten; the rest behind a button (the cadres page has them all).
function rotationsPanel(ctx, items) {
  const { h, table } = ctx.ui;
  const { t, tv } = ctx;
  const FIRST = 10;
  const more = items.length > FIRST ? h('button', { type: 'button', class: 'no-print', 'data-more': items.length - FIRST,
    onclick: () => { tbl.update(items); more.remove(); } }, t('ov.more', { n: items.length - FIRST })) : null;
  const tbl = table({
      sort: 'end',
      columns: [
        { key: 'end', label: t('ov.rot_end'), sort: true },
        { key: 'days_left', label: t('ov.rot_left'), sort: true, align: 'num', render: (r) => t('ui.days', { n: r.days_left }) },
        { key: 'name', label: t('cd.name'), sort: true, render: (r) => h('a', { href: '#/cadres/' + r.id }, r.name) },
        { key: 'unit_name', label: t('cd.unit'), sort: true },
        { key: 'target_name', label: t('un.target'), sort: true, render: (r) => h('a', { href: '#/targets/' + r.target }, r.target_name) },
        { key: 'rank', label: t('cd.rank'), render: (r) => tv('rank', r.rank) },
        { key: 'post', label: t('cd.post') },
        { key: 'successor', label: t('ov.successor'), render: (r) => r.successor || h('span', { class: 'bad-text' }, t('ui.none')) },
      ],
      rows: items.slice(0, FIRST),
    });
  return h('section', { class: 'panel', 'data-section': 'rotations' }, h('h2', {}, t('ov.rot_title')), tbl, more);
}

// ---- the shares (S10) -----------------------------------------------------------------

function sharesChart(ctx, panel, shares) {
  const { h, mount, pct } = ctx.ui;
  const { t } = ctx;
  const label = { land: t('ov.share_land'), population: t('ov.share_population'), gdp: t('ov.share_gdp') };
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': t('ov.shares') });
  const rows = shares.items.map((i) => h('tr', { 'data-measure': i.measure },
    h('th', { scope: 'row' }, label[i.measure] || i.measure),
    h('td', { class: 'num' }, i.share === null ? t('ov.no_data') : pct(i.share)),
    h('td', { class: 'num' }, pct(i.article)),
    h('td', { class: 'small muted' }, t('ov.share_detail', { year: i.year ?? '–', n: i.counties_with_data, total: i.counties, missing: i.counties_missing, approx: i.approximate_values }))));
  mount(panel, h('h2', {}, t('ov.shares')),
    box,
    h('table', { class: 'data' }, h('thead', {}, h('tr', {}, h('th', {}), h('th', { class: 'num' }, t('ov.computed')),
      h('th', { class: 'num' }, t('ov.article')), h('th', {}))), h('tbody', {}, rows)),
    h('p', { class: 'muted small' }, t('ov.shares_note')));
  ctx.ui.chart(box, {
    animation: false,
    grid: { left: 44, right: 12, top: 34, bottom: 28 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? t('ov.no_data') : v + '%') },
    xAxis: { type: 'category', data: shares.items.map((i) => label[i.measure] || i.measure) },
    yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
    series: [
      { name: t('ov.computed'), type: 'bar', data: shares.items.map((i) => i.share), itemStyle: { color: '#1d4f91' },
        label: { show: true, position: 'top', formatter: (p) => (p.value === null || p.value === undefined ? '' : p.value + '%') } },
      { name: t('ov.article'), type: 'bar', data: shares.items.map((i) => i.article), itemStyle: { color: '#c9a227' },
        label: { show: true, position: 'top', formatter: '{c}%' } },
    ],
  }).then(() => box.setAttribute('data-chart-ready', '1')).catch(() => mount(box, t('ui.error')));
}

// ---- the map ----------------------------------------------------------------------------

// Every county-level unit of the province from GET /api/v1/geo (scripts/geo-build), drawn by
// ECharts' map series with the adcode as the region name; the targets are coloured by the
// measure, the rest of the province stays grey. Registered once per page load (the answer
// carries an ETag, so a reload revalidates it).
const MEASURES = ['group_size', 'cadres', 'delivered', 'per_head', 'ind_change', 'class', 'population', 'kind'];
const WORK_MEASURES = new Set(['delivered', 'per_head']);   // from the work report (by target)
const OTHER = '#e7e6e1', NONE = '#a9a9a4';
let geoLoad = null;

function loadGeo(ctx) {
  if (!geoLoad) {
    geoLoad = Promise.all([ctx.ui.loadECharts(), ctx.api('GET', '/geo')]).then(([echarts, geo]) => {
      echarts.registerMap('guangdong', geo);
      return new Map(geo.features.map((f) => [f.properties.adcode, f.properties.name]));
    }).catch((e) => { geoLoad = null; throw e; });
  }
  return geoLoad;
}

function measureOf(ctx, m, x, key, day, rows) {
  const g = m.groupOf(x.adcode);
  const row = rows ? rows.get(x.adcode) : null;
  switch (key) {
    case 'delivered': return rows ? (row ? (row.delivered || 0) + (row.confirmed || 0) : 0) : null;
    case 'per_head': return row && row.yuan_per_head !== null && row.yuan_per_head !== undefined ? Math.round(row.yuan_per_head * 10) / 10 : null;
    case 'ind_change': { const c = indicatorChange(m, x.adcode).find((i) => i.name === 'gdp'); return c ? c.change_pct : null; }
    case 'group_size': return g ? m.membersOf(g.id).length : null;
    case 'cadres': return g ? m.cadresOf(g.id).filter((c) => onPost(c, day)).length : null;
    case 'class': return (x.classes || '').split(';')[0] || null;
    case 'population': { const p = m.latest(x.adcode, 'pop_resident'); return p ? p.value : null; }
    case 'kind': return x.kind;
    default: return null;
  }
}

// Colour scale and legend entries for a measure over the tiles' values.
function scale(ctx, key, values) {
  const { num } = ctx.ui;
  const present = values.filter((v) => v !== null && v !== undefined);
  if (key === 'class' || key === 'kind') {
    const cats = [...new Set(present)].sort();
    const color = (v) => (v === null || v === undefined ? '#a9a9a4' : CAT[cats.indexOf(v) % CAT.length]);
    return { color, legend: cats.map((c) => [color(c), ctx.tv(key === 'class' ? 'class' : 'kind', c)]), dark: () => true };
  }
  const distinct = [...new Set(present)].sort((a, b) => a - b);
  if (distinct.length <= SEQ.length) {
    const color = (v) => (v === null || v === undefined ? '#a9a9a4' : SEQ[Math.round(distinct.indexOf(v) * (SEQ.length - 1) / Math.max(distinct.length - 1, 1))]);
    return { color, legend: distinct.map((d) => [color(d), num(d)]), dark: (v) => distinct.indexOf(v) >= distinct.length / 2 };
  }
  // quantiles into the sequential palette
  const sorted = present.slice().sort((a, b) => a - b);
  const n = SEQ.length;
  const cuts = Array.from({ length: n - 1 }, (_, i) => sorted[Math.floor((i + 1) * sorted.length / n)]);
  const bin = (v) => cuts.filter((c) => v >= c).length;
  const color = (v) => (v === null || v === undefined ? '#a9a9a4' : SEQ[bin(v)]);
  const fmt = (v) => (key === 'population' ? num(Math.round(v / 1e4)) + (ctx.lang === 'en' ? 'k×10' : '万') : key === 'ind_change' ? num(v) + '%' : num(v));
  const legend = SEQ.map((c, i) => [c, i === 0 ? '< ' + fmt(cuts[0]) : '≥ ' + fmt(cuts[i - 1])]);
  return { color, legend, dark: (v) => bin(v) >= n / 2 };
}


const esc = (v) => String(v).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function valueText(ctx, key, v) {
  if (v === null || v === undefined) return ctx.t('ov.legend_none');
  if (key === 'ind_change') return ctx.ui.num(v) + '%';
  if (key === 'per_head') return ctx.t('wk.per_head', { n: ctx.ui.num(v) });
  return typeof v === 'number' ? ctx.ui.num(v) : ctx.tv(key === 'class' ? 'class' : 'kind', v);
}

// report: a promise of the work report (by target), or null when the user reads no work (its
// measures are then not offered).
function countyMap(ctx, panel, m, day, report) {
  const { h, mount } = ctx.ui;
  const { t } = ctx;
  const own = new Set([ctx.user.target].filter(Boolean));
  const byCode = new Map(m.targets.map((x) => [x.adcode, x]));
  const saved = sessionStorage.getItem('bangfu.map.measure');
  const select = h('select', { id: 'map-measure' }, MEASURES
    .filter((k) => (report || !WORK_MEASURES.has(k)) && (k !== 'per_head' || may(ctx.user, 'work_report')))
    .map((k) => h('option', { value: k, selected: k === saved }, t('ov.m.' + k))));
  let rows = null;    // adcode → the work report's row, once asked
  const box = h('div', { class: 'map-canvas', role: 'img', 'aria-label': t('ov.map') });
  const legend = h('div', { class: 'legend', 'aria-live': 'polite' });
  // the same targets as links, for the keyboard and screen readers (the map is a picture)
  const links = h('ul', { class: 'map-links' });
  let chart = null, values = new Map(), names = new Map(), latest = null;

  const option = (key) => {
    const vals = m.targets.map((x) => measureOf(ctx, m, x, key, day, rows));
    const sc = scale(ctx, key, vals);
    values = new Map(m.targets.map((x, i) => [x.adcode, vals[i]]));
    mount(legend, sc.legend.map(([c, l]) => h('span', {}, h('span', { class: 'sw', style: { background: c } }), l)),
      vals.some((v) => v === null) ? h('span', {}, h('span', { class: 'sw', style: { background: NONE } }), t('ov.legend_none')) : null,
      h('span', {}, h('span', { class: 'sw other', style: { background: OTHER } }), t('ov.legend_other')));
    mount(links, m.targets.map((x, i) => h('li', {}, h('a', { href: '#/targets/' + x.adcode, 'data-adcode': x.adcode,
      'data-color': vals[i] === null ? NONE : sc.color(vals[i]) }, x.name_zh), ' ', valueText(ctx, key, vals[i]))));
    return {
      animation: false,
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const x = byCode.get(p.name);
          const name = x ? x.name_zh + (ctx.lang === 'en' && x.name_en ? ' ' + x.name_en : '') : names.get(p.name) || p.name;
          return x ? `${esc(name)}<br>${esc(t('ov.m.' + key))}: ${esc(valueText(ctx, key, values.get(p.name)))}`
            : `${esc(name)} · ${esc(t('ov.legend_other'))}`;
        },
      },
      series: [{
        type: 'map', map: 'guangdong', nameProperty: 'adcode', roam: false, selectedMode: false,
        left: 6, right: 6, top: 6, bottom: 6, aspectScale: 0.92,
        itemStyle: { areaColor: OTHER, borderColor: '#ffffff', borderWidth: 0.6 },
        emphasis: { label: { show: true, formatter: (p) => (byCode.get(p.name) || {}).name_zh || '' }, itemStyle: { areaColor: '#f2c744' } },
        label: { show: false },
        data: m.targets.map((x, i) => ({
          name: x.adcode, value: typeof vals[i] === 'number' ? vals[i] : null,
          itemStyle: { areaColor: vals[i] === null ? NONE : sc.color(vals[i]),
            ...(own.has(x.adcode) ? { borderColor: '#c8102e', borderWidth: 2 } : {}) },
        })),
      }],
    };
  };
  // the work report's rows, asked once when a work measure is first chosen
  // (a server without the work report: delivered counted from the lists, per head not known)
  const needRows = async (key) => {
    if (!WORK_MEASURES.has(key) || rows || !report) return;
    const r = await report;
    if (r) { rows = new Map(r.items.map((x) => [x.key, x])); return; }
    const [d, c] = await Promise.all(['delivered', 'confirmed'].map((st) => ctx.apiAll('/commitments?status=' + st).catch(() => [])));
    rows = new Map(m.targets.map((x) => [x.adcode, { delivered: 0, confirmed: 0, yuan_per_head: null }]));
    for (const x of d) if (rows.has(x.target)) rows.get(x.target).delivered += 1;
    for (const x of c) if (rows.has(x.target)) rows.get(x.target).confirmed += 1;
  };
  const draw = async () => {
    const key = select.value;
    sessionStorage.setItem('bangfu.map.measure', key);
    await needRows(key);
    if (key !== select.value) return;     // chosen again meanwhile
    latest = option(key);
    if (chart) chart.setOption(latest, { replaceMerge: ['series'] });
    box.dataset.measure = key;
  };
  select.addEventListener('change', draw);
  mount(panel,
    h('div', { class: 'page-head' }, h('h2', {}, t('ov.map')),
      h('label', { class: 'small muted', for: 'map-measure' }, t('ov.measure'), ' '), select),
    h('div', { class: 'map-wrap map' }, box), legend,
    h('details', { class: 'map-list' }, h('summary', {}, t('ov.map_list')), links),
    h('p', { class: 'muted small' }, t('ov.map_note')));
  // the legend and the list at once, the map when loaded
  const first = needRows(select.value).then(() => { latest = option(select.value); });
  Promise.all([loadGeo(ctx), first]).then(([n]) => { names = n; return ctx.ui.chart(box, latest); }).then((c) => {
    if (!c) return;
    chart = c;
    chart.on('click', (p) => { if (byCode.has(p.name)) ctx.navigate('#/targets/' + p.name); });
    box.dataset.measure = select.value;
    box.setAttribute('data-chart-ready', '1');
  }).catch(() => mount(box, h('p', { class: 'bad-text' }, t('ui.error'))));
}
