// cadres: the roster of cadres (帮扶干部) with filters (unit, target, rank, on post or left,
// text), the rotation timeline of the same selection, a cadre's detail with its predecessor
// and successors and the hand-over (the overlap or the gap; for a term ending within the
// session's rotation window and without a successor, the form that names one: a new cadre
// record whose predecessor is this one, docs/rotations.md), and the form with which a unit
// adds and edits its own cadres (an admin any cadre). Invented cadres (verified 0) carry the demonstration marker; what a role may read
// and write is the API's decision.
import { writes, rotationWindow } from '../can.js';
import { timeline } from '../timeline.js';
import { useCss, loadRefs, unitLabel, targetLabel, cadreState } from './common.js';

const FIELDS = ['id', 'name', 'unit', 'group', 'rank', 'post', 'start', 'planned_end', 'actual_end', 'predecessor', 'verified', 'note'];

// At most this many bars in the timeline (sessionStorage 'bangfu.timelineMax' lowers it in a test).
const TIMELINE_MAX = 1500;

function mayAdd(user) { return writes(user, 'cadres') !== 'none'; }
function mayEdit(user, c) { const w = writes(user, 'cadres'); return w === 'all' || (w === 'unit' && c.unit === user.unit); }

export async function render(el, ctx, params) {
  useCss();
  if (params.id) return detail(el, ctx, params.id);
  return roster(el, ctx, params);
}

async function load(ctx) {
  const [refs, cadres] = await Promise.all([loadRefs(ctx), ctx.apiAll('/cadres')]);
  return { refs, cadres };
}

// ---- roster and timeline -------------------------------------------------------------------

async function roster(el, ctx, params) {
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const { refs, cadres } = await load(ctx);
  if (!ctx.current()) return;
  const today = ui.today();
  const targetOf = (c) => (refs.groups.get(c.group) || {}).target || '';
  const rows = cadres.map((c) => ({ ...c, target: targetOf(c), state: cadreState(c, today) }));
  const state = { unit: params.unit || '', target: params.target || '', rank: params.rank || '', status: params.status || '', q: params.q || '' };
  let view = params.view === 'timeline' ? 'timeline' : 'roster';

  const selectOf = (key, label, options) => h('label', {}, label,
    h('select', { 'data-filter': key, onchange: (e) => { state[key] = e.target.value; draw(); } },
      h('option', { value: '' }, t('ui.all')),
      options.map((o) => h('option', { value: o.value, selected: state[key] === o.value }, o.label))));
  const distinct = (key, label) => [...new Set(rows.map((r) => r[key]).filter(Boolean))]
    .map((v) => ({ value: v, label: label(v) })).sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const count = h('span', { class: 'count', role: 'status' });
  const bar = h('div', { class: 'filters cadre-filters' },
    h('label', {}, t('ui.search'), h('input', { type: 'search', 'data-filter': 'q', value: state.q, oninput: (e) => { state.q = e.target.value; draw(); } })),
    selectOf('unit', t('cd.unit'), distinct('unit', (u) => unitLabel(refs.units, u))),
    selectOf('target', t('cdx.target'), distinct('target', (a) => targetLabel(refs.targets, a))),
    selectOf('rank', t('cd.rank'), ['division', 'middle', 'section'].map((r) => ({ value: r, label: ctx.tv('rank', r) }))),
    selectOf('status', t('cdx.status'), ['on', 'left', 'before'].map((s) => ({ value: s, label: t('cdx.state_' + s) }))),
    count);

  const tbl = ui.table({
    rows: [],
    sort: 'target_name',
    columns: [
      { key: 'name', label: t('cd.name'), sort: true, render: (c) => [h('a', { href: '#/cadres/' + encodeURIComponent(c.id) }, c.name), ctx.demo(c)] },
      { key: 'unit', label: t('cd.unit'), sort: true, value: (c) => unitLabel(refs.units, c.unit) },
      { key: 'target_name', label: t('cdx.target'), sort: true, value: (c) => targetLabel(refs.targets, c.target),
        render: (c) => (c.target ? h('a', { href: '#/groups/' + encodeURIComponent(c.group) }, targetLabel(refs.targets, c.target)) : '–') },
      { key: 'rank', label: t('cd.rank'), sort: true, render: (c) => ctx.tv('rank', c.rank) },
      { key: 'post', label: t('cd.post') },
      { key: 'start', label: t('cd.start'), sort: true },
      { key: 'planned_end', label: t('cd.planned_end'), sort: true },
      { key: 'actual_end', label: t('cd.actual_end'), sort: true },
      { key: 'state', label: t('cdx.status'), sort: true, render: (c) => h('span', { class: 'st st-' + c.state }, t('cdx.state_' + c.state)) },
    ],
    onRow: (c) => ctx.navigate('#/cadres/' + encodeURIComponent(c.id)),
  });
  const views = h('div', { class: 'view-switch', role: 'group', 'aria-label': t('cdx.view') },
    ['roster', 'timeline'].map((v) => h('button', { type: 'button', 'data-view': v, 'aria-pressed': String(view === v),
      onclick: () => { view = v; draw(); } }, t('cdx.view_' + v))));
  const body = h('div', { class: 'cadre-view' });

  function selected() {
    const q = state.q.trim().toLowerCase();
    return rows.filter((c) => (!state.unit || c.unit === state.unit) && (!state.target || c.target === state.target) &&
      (!state.rank || c.rank === state.rank) && (!state.status || c.state === state.status) &&
      (!q || [c.id, c.name, c.post, c.unit, unitLabel(refs.units, c.unit), targetLabel(refs.targets, c.target)].some((x) => String(x || '').toLowerCase().includes(q))));
  }

  function draw() {
    const list = selected();
    count.textContent = t('ui.rows', { n: list.length, total: rows.length });
    views.querySelectorAll('button').forEach((b) => b.setAttribute('aria-pressed', String(b.dataset.view === view)));
    if (view === 'roster') {
      tbl.update(list);
      mount(body, tbl);
    } else {
      // A national roster is too large to draw at once: the first max bars, and a
      // note asking for a narrower selection.
      const max = Number(sessionStorage.getItem('bangfu.timelineMax')) || TIMELINE_MAX;
      const cut = list.length > max;
      mount(body, h('p', { class: 'muted small' }, t('tl.intro')),
        cut ? h('p', { class: 'bad-text', 'data-cut': '1' }, t('tl.cut', { n: max, total: list.length })) : null,
        timeline(cut ? [...list].sort((a, b) => targetLabel(refs.targets, a.target).localeCompare(targetLabel(refs.targets, b.target), 'zh-CN'))
          .slice(0, max) : list, {
        t, tv: ctx.tv, today, groups: refs.groups, width: el.clientWidth || 1100,
        unitName: (u) => unitLabel(refs.units, u), targetName: (a) => targetLabel(refs.targets, a),
        demoMark: t('demo.mark'), onDemo: (c) => ctx.demo(c),
      }));
    }
  }

  mount(el,
    h('div', { class: 'page-head' }, h('h1', {}, t('cdx.title')),
      h('span', { class: 'muted' }, t('cdx.on_post', { n: rows.filter((c) => c.state === 'on').length })),
      h('div', { class: 'actions' },
        mayAdd(ctx.user) ? h('button', { type: 'button', class: 'primary', 'data-action': 'add-cadre',
          onclick: () => cadreForm(ctx, refs, cadres, null) }, t('cdx.add')) : null,
        h('button', { type: 'button', 'data-download': 'csv', onclick: () => ctx.downloadCsv('/cadres?limit=10000', 'cadres.csv') }, t('ui.csv')),
        h('button', { type: 'button', 'data-download': 'xlsx', onclick: () => ctx.downloadCsv('/cadres?limit=10000', 'cadres.xlsx', 'xlsx') }, t('ui.xlsx')))),
    h('p', { class: 'muted' }, t('cdx.intro')),
    views, bar, body);
  draw();
}

// ---- detail ---------------------------------------------------------------------------------

async function detail(el, ctx, id) {
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const c = await ctx.api('GET', '/cadres/' + encodeURIComponent(id));
  const { refs, cadres } = await load(ctx);
  if (!ctx.current()) return;
  const today = ui.today();
  const g = refs.groups.get(c.group);
  const successors = cadres.filter((x) => x.predecessor === c.id);
  const pred = c.predecessor ? cadres.find((x) => x.id === c.predecessor) : null;
  const link = (x) => h('a', { href: '#/cadres/' + encodeURIComponent(x.id) }, x.name, ' (', x.id, ')');
  const fact = (k, v) => [h('dt', {}, k), h('dd', {}, v === null || v === undefined || v === '' ? '–' : v)];
  const same = cadres.filter((x) => x.group === c.group);
  const succ = successors[0] || null;
  mount(el,
    h('p', { class: 'no-print' }, h('a', { href: '#/cadres' }, '← ', t('cdx.back'))),
    h('div', { class: 'page-head' }, h('h1', {}, c.name), ctx.demo(c),
      h('span', { class: 'st st-' + cadreState(c, today) }, t('cdx.state_' + cadreState(c, today))),
      mayEdit(ctx.user, c) ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', 'data-action': 'edit-cadre',
        onclick: () => cadreForm(ctx, refs, cadres, c) }, t('cdx.edit'))) : null),
    h('section', { class: 'panel' },
      h('dl', { class: 'facts' },
        fact(t('cdx.id'), c.id),
        fact(t('cd.unit'), h('a', { href: '#/units/' + encodeURIComponent(c.unit) }, unitLabel(refs.units, c.unit))),
        fact(t('cdx.group'), g ? h('a', { href: '#/groups/' + encodeURIComponent(g.id) }, targetLabel(refs.targets, g.target), ' (', g.id, ')') : c.group),
        fact(t('cd.rank'), ctx.tv('rank', c.rank)),
        fact(t('cd.post'), c.post),
        fact(t('cd.start'), c.start),
        fact(t('cd.planned_end'), c.planned_end),
        fact(t('cd.actual_end'), c.actual_end),
        fact(t('cdx.predecessor'), pred ? link(pred) : c.predecessor),
        fact(t('cdx.successors'), successors.length ? successors.map((x, i) => [i ? '、' : '', link(x)]) : null),
        succ ? fact(t('cdx.handover'), handoverText(ctx, c, succ)) : null,
        fact(t('cdx.verified'), c.verified ? t('ui.yes') : t('cdx.demo_data')),
        fact(t('cdx.note'), c.note))),
    handoverPanel(ctx, refs, cadres, c, succ, today, () => detail(el, ctx, id)),
    h('section', { class: 'panel' }, h('h2', {}, t('cdx.group_timeline')),
      timeline(same, {
        t, tv: ctx.tv, today, groups: refs.groups, width: el.clientWidth || 1100,
        unitName: (u) => unitLabel(refs.units, u), targetName: (a) => targetLabel(refs.targets, a),
        demoMark: t('demo.mark'), onDemo: (x) => ctx.demo(x),
      })));
}

// ---- the hand-over (S7) ----------------------------------------------------------------------

const DAY = 86400000;
function dayNumber(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY; }
function isoOf(n) { return new Date(n * DAY).toISOString().slice(0, 10); }
function termEnd(c) { return c.actual_end || c.planned_end; }

// The successor's arrival against the end of the term, as the rotations report counts it:
// the days between the two, less one (negative: both serve, an overlap).
function handoverText(ctx, c, succ) {
  const { t, ui } = ctx;
  const days = dayNumber(succ.start) - dayNumber(termEnd(c)) - 1;
  const kind = days < 0 ? 'overlap' : days > 0 ? 'gap' : 'seamless';
  return ui.h('span', { class: kind === 'gap' ? 'bad-text' : '', 'data-handover': kind, 'data-days': String(days) },
    t('cdx.handover_' + kind, { n: Math.abs(days), start: succ.start, end: termEnd(c) }));
}

// For a cadre on post whose term ends within the session's rotation window: the days left,
// and without a successor the button that names one (when the session may write this cadre).
function handoverPanel(ctx, refs, cadres, c, succ, today, redraw) {
  const { t, ui } = ctx;
  const { h } = ui;
  const win = rotationWindow(ctx.user);
  const end = termEnd(c);
  if (!win || !end || cadreState(c, today) !== 'on') return null;
  const left = dayNumber(end) - dayNumber(today);
  if (left < 0 || left > win) return null;
  return h('section', { class: 'panel', 'data-handover-due': String(left) },
    h('h2', {}, t('cdx.handover_title')),
    h('p', {}, t('cdx.ends_in', { end, n: left, w: win })),
    succ ? h('p', {}, t('cdx.successor_named', { name: succ.name }), ' · ', handoverText(ctx, c, succ))
      : h('p', { class: 'bad-text' }, t('cdx.no_successor')),
    !succ && mayEdit(ctx.user, c) ? h('div', { class: 'actions' }, h('button', { type: 'button', class: 'primary', 'data-action': 'name-successor',
      onclick: () => successorForm(ctx, refs, cadres, c, today, redraw) }, t('cdx.name_successor'))) : null);
}

// Names the successor: a new cadre of the same post, arriving 14 days before the term ends
// (the hand-over of `bangfu plan rotations`, not before tomorrow), for 3 years. The unit is
// the predecessor's; the office may choose another, which the server refuses by the field
// predecessor (a successor takes over a post of its own unit).
async function successorForm(ctx, refs, cadres, c, today, redraw) {
  const { t, ui } = ctx;
  const unitUser = writes(ctx.user, 'cadres') === 'unit';
  const units = unitUser ? [ctx.user.unit] : [...refs.units.keys()];
  const end = termEnd(c);
  const arrival = isoOf(Math.max(dayNumber(end) + 1 - 14, dayNumber(today) + 1));
  const done = ui.openForm({
    title: t('cdx.successor_title', { name: c.name }),
    fields: [
      { name: 'id', label: t('cdx.id'), required: true, value: nextId(cadres), help: t('cdx.id_help') },
      { name: 'name', label: t('cd.name'), required: true },
      { name: 'unit', label: t('cd.unit'), type: 'select', required: true, value: c.unit,
        options: units.map((u) => ({ value: u, label: `${unitLabel(refs.units, u)} (${u})` })) },
      { name: 'rank', label: t('cd.rank'), type: 'select', required: true, value: c.rank,
        options: ['division', 'middle', 'section'].map((r) => ({ value: r, label: ctx.tv('rank', r) })) },
      { name: 'post', label: t('cd.post'), required: true, value: c.post },
      { name: 'start', label: t('cdx.arrival'), type: 'date', required: true, value: arrival, help: t('cdx.arrival_help', { end }) },
      { name: 'planned_end', label: t('cd.planned_end'), type: 'date', required: true, value: plusYears(arrival, 3), help: t('cdx.planned_help') },
      { name: 'predecessor', label: t('cdx.predecessor'), type: 'select', required: true, value: c.id,
        options: [{ value: c.id, label: `${c.name} (${c.id})` }] },
      { name: 'note', label: t('cdx.note'), type: 'textarea' },
    ],
    submitLabel: t('cdx.name_successor'),
    onSubmit: (v) => ctx.api('POST', '/cadres', {
      id: v.id, name: v.name, unit: v.unit, group: c.group, rank: v.rank, post: v.post, start: v.start,
      planned_end: v.planned_end, predecessor: v.predecessor, note: v.note,
      verified: writes(ctx.user, 'cadres') === 'all' ? 1 : 0,  // only the office verifies
    }),
  });
  const saved = await done;
  if (saved) {
    ui.toast(t('cdx.successor_named', { name: saved.name }));
    redraw();
  }
}

// ---- the form -------------------------------------------------------------------------------

function plusYears(iso, years) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso || '')) return '';
  const d = new Date(Date.UTC(+iso.slice(0, 4) + years, +iso.slice(5, 7) - 1, +iso.slice(8, 10)));
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

function nextId(cadres) {
  let max = 0;
  for (const c of cadres) { const m = /^C(\d+)$/.exec(c.id); if (m) max = Math.max(max, Number(m[1])); }
  return 'C' + String(max + 1).padStart(4, '0');
}

// Opens the add or edit form (c null: add). A unit's own unit is fixed; its groups are those
// the API lets it read. Errors of the API show next to the field they name.
async function cadreForm(ctx, refs, cadres, c) {
  const { t, ui } = ctx;
  const unitUser = writes(ctx.user, 'cadres') === 'unit';  // its own unit's cadres only
  const units = unitUser ? [ctx.user.unit] : [...refs.units.keys()];
  const members = await ctx.apiAll(unitUser ? '/members?unit=' + encodeURIComponent(ctx.user.unit) : '/members').catch(() => []);
  const groupsOf = new Set(members.filter((m) => !unitUser || m.unit === ctx.user.unit).map((m) => m.group));
  const groups = [...refs.groups.values()].filter((g) => !unitUser || groupsOf.has(g.id))
    .map((g) => ({ value: g.id, label: `${targetLabel(refs.targets, g.target)} (${g.id})` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const v = c || { id: nextId(cadres), unit: unitUser ? ctx.user.unit : '', group: groups.length === 1 ? groups[0].value : '', rank: 'section', verified: writes(ctx.user, 'cadres') === 'all' ? 1 : 0 };  // only the office verifies
  const fields = [
    c ? null : { name: 'id', label: t('cdx.id'), required: true, value: v.id, help: t('cdx.id_help') },
    { name: 'name', label: t('cd.name'), required: true, value: v.name },
    { name: 'unit', label: t('cd.unit'), type: 'select', required: true, value: v.unit,
      options: units.map((u) => ({ value: u, label: `${unitLabel(refs.units, u)} (${u})` })) },
    { name: 'group', label: t('cdx.group'), type: 'select', required: true, value: v.group, options: groups },
    { name: 'rank', label: t('cd.rank'), type: 'select', required: true, value: v.rank,
      options: ['division', 'middle', 'section'].map((r) => ({ value: r, label: ctx.tv('rank', r) })) },
    { name: 'post', label: t('cd.post'), required: true, value: v.post, placeholder: t('cdx.post_hint') },
    { name: 'start', label: t('cd.start'), type: 'date', required: true, value: v.start },
    { name: 'planned_end', label: t('cd.planned_end'), type: 'date', required: true, value: v.planned_end, help: t('cdx.planned_help') },
    { name: 'actual_end', label: t('cd.actual_end'), type: 'date', value: v.actual_end },
    { name: 'predecessor', label: t('cdx.predecessor'), type: 'select', value: v.predecessor,
      options: cadres.filter((x) => !c || x.id !== c.id).map((x) => ({ value: x.id, label: `${x.name} (${x.id}, ${unitLabel(refs.units, x.unit)})` })) },
    { name: 'verified', label: t('cdx.verified_field'), type: 'checkbox', value: v.verified },
    { name: 'note', label: t('cdx.note'), type: 'textarea', value: v.note },
  ].filter(Boolean);
  const done = ui.openForm({
    title: c ? t('cdx.edit_title', { name: c.name }) : t('cdx.add_title'),
    fields,
    submitLabel: c ? t('ui.save') : t('cdx.add'),
    onSubmit: async (vals) => {
      const body = {};
      for (const k of FIELDS) if (k in vals && !(c && k === 'id')) body[k] = vals[k];
      return c ? ctx.api('PATCH', '/cadres/' + encodeURIComponent(c.id), body) : ctx.api('POST', '/cadres', body);
    },
  });
  // S7: a term is 3 years; fill the planned end from the start when it is still empty.
  const dlg = document.querySelector('dialog.modal:last-of-type form');
  if (dlg) {
    dlg.elements.start.addEventListener('change', () => {
      if (!dlg.elements.planned_end.value) dlg.elements.planned_end.value = plusYears(dlg.elements.start.value, 3);
    });
  }
  const saved = await done;
  if (saved) {
    ui.toast(c ? t('cdx.saved', { name: saved.name }) : t('cdx.added', { name: saved.name }));
    ctx.navigate('#/cadres/' + encodeURIComponent(saved.id));
  }
}
