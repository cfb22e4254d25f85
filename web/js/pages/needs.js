// needs (需求清单): what the counties say they need, by key task and priority. A county adds
// and edits its own (the capabilities say it writes its target's); the units of its group and
// the office read them; a unit that writes commitments commits to a need from its row (the
// commitment form opens filled in with the need's target, task and title).
import { writes } from '../can.js';
import { load } from '../model.js';
import {
  useCss, subnav, readsWork, mayWrite, illus, downloads, filterBar, fetchList, pagedTable, query, loadTasks,
  taskLabel, targetName, targetOptions, taskOptions, options, ownTargets, createScope,
} from './work.js';
import { commitmentForm } from './commitments.js';

const FILTERS = ['round', 'target', 'task', 'q'];

export async function render(el, ctx, params) {
  useCss();
  const { h, mount } = ctx.ui;
  const { t } = ctx;
  const m = await load();
  const round = m.round ? m.round.name : null;
  const qs = query(params, FILTERS);
  const [tasks, list] = await Promise.all([loadTasks(ctx, params.round || round), fetchList(ctx, '/needs', qs)]);
  if (!ctx.current()) return;
  const wn = writes(ctx.user, 'needs');
  const mayAdd = wn === 'all' || (wn === 'target' && ctx.user.target);
  const commits = readsWork(ctx.user, 'commitments') && createScope(ctx.user) !== 'none';
  const mine = new Set(ownTargets(ctx, m).map((x) => x.adcode));
  const prio = (p) => h('span', { class: 'prio prio-' + p, 'data-priority': p }, ctx.tv('wk.prio', p));
  const tbl = pagedTable(ctx, list, {
    sort: 'priority',
    columns: [
      { key: 'id', label: t('wk.id'), sort: true, align: 'num' },
      { key: 'target', label: t('wk.target'), sort: true, value: (x) => targetName(m, x.target),
        render: (x) => h('a', { href: '#/targets/' + x.target }, targetName(m, x.target)) },
      { key: 'task', label: t('wk.task'), sort: true, value: (x) => taskLabel(ctx, tasks, x.task) },
      { key: 'title', label: t('wk.title'), sort: true, render: (x) => [h('strong', {}, x.title), illus(ctx, x),
        x.detail ? h('div', { class: 'muted small' }, x.detail) : null] },
      { key: 'priority', label: t('wk.priority'), sort: true, render: (x) => prio(x.priority) },
      { key: 'created', label: t('wk.created'), sort: true, render: (x) => String(x.created || '').slice(0, 10) },
      { key: 'act', label: '', class: 'no-print', render: (x) => [
        mayWrite(ctx.user, 'needs', x) ? h('button', { type: 'button', 'data-action': 'edit-need', onclick: () => needForm(ctx, m, tasks, x) }, t('wk.edit')) : null,
        mayWrite(ctx.user, 'needs', x) ? h('button', { type: 'button', 'data-action': 'delete-need', onclick: () => remove(ctx, x) }, t('wk.delete')) : null,
        commits && mine.has(x.target) ? h('button', { type: 'button', class: 'primary', 'data-action': 'commit-need',
          onclick: () => commitmentForm(ctx, m, tasks, { need: x }) }, t('wk.commit')) : null] },
    ],
  });
  mount(el, subnav(ctx, 'needs'),
    h('div', { class: 'page-head' }, h('h1', {}, t('wk.needs_title')),
      h('span', { class: 'muted' }, t('wk.round', { round: params.round || round || '–' })),
      h('div', { class: 'actions' },
        mayAdd ? h('button', { type: 'button', class: 'primary', 'data-action': 'add-need', onclick: () => needForm(ctx, m, tasks, null) }, t('wk.add_need')) : null,
        downloads(ctx, '/needs' + (qs ? '?' + qs : ''), 'needs'))),
    h('p', { class: 'muted' }, t('wk.needs_intro')),
    filterBar(ctx, 'needs', params, [
      { key: 'target', label: t('wk.target'), options: targetOptions(ctx, m.targets) },
      { key: 'task', label: t('wk.task'), options: taskOptions(ctx, tasks) },
      { key: 'q', label: t('ui.search'), type: 'search' },
    ]),
    tbl);
}

async function needForm(ctx, m, tasks, x) {
  const { t } = ctx;
  const own = writes(ctx.user, 'needs') === 'target';
  const targets = own ? m.targets.filter((tg) => tg.adcode === ctx.user.target) : m.targets;
  const saved = await ctx.ui.openForm({
    title: x ? t('wk.edit_need', { id: x.id }) : t('wk.add_need'),
    submitLabel: x ? t('ui.save') : t('wk.add_need'),
    fields: [
      x ? null : { name: 'target', label: t('wk.target'), type: 'select', required: true, value: own ? ctx.user.target : '',
        options: targetOptions(ctx, targets) },
      { name: 'task', label: t('wk.task'), type: 'select', required: true, value: x ? x.task : '', options: taskOptions(ctx, tasks) },
      { name: 'title', label: t('wk.title'), required: true, value: x ? x.title : '', help: t('wk.need_title_help') },
      { name: 'detail', label: t('wk.detail'), type: 'textarea', value: x ? x.detail : '' },
      { name: 'priority', label: t('wk.priority'), type: 'select', required: true, value: x ? x.priority : 2,
        options: options([1, 2, 3].map((p) => [p, ctx.tv('wk.prio', p)])) },
    ].filter(Boolean),
    onSubmit: (v) => {
      const body = { ...v, priority: Number(v.priority), detail: v.detail ?? '' };
      return x ? ctx.api('PATCH', '/needs/' + x.id, body) : ctx.api('POST', '/needs', body);
    },
  });
  if (saved) { ctx.ui.toast(x ? t('wk.saved') : t('wk.need_added', { id: saved.id })); ctx.reload(); }
}

async function remove(ctx, x) {
  if (!await ctx.ui.confirmBox(ctx.t('wk.delete_need', { title: x.title }), ctx.t('wk.delete'))) return;
  try { await ctx.api('DELETE', '/needs/' + x.id); ctx.ui.toast(ctx.t('wk.deleted')); ctx.reload(); } catch (e) { ctx.ui.toast(e.message, 'bad'); }
}
