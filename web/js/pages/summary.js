// summary (#/summary/{adcode}): one county's annual summary of the round, made to be printed
// on A4 (print CSS in app.css): the county, its group with the units and the cadres on post,
// the work (commitments by status and overdue, delivered against committed per measure,
// resources by kind in integer yuan or counts, needs, policies) and its indicators against
// the round's baseline year. Drawn from what the user may read: the same lists and report as
// the dossier, so the figures agree with it: GET /reports/county/{adcode} when the session
// offers it, else the lists.
import { may } from '../can.js';
import { load, onPost } from '../model.js';
import { nameOf } from '../i18n.js';
import {
  STATUSES, KINDS, workFigures, indicatorChange, amount, illus, listOf, statusChip, taskLabel, loadTasks, unitName,
} from './work.js';

export async function render(el, ctx, params) {
  const { h, mount, num, table } = ctx.ui;
  const { t, tv } = ctx;
  const adcode = params.id;
  const m = await load();
  const x = m.target(adcode);
  if (!x) { await ctx.api('GET', '/targets/' + encodeURIComponent(adcode || '')); return; }
  const q = 'target=' + encodeURIComponent(adcode);
  // the county report (one request: figures, per measure, needs, policies, indicators with the
  // province's change) when the session offers it, else the same from the lists
  const report = may(ctx.user, 'county_report')
    ? ctx.api('GET', '/reports/county/' + encodeURIComponent(adcode)).catch(() => null) : Promise.resolve(null);
  const [rep, tasks, cs] = await Promise.all([report, loadTasks(ctx, m.round && m.round.name), ctx.apiAll('/commitments?' + q)]);
  const [f, needs, ps] = rep
    ? [{ ...rep.work, needs: rep.needs.listed, policies: rep.policies.listed }, rep.needs, rep.policies]
    : await Promise.all([workFigures(ctx, adcode),
      ctx.api('GET', `/needs?${q}&limit=200`).catch(() => ({ items: [], total: 0 })),
      ctx.api('GET', `/policies?${q}&limit=200`).catch(() => ({ items: [], total: 0 }))]);
  if (!ctx.current()) return;
  const g = m.groupOf(adcode);
  const members = g ? m.membersOf(g.id) : [];
  const onPostN = rep ? rep.cadres_on_post : g ? m.cadresOf(g.id).filter((c) => onPost(c)).length : 0;
  const day = ctx.ui.today();

  // delivered against committed, per measure (dropped ones left out, as the report does)
  const per = new Map();
  if (rep && Array.isArray(rep.work.measures)) {
    for (const e of rep.work.measures) per.set(e.measure, { ...e, n: e.commitments });
  } else {
    for (const c of cs) {
      if (c.status === 'dropped') continue;
      const e = per.get(c.measure) || { measure: c.measure, n: 0, target_value: 0, delivered_value: 0, confirmed_value: 0 };
      e.n += 1; e.target_value += Number(c.target_value); e.delivered_value += Number(c.delivered_value);
      if (c.status === 'confirmed') e.confirmed_value += Number(c.delivered_value);
      per.set(c.measure, e);
    }
  }
  const province = new Map(((rep && rep.indicators) || []).map((i) => [i.indicator, i.province_change_pct]));
  const fig = (label, value, key) => [h('dt', {}, label), h('dd', { 'data-fig': key }, value)];
  const changes = indicatorChange(m, adcode);
  const pc = (v) => (v === null || v === undefined ? '–' : (v > 0 ? '+' : '') + num(v) + '%');

  mount(el, h('article', { class: 'summary-page' },
    h('p', { class: 'muted small' }, t('app.title'), ' · ', t('wk.summary_title'), ' · ', t('tg.printed', { date: day })),
    h('div', { class: 'page-head' },
      h('h1', {}, nameOf(x), ' ', h('span', { class: 'muted small' }, x.adcode), ' ', t('wk.summary_of', { round: m.round ? m.round.name : '–' })),
      h('div', { class: 'actions' },
        h('a', { href: '#/targets/' + adcode, class: 'no-print' }, t('ui.back')),
        h('button', { type: 'button', 'data-action': 'print', onclick: () => window.print() }, t('ui.print')))),
    h('section', { class: 'panel', 'data-section': 'facts' },
      h('dl', { class: 'facts cols' },
        fig(t('tg.prefecture'), x.prefecture),
        fig(t('tg.kind'), tv('kind', x.kind)),
        fig(t('tg.classes'), String(x.classes || '').split(';').filter(Boolean).map((c) => tv('class', c)).join('、') || '–'),
        fig(t('tg.group'), g ? members.map((mb) => `${unitName(m, mb.unit)}${mb.role === 'lead' ? ' (' + tv('mrole', 'lead') + ')' : ''}`).join('、') : t('tg.no_group')),
        fig(t('ov.cadres'), num(onPostN), 'cadres'))),
    h('section', { class: 'panel', 'data-section': 'work' }, h('h2', {}, t('wk.work_title')),
      h('dl', { class: 'facts cols' },
        fig(t('wk.c_total'), num(f.commitments), 'commitments'),
        STATUSES.map((s) => fig(tv('wk.status', s), num(f[s]), s)),
        fig(t('wk.overdue'), num(f.overdue), 'overdue'),
        fig(t('wk.needs_title'), num(f.needs), 'needs'),
        fig(t('wk.policies_title'), num(f.policies), 'policies')),
      per.size ? table({
        caption: t('wk.by_measure'),
        columns: [
          { key: 'measure', label: t('wk.measure') },
          { key: 'n', label: t('wk.c_total'), align: 'num' },
          { key: 'target_value', label: t('wk.target_value'), align: 'num', render: (e) => num(e.target_value) },
          { key: 'delivered_value', label: t('wk.delivered_value'), align: 'num', render: (e) => num(e.delivered_value) },
          { key: 'confirmed_value', label: t('wk.confirmed_value'), align: 'num', render: (e) => num(e.confirmed_value) },
        ],
        rows: [...per.values()],
      }) : null),
    h('section', { class: 'panel', 'data-section': 'resources' }, h('h2', {}, t('wk.resources_title')),
      f.funds === undefined ? h('p', { class: 'muted' }, t('ov.no_data')) : h('dl', { class: 'facts cols' },
        KINDS.map((k) => fig(tv('wk.kind', k), amount(ctx, k, f[k] || 0), k)))),
    h('section', { class: 'panel', 'data-section': 'commitments' }, h('h2', {}, t('wk.commitments_title')),
      table({
        sort: 'status',
        rowClass: (c) => (c.overdue ? 'overdue' : null),
        columns: [
          { key: 'title', label: t('wk.title'), render: (c) => [c.title, illus(ctx, c)] },
          { key: 'unit', label: t('wk.unit'), value: (c) => unitName(m, c.unit) },
          { key: 'task', label: t('wk.task'), value: (c) => taskLabel(ctx, tasks, c.task) },
          { key: 'progress', label: t('wk.progress'), align: 'num', render: (c) => `${num(c.delivered_value)} / ${num(c.target_value)} ${c.measure}` },
          { key: 'due', label: t('wk.due') },
          { key: 'status', label: t('wk.status'), sort: true, value: (c) => STATUSES.indexOf(c.status), render: (c) => statusChip(ctx, c) },
        ],
        rows: cs,
      })),
    needs.items.length ? h('section', { class: 'panel', 'data-section': 'needs' }, h('h2', {}, t('wk.needs_title')),
      h('ol', {}, needs.items.slice().sort((a, b) => a.priority - b.priority).map((n) => h('li', {},
        h('strong', {}, n.title), ' ', h('span', { class: 'muted small' }, tv('wk.prio', n.priority), ' · ', taskLabel(ctx, tasks, n.task)), illus(ctx, n))))) : null,
    ps.items.length ? h('section', { class: 'panel', 'data-section': 'policies' }, h('h2', {}, t('wk.policies_title')),
      h('ul', {}, ps.items.map((p) => h('li', {}, p.title, ' ', h('span', { class: 'muted small' },
        [p.doc_no, p.date, unitName(m, p.unit), listOf(p.tasks).join(' ')].filter(Boolean).join(' · ')), illus(ctx, p))))) : null,
    changes.length ? h('section', { class: 'panel', 'data-section': 'change' }, h('h2', {}, t('wk.ind_change')),
      table({
        columns: [
          { key: 'name', label: t('tg.indicators'), render: (i) => tv('indicator', i.name) },
          { key: 'baseline', label: t('wk.baseline'), align: 'num', render: (i) => (i.baseline === null ? '–' : `${num(i.baseline)} (${i.baseline_year})`) },
          { key: 'latest', label: t('wk.latest'), align: 'num', render: (i) => (i.latest === null ? '–' : `${num(i.latest)} (${i.latest_year})`) },
          { key: 'change_pct', label: t('wk.change'), align: 'num', render: (i) => pc(i.change_pct) },
          { key: 'province', label: t('wk.ind_province_col'), align: 'num', render: (i) => pc(province.get(i.name)) },
          { key: 'unit', label: t('wk.unit_of'), render: (i) => tv('iunit', i.unit) },
        ],
        rows: changes,
      })) : null));
}
