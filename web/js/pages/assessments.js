// assessments (考核, issue 12 §7): the year's and the round's assessment of each group (never
// a person), with the evidence bangfu counts beside it: commitments due in the window
// (delivered and confirmed against planned, per measure), resources (integer yuan), policies,
// the group's reports on time, late or missing, the county's indicators since the round's
// baseline year against the province's. The office creates the assessments of a year or of
// the round and sets each grade and comment; units and counties read their own. What the user
// may do comes from the session's capabilities (capabilities.assessments: read, create,
// grade), never from role names. No ranking: the list is in group order and cannot be sorted
// by grade.
import { caps } from '../can.js';
import { load } from '../model.js';
import { useCss, yuan, downloads, filterBar, fetchList, pagedTable, query, options } from './work.js';

const FILTERS = ['kind', 'year', 'grade', 'prefecture', 'target', 'group'];
export const GRADES = ['优秀', '良好', '一般', '较差'];

function years(round) {
  if (!round) return [];
  const out = [];
  for (let y = Number(round.start.slice(0, 4)); y <= Number(round.end.slice(0, 4)); y++) out.push(y);
  return out;
}

export async function render(el, ctx, params) {
  useCss();
  const { h, mount } = ctx.ui;
  const { t, tv } = ctx;
  const can = caps(ctx.user, 'assessments');
  const m = await load();
  const round = m.round;
  const qs = query({ ...params, round: params.round || (round && round.name) }, ['round', ...FILTERS]);
  const list = await fetchList(ctx, '/assessments', qs);
  if (!ctx.current()) return;
  const prefectures = [...new Set(m.targets.map((x) => x.prefecture).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const ev = (a) => a.evidence || {};
  const tbl = pagedTable(ctx, list, {
    columns: [
      { key: 'group', label: t('as.group'), render: (a) => h('a', { href: '#/groups/' + encodeURIComponent(a.group) }, a.group) },
      { key: 'target_name', label: t('as.target'), render: (a) => h('a', { href: '#/targets/' + a.target }, a.target_name) },
      { key: 'lead_name', label: t('as.lead') },
      { key: 'kind', label: t('as.kind'), render: (a) => [tv('as.kind', a.kind), a.year ? ' ' + a.year : '',
        h('div', { class: 'muted small' }, `${a.start} – ${a.end}`)] },
      { key: 'commitments', label: t('as.commitments'), render: (a) => commitments(ctx, ev(a).commitments) },
      { key: 'yuan', label: t('as.resources'), align: 'num', render: (a) => resources(ctx, ev(a)) },
      { key: 'policies', label: t('as.policies'), align: 'num', render: (a) => h('span', { 'data-policies': ev(a).policies }, ctx.ui.num(ev(a).policies || 0)) },
      { key: 'reports', label: t('as.reports'), render: (a) => reports(ctx, ev(a).reports) },
      { key: 'indicators', label: t('as.indicators'), render: (a) => indicators(ctx, ev(a).indicators) },
      { key: 'grade', label: t('as.grade'), render: (a) => [
        a.grade ? h('strong', { class: 'grade', 'data-grade': a.grade }, a.grade) : h('span', { class: 'muted', 'data-grade': '' }, t('as.ungraded')),
        a.comment ? h('div', { class: 'small', 'data-comment': '1' }, a.comment) : null,
        h('div', { class: 'muted small', 'data-frozen': a.evidence_frozen ? '1' : '0' },
          a.evidence_frozen ? t('as.frozen', { day: ev(a).counted_on || '' }) : t('as.live'))] },
      { key: 'act', label: '', class: 'no-print', render: (a) => (can.grade ? h('button', { type: 'button', 'data-action': 'grade',
        onclick: () => gradeForm(ctx, a) }, a.grade ? t('as.regrade') : t('as.grade_it')) : null) },
    ],
  });
  mount(el,
    h('div', { class: 'page-head' }, h('h1', {}, t('as.title')),
      h('div', { class: 'actions' },
        can.create && round ? h('button', { type: 'button', class: 'primary', 'data-action': 'create-assessments',
          onclick: () => createForm(ctx, round) }, t('as.create')) : null,
        downloads(ctx, '/assessments' + (qs ? '?' + qs : ''), 'assessments'))),
    h('p', { class: 'muted' }, t('as.intro')),
    filterBar(ctx, 'assessments', params, [
      { key: 'kind', label: t('as.kind'), options: options([['year', tv('as.kind', 'year')], ['round', tv('as.kind', 'round')]]) },
      { key: 'year', label: t('as.year'), options: options(years(round).map((y) => [String(y), String(y)])) },
      { key: 'grade', label: t('as.grade'), options: options([...GRADES.map((g) => [g, g]), ['none', t('as.ungraded')]]) },
      { key: 'prefecture', label: t('as.prefecture'), options: options(prefectures.map((p) => [p, p])) },
    ]),
    list.total ? null : h('p', { class: 'muted', 'data-empty': '1' }, can.create ? t('as.none_office') : t('as.none')),
    tbl);
}

function commitments(ctx, c) {
  const { h } = ctx.ui;
  if (!c) return '–';
  return h('div', { 'data-commitments': `${c.delivered}/${c.confirmed}/${c.planned}` },
    ctx.t('as.c_line', { delivered: c.delivered, confirmed: c.confirmed, planned: c.planned }),
    c.dropped ? h('div', { class: 'muted small' }, ctx.t('as.c_dropped', { n: c.dropped })) : null,
    (c.measures || []).map((x) => h('div', { class: 'muted small', 'data-measure': x.measure },
      `${x.measure}: ${ctx.ui.num(x.delivered_value)} / ${ctx.ui.num(x.target_value)}`)));
}

function resources(ctx, e) {
  const { h } = ctx.ui;
  const r = e.resources || {};
  const counts = ['project', 'enterprise', 'talent', 'training'].filter((k) => r[k] && r[k].amount)
    .map((k) => `${ctx.tv('wk.kind', k)} ${ctx.ui.num(r[k].amount)}`);
  return h('div', { 'data-yuan': e.yuan ?? '' }, yuan(ctx, e.yuan ?? 0),
    counts.length ? h('div', { class: 'muted small' }, counts.join(' · ')) : null);
}

function reports(ctx, r) {
  const { h } = ctx.ui;
  if (!r) return '–';
  return h('div', { 'data-reports': `${r.on_time}/${r.late}/${r.missing}/${r.not_due}` },
    ctx.t('as.r_line', { on_time: r.on_time, late: r.late, missing: r.missing }),
    r.not_due ? h('div', { class: 'muted small' }, ctx.t('as.r_not_due', { n: r.not_due })) : null);
}

function indicators(ctx, ind) {
  const { h } = ctx.ui;
  const items = (ind && ind.items) || [];
  if (!items.length) return h('span', { class: 'muted small' }, ctx.t('as.i_none'));
  const pct = (v) => (v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + v.toFixed(2) + '%');
  return items.map((x) => h('div', { class: 'small', 'data-indicator': x.indicator },
    `${ctx.tv('indicator', x.indicator)} ${x.baseline_year}→${x.latest_year}: ${pct(x.change_pct)}`,
    h('span', { class: 'muted' }, ' ' + ctx.t('as.i_province', { pct: pct(x.province_change_pct) }))));
}

async function createForm(ctx, round) {
  const { t, tv } = ctx;
  const ys = years(round);
  const saved = await ctx.ui.openForm({
    title: t('as.create'),
    submitLabel: t('as.create'),
    fields: [
      { name: 'kind', label: t('as.kind'), type: 'select', required: true, value: 'year',
        options: ['year', 'round'].map((k) => ({ value: k, label: tv('as.kind', k) })) },
      { name: 'year', label: t('as.year'), type: 'select', value: String(ys[ys.length - 1] || ''),
        options: ys.map((y) => ({ value: String(y), label: String(y) })), help: t('as.year_help') },
    ],
    onSubmit: (v) => {
      const body = { round: round.name, kind: v.kind };
      if (v.kind === 'year') body.year = v.year ? Number(v.year) : null;
      return ctx.api('POST', '/assessments', body);
    },
  });
  if (saved) { ctx.ui.toast(t('as.created', { n: saved.created, existing: saved.existing })); ctx.reload(); }
}

async function gradeForm(ctx, a) {
  const { t } = ctx;
  const saved = await ctx.ui.openForm({
    title: t('as.grade_title', { group: a.group, what: a.year ? String(a.year) : ctx.tv('as.kind', a.kind) }),
    submitLabel: t('ui.save'),
    fields: [
      { name: 'grade', label: t('as.grade'), type: 'select', value: a.grade || '', help: t('as.grade_help'),
        options: GRADES.map((g) => ({ value: g, label: `${g} ${t('as.grade_en.' + g)}` })) },
      { name: 'comment', label: t('as.comment'), type: 'textarea', value: a.comment || '', rows: 4 },
    ],
    onSubmit: (v) => ctx.api('PATCH', '/assessments/' + a.id, { grade: v.grade ? v.grade : null, comment: v.comment ?? '' }),
  });
  if (saved) { ctx.ui.toast(t('as.saved')); ctx.reload(); }
}
