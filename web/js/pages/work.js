// work: what the pages of the groups' work share (tasks, needs, commitments, resources,
// policies; the work panels of the overview and the dossier): the labels of statuses, kinds
// and measures (docs/work.md), money as integer yuan, the overdue and 示例 marks, the
// download buttons (CSV and XLSX), a filter bar that asks the API (the lists are filtered and
// paged on the server: at national size they hold 100,000 commitments), and who may act on a
// record, read from the session's capabilities (can.js), never from role names.
import { may, reads, writes } from '../can.js';
import { nameOf } from '../i18n.js';

export const STATUSES = ['planned', 'in_progress', 'delivered', 'confirmed', 'dropped'];
export const KINDS = ['funds', 'investment', 'project', 'enterprise', 'talent', 'training'];
export const MONEY = new Set(['funds', 'investment']);
export const MEASURES = ['亩', '家', '个', '项', '人', '人次', '户', '万元', '公里', '平方米', '吨', '场', '所', '套'];
export const DOMAINS = ['industry', 'urban_rural', 'public_services'];
export const PAGE = 500;               // rows asked per request; "more" asks the next

// The stylesheet of the work pages (web/css/work.css, shared with groups, cadres ...).
export { useCss } from './common.js';

// Whether the user reads a kind of the work at all (the route's gate and the panels').
export function readsWork(user, kind) { return reads(user, kind) !== 'none'; }

// Whether the user may change this record of a kind: every record ('all'), its unit's
// ('unit') or its target's ('target').
export function mayWrite(user, kind, rec) {
  const w = writes(user, kind);
  if (w === 'all') return true;
  if (w === 'unit') return !!rec && rec.unit === user.unit;
  if (w === 'target') return !!rec && rec.target === user.target;
  return false;
}

// A scope of commitments beyond read and write, when the session gives it: 'deliver' (start,
// deliver, drop: the unit's own) and 'confirm' (销号 and send back: the county's own, the
// office's all); else the write scope stands for both.
function commitmentScope(user, what) {
  const r = user && user.can && user.can.records && user.can.records.commitments;
  return (r && r[what]) || writes(user, 'commitments');
}

function inScope(user, scope, c) {
  if (scope === 'all') return true;
  if (scope === 'unit') return c.unit === user.unit;
  if (scope === 'target') return c.target === user.target;
  return false;
}

// Whether the user may confirm (销号) or send back a delivered commitment.
export function mayConfirm(user, c) { return inScope(user, commitmentScope(user, 'confirm'), c); }

// Whether the user acts for the unit of a commitment: start, deliver, drop, change it.
export function mayDeliver(user, c) { return inScope(user, commitmentScope(user, 'deliver'), c); }

// Whether the user creates commitments, and for whose unit ('all' or 'unit').
export function createScope(user) {
  const s = commitmentScope(user, 'deliver');
  return s === 'all' || s === 'unit' ? s : 'none';
}

// ---- marks and formats -----------------------------------------------------------------

// The 示例 mark of an illustrative record (and the page's banner), else null.
export function illus(ctx, rec) {
  return rec && (rec.illustrative === 1 || rec.illustrative === true || rec.illustrative === '1')
    ? ctx.demo({ verified: 0 }) : null;
}

export function statusChip(ctx, c) {
  const { h } = ctx.ui;
  return [h('span', { class: 'st st-' + c.status, 'data-status': c.status }, ctx.tv('wk.status', c.status)),
    c.overdue ? h('span', { class: 'overdue-mark', 'data-overdue': '1', title: ctx.t('wk.overdue_title') }, ctx.t('wk.overdue')) : null];
}

// Integer yuan with thousands separators, in the language's words: 1,234,567 元.
export function yuan(ctx, v) {
  if (v === null || v === undefined || v === '') return '–';
  return ctx.t('wk.yuan', { n: ctx.ui.num(v) });
}

// A resource's amount: yuan for money, a count with its word otherwise.
export function amount(ctx, kind, v) {
  return MONEY.has(kind) ? yuan(ctx, v) : ctx.t('wk.count_' + kind, { n: ctx.ui.num(v) });
}

// What a user typed as an amount: digits with thousands separators → a Number; anything else
// is sent as typed so the API's error names the field (a fraction, a sign, a word).
export function parseAmount(s) {
  const x = String(s ?? '').replace(/[\s,，_]/g, '');
  if (/^\d+$/.test(x) && Number.isSafeInteger(Number(x))) return Number(x);
  return x === '' ? null : x;
}

export function listOf(v) {
  if (Array.isArray(v)) return v;
  return String(v ?? '').split(';').filter(Boolean);
}

export function taskLabel(ctx, tasks, code) {
  const x = tasks && tasks.get(code);
  return x ? `${code} ${ctx.lang === 'en' && x.name_en ? x.name_en : x.name_zh}` : (code || '–');
}

export function targetName(m, adcode) { const x = m.target(adcode); return x ? nameOf(x) : adcode; }
export function unitName(m, code) { const u = m.unit(code); return u ? nameOf(u) : code; }

// ---- data ---------------------------------------------------------------------------------

// The tasks of a round as a Map code → task (the catalogue is small: 12 a round).
export async function loadTasks(ctx, round) {
  const q = round ? '?round=' + encodeURIComponent(round) + '&limit=1000' : '?limit=1000';
  const r = await ctx.api('GET', '/tasks' + q);
  return new Map(r.items.map((x) => [x.code, x]));
}

// The targets of a unit's groups in the round.
export function unitTargets(m, unit) {
  const groups = new Set(m.membershipsOf(unit).map((x) => x.group));
  const set = new Set(m.groups.filter((g) => groups.has(g.id) && (!m.round || g.round === m.round.name)).map((g) => g.target));
  return m.targets.filter((x) => set.has(x.adcode));
}

// The targets the user commits for: its unit's groups' (a unit), else every target it reads.
export function ownTargets(ctx, m) {
  return createScope(ctx.user) === 'unit' && ctx.user.unit ? unitTargets(m, ctx.user.unit) : m.targets;
}

// A query string of the filters that are set.
export function query(params, keys) {
  const q = new URLSearchParams();
  for (const k of keys) if (params[k] !== undefined && params[k] !== null && params[k] !== '') q.set(k, params[k]);
  return q.toString();
}

// ---- the parts of a list page --------------------------------------------------------------

const PAGES = [['commitments', 'nav.commitments'], ['needs', 'nav.needs'], ['resources', 'nav.resources'],
  ['policies', 'nav.policies'], ['tasks', 'nav.tasks']];

// The tabs between the work's pages (one entry of the navigation bar holds them all).
export function subnav(ctx, current) {
  const { h } = ctx.ui;
  return h('nav', { class: 'subnav no-print', 'aria-label': ctx.t('nav.work') }, h('ul', {},
    PAGES.filter(([k]) => readsWork(ctx.user, k)).map(([k, label]) => h('li', {},
      h('a', { href: '#/' + k, 'data-subnav': k, 'aria-current': k === current ? 'page' : null }, ctx.t(label))))));
}

// CSV and XLSX buttons for a list path with its filters.
export function downloads(ctx, path, base) {
  const { h } = ctx.ui;
  const dl = (fmt) => h('button', { type: 'button', 'data-download': fmt,
    onclick: () => ctx.downloadCsv(path, `${base}.${fmt}`, fmt).catch((e) => ctx.ui.toast(e.message, 'bad')) },
    fmt === 'csv' ? ctx.t('ui.csv') : ctx.t('ui.xlsx'));
  return [dl('csv'), dl('xlsx')];
}

// A filter bar whose choices go into the page's address (the list is asked again with them):
// fields [{key, label, options: [{value, label}]} | {key, label, type: 'search'|'check'}].
export function filterBar(ctx, route, params, fields) {
  const { h } = ctx.ui;
  const go = (key, value) => {
    const next = { ...params, [key]: value };
    delete next.id;
    const q = query(next, fields.map((f) => f.key));
    ctx.navigate('#/' + route + (q ? '?' + q : ''));
  };
  return h('div', { class: 'filters work-filters' }, fields.map((f) => {
    if (f.type === 'search') {
      return h('label', {}, f.label, h('input', { type: 'search', 'data-filter': f.key, value: params[f.key] || '',
        onchange: (e) => go(f.key, e.target.value.trim()) }));
    }
    if (f.type === 'check') {
      return h('label', { class: 'check' }, h('input', { type: 'checkbox', 'data-filter': f.key, checked: params[f.key] === '1',
        onchange: (e) => go(f.key, e.target.checked ? '1' : '') }), ' ', f.label);
    }
    return h('label', {}, f.label, h('select', { 'data-filter': f.key, onchange: (e) => go(f.key, e.target.value) },
      h('option', { value: '' }, ctx.t('ui.all')),
      f.options.map((o) => h('option', { value: o.value, selected: String(params[f.key] ?? '') === String(o.value) }, o.label))));
  }));
}

// Asks a list with the filters, PAGE rows at a time; resolves {items, total, more()}.
export async function fetchList(ctx, path, qs) {
  const sep = qs ? '?' + qs + '&' : '?';
  const first = await ctx.api('GET', `${path}${sep}limit=${PAGE}&offset=0`);
  const items = first.items.slice();
  return {
    items, total: first.total,
    async more() {
      const r = await ctx.api('GET', `${path}${sep}limit=${PAGE}&offset=${items.length}`);
      items.push(...r.items);
      return r.items;
    },
  };
}

// The table of a fetched list with its "N of total" line and a button for the next rows.
export function pagedTable(ctx, list, opts) {
  const { h } = ctx.ui;
  const tbl = ctx.ui.table({ ...opts, rows: list.items });
  const note = h('p', { class: 'muted small', 'data-total': list.total });
  const more = h('button', { type: 'button', class: 'no-print', 'data-more': '1' }, ctx.t('wk.more'));
  const sync = () => {
    note.textContent = ctx.t('wk.total', { n: list.items.length, total: list.total });
    more.hidden = list.items.length >= list.total;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try { await list.more(); tbl.update(list.items); } catch (e) { ctx.ui.toast(e.message, 'bad'); }
    more.disabled = false;
    sync();
  });
  sync();
  return h('div', {}, tbl, note, more);
}

export function options(list) { return list.map(([value, label]) => ({ value, label })); }

export function targetOptions(ctx, targets) {
  return targets.map((x) => ({ value: x.adcode, label: `${nameOf(x)} (${x.adcode})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

export function unitOptions(ctx, units) {
  return units.map((u) => ({ value: u.code, label: `${nameOf(u)} (${u.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
}

export function taskOptions(ctx, tasks) {
  return [...tasks.values()].map((x) => ({ value: x.code, label: taskLabel(ctx, tasks, x.code) }));
}

// ---- the work in figures (overview, dossier, map, summary) -----------------------------------

// GET /reports/work?by=target (the rows of what the user reads), or null where the session
// does not offer it (the capability work_report); one request per page, shared by its panels
// and the map.
export function workReport(ctx) {
  if (!may(ctx.user, 'work_report')) return Promise.resolve(null);
  return ctx.api('GET', '/reports/work?by=target').catch(() => null);
}

// The work of one target (adcode) or of all the user reads: {status counts, commitments,
// overdue, per resource kind, yuan} from the work report's row when there is one, else from
// the lists' totals; needs and policies from the lists' totals (one small request each).
export async function workFigures(ctx, target, report) {
  const tq = target ? 'target=' + encodeURIComponent(target) + '&' : '';
  const total = (path, q = '') => ctx.api('GET', `${path}?${tq}${q}limit=1`).then((r) => r.total).catch(() => null);
  const rep = report === undefined ? await workReport(ctx) : report;
  let row = null;
  if (rep) {
    row = target ? rep.items.find((x) => x.key === target) || null : rep.total;
    if (!row) row = Object.fromEntries([...STATUSES, ...KINDS, 'commitments', 'overdue', 'yuan'].map((k) => [k, 0]));
  } else {
    const counts = await Promise.all([...STATUSES.map((s) => total('/commitments', `status=${s}&`)), total('/commitments', 'overdue=1&')]);
    row = Object.fromEntries(STATUSES.map((s, i) => [s, counts[i]]));
    row.overdue = counts[STATUSES.length];
    row.commitments = STATUSES.reduce((a, s) => a + (row[s] || 0), 0);
    if (target) {   // one county's resources are few: summed here
      const items = await ctx.apiAll('/resources?target=' + encodeURIComponent(target)).catch(() => null);
      if (items) {
        for (const k of KINDS) row[k] = 0;
        for (const r of items) row[r.kind] += Number(r.amount);
        row.yuan = row.funds + row.investment;
      }
    }
  }
  const [needs, policies] = await Promise.all([total('/needs'), total('/policies')]);
  return { ...row, needs, policies };
}

// The figures as cards: commitments by status, overdue, resources by kind, needs, policies.
// Each card carries data-card="wk-KEY" and its value data-value (the browser test reads them).
export function workCards(ctx, f, target) {
  const { h, num } = ctx.ui;
  const { t, tv } = ctx;
  const link = (q) => '#/commitments' + (target || q ? '?' + [target ? 'target=' + target : '', q].filter(Boolean).join('&') : '');
  const card = (key, label, value, shown, href, cls) => h(href ? 'a' : 'div', { class: ['card', cls], href, 'data-card': 'wk-' + key, 'data-value': value ?? '' },
    h('div', { class: 'label' }, label), h('div', { class: 'value' }, shown ?? num(value)));
  return h('div', { class: 'cards work-cards' },
    card('commitments', t('wk.c_total'), f.commitments, null, link('')),
    STATUSES.map((s) => card(s, tv('wk.status', s), f[s], null, link('status=' + s), s === 'confirmed' && f[s] ? 'ok' : null)),
    card('overdue', t('wk.overdue'), f.overdue, null, link('overdue=1'), f.overdue ? 'bad' : 'ok'),
    f.funds === undefined ? null : KINDS.map((k) => card(k, tv('wk.kind', k), f[k], amount(ctx, k, f[k] || 0),
      '#/resources?' + [target ? 'target=' + target : '', 'kind=' + k].filter(Boolean).join('&'))),
    f.needs === null ? null : card('needs', t('wk.needs_title'), f.needs, null, '#/needs' + (target ? '?target=' + target : '')),
    f.policies === null ? null : card('policies', t('wk.policies_title'), f.policies, null, '#/policies' + (target ? '?target=' + target : '')));
}

// The round's baseline year: the last full year before the round starts (null without one).
export function baselineYear(m) {
  return m.round ? Number(m.round.start.slice(0, 4)) - 1 : null;
}

// The change of each indicator of a target since the round's baseline year (the last full
// year before the round starts): [{name, unit, baseline_year, baseline, latest_year, latest,
// change_pct, baseline_rec, latest_rec}], from the indicator records (the same rule as
// `report indicators`; the records carry each figure's quality and source).
export function indicatorChange(m, adcode) {
  const base = baselineYear(m);
  const byName = new Map();
  for (const i of m.indicatorsOf(adcode)) {
    if (!byName.has(i.name)) byName.set(i.name, []);
    byName.get(i.name).push(i);
  }
  const out = [];
  for (const [name, list] of byName) {
    list.sort((a, b) => a.year - b.year);
    const b = base === null ? null : list.filter((i) => i.year <= base).pop() || null;
    const l = base === null ? list[list.length - 1] : list.filter((i) => i.year > base).pop() || null;
    if (!b && !l) continue;
    out.push({ name, unit: (l || b).unit, baseline_year: b ? b.year : null, baseline: b ? b.value : null,
      latest_year: l ? l.year : null, latest: l ? l.value : null, baseline_rec: b, latest_rec: l,
      change_pct: b && l && b.value ? Math.round(1000 * (l.value - b.value) / b.value) / 10 : null });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
