// resources (资源导入, S18): the funds, investment, projects, enterprises, talent and training
// each unit brings to its targets. Money is integer yuan end to end: shown with thousands
// separators, entered as a whole number (separators allowed), never a float; the API refuses
// anything else naming `amount`. The sums above the list are of the rows shown, per kind.
import { writes } from '../can.js';
import { load } from '../model.js';
import {
  useCss, subnav, KINDS, mayWrite, illus, amount, parseAmount, downloads, filterBar, fetchList, pagedTable, query,
  loadTasks, taskLabel, targetName, unitName, targetOptions, unitOptions, taskOptions, options, unitTargets,
} from './work.js';

const FILTERS = ['round', 'target', 'unit', 'task', 'kind', 'q'];

export async function render(el, ctx, params) {
  useCss();
  const { h, mount } = ctx.ui;
  const { t, tv } = ctx;
  const m = await load();
  const qs = query(params, FILTERS);
  const [tasks, list] = await Promise.all([loadTasks(ctx, params.round || (m.round && m.round.name)), fetchList(ctx, '/resources', qs)]);
  if (!ctx.current()) return;
  const w = writes(ctx.user, 'resources');
  const sums = h('div', { class: 'cards small-cards', 'data-section': 'sums' });
  const drawSums = () => {
    const by = new Map();
    for (const r of list.items) by.set(r.kind, (by.get(r.kind) || 0) + Number(r.amount));
    mount(sums, KINDS.filter((k) => by.has(k)).map((k) => h('div', { class: 'card', 'data-kind': k },
      h('div', { class: 'label' }, tv('wk.kind', k)), h('div', { class: 'value' }, amount(ctx, k, by.get(k))))));
  };
  const tbl = pagedTable(ctx, list, {
    sort: 'date',
    sortDir: -1,
    columns: [
      { key: 'id', label: t('wk.id'), sort: true, align: 'num' },
      { key: 'kind', label: t('wk.kind_f'), sort: true, render: (r) => [tv('wk.kind', r.kind), illus(ctx, r)] },
      { key: 'amount', label: t('wk.amount'), sort: true, align: 'num', value: (r) => Number(r.amount), render: (r) => amount(ctx, r.kind, r.amount) },
      { key: 'target', label: t('wk.target'), sort: true, value: (r) => targetName(m, r.target),
        render: (r) => h('a', { href: '#/targets/' + r.target }, targetName(m, r.target)) },
      { key: 'unit', label: t('wk.unit'), sort: true, value: (r) => unitName(m, r.unit) },
      { key: 'task', label: t('wk.task'), sort: true, value: (r) => (r.task ? taskLabel(ctx, tasks, r.task) : null) },
      { key: 'commitment', label: t('wk.commitment'), render: (r) => (r.commitment ? h('a', { href: '#/commitments/' + r.commitment }, '#' + r.commitment) : null) },
      { key: 'date', label: t('wk.date'), sort: true },
      { key: 'source', label: t('wk.source'), class: 'small' },
      { key: 'act', label: '', class: 'no-print', render: (r) => (mayWrite(ctx.user, 'resources', r) ? [
        h('button', { type: 'button', 'data-action': 'edit-resource', onclick: () => resourceForm(ctx, m, tasks, r) }, t('wk.edit')),
        h('button', { type: 'button', 'data-action': 'delete-resource', onclick: () => remove(ctx, r) }, t('wk.delete'))] : null) },
    ],
  });
  tbl.querySelector('[data-more]').addEventListener('click', () => setTimeout(drawSums, 0));
  drawSums();
  mount(el, subnav(ctx, 'resources'),
    h('div', { class: 'page-head' }, h('h1', {}, t('wk.resources_title')),
      h('div', { class: 'actions' },
        w === 'all' || w === 'unit' ? h('button', { type: 'button', class: 'primary', 'data-action': 'add-resource',
          onclick: () => resourceForm(ctx, m, tasks, null) }, t('wk.add_resource')) : null,
        downloads(ctx, '/resources' + (qs ? '?' + qs : ''), 'resources'))),
    h('p', { class: 'muted' }, t('wk.resources_intro')),
    filterBar(ctx, 'resources', params, [
      { key: 'kind', label: t('wk.kind_f'), options: options(KINDS.map((k) => [k, tv('wk.kind', k)])) },
      { key: 'target', label: t('wk.target'), options: targetOptions(ctx, m.targets) },
      { key: 'unit', label: t('wk.unit'), options: unitOptions(ctx, m.units) },
      { key: 'task', label: t('wk.task'), options: taskOptions(ctx, tasks) },
      { key: 'q', label: t('ui.search'), type: 'search' },
    ]),
    list.total > list.items.length ? h('p', { class: 'muted small' }, t('wk.sums_shown')) : null,
    sums, tbl);
}

async function resourceForm(ctx, m, tasks, r) {
  const { t, tv } = ctx;
  const unitUser = writes(ctx.user, 'resources') === 'unit';
  const targets = unitUser ? unitTargets(m, ctx.user.unit) : m.targets;
  const round = m.round;
  const saved = await ctx.ui.openForm({
    title: r ? t('wk.edit_resource', { id: r.id }) : t('wk.add_resource'),
    submitLabel: r ? t('ui.save') : t('wk.add_resource'),
    fields: [
      { name: 'kind', label: t('wk.kind_f'), type: 'select', required: true, value: r ? r.kind : 'funds',
        options: KINDS.map((k) => ({ value: k, label: tv('wk.kind', k) })) },
      { name: 'amount', label: t('wk.amount'), required: true, value: r ? String(r.amount) : '', help: t('wk.amount_help'),
        placeholder: '1,000,000', autocomplete: 'off' },
      { name: 'target', label: t('wk.target'), type: 'select', required: true, value: r ? r.target : (targets.length === 1 ? targets[0].adcode : ''),
        options: targetOptions(ctx, targets) },
      unitUser ? null : { name: 'unit', label: t('wk.unit'), type: 'select', required: true, value: r ? r.unit : '', options: unitOptions(ctx, m.units) },
      { name: 'task', label: t('wk.task'), type: 'select', value: r ? r.task : '', options: taskOptions(ctx, tasks) },
      { name: 'commitment', label: t('wk.commitment_id'), type: 'number', min: 1, step: 1, value: r ? r.commitment : '' },
      { name: 'date', label: t('wk.date'), type: 'date', required: true, value: r ? r.date : ctx.ui.today(),
        min: round ? round.start : null, max: round ? round.end : null },
      { name: 'source', label: t('wk.source'), value: r ? r.source : '', help: t('wk.source_help') },
    ].filter(Boolean),
    onSubmit: (v) => {
      const body = { ...v, amount: parseAmount(v.amount), source: v.source ?? '' };
      if (!r && unitUser) body.unit = ctx.user.unit;
      if (!r && round) body.round = round.name;
      return r ? ctx.api('PATCH', '/resources/' + r.id, body) : ctx.api('POST', '/resources', body);
    },
  });
  if (saved) { ctx.ui.toast(r ? t('wk.saved') : t('wk.resource_added', { id: saved.id })); ctx.reload(); }
}

async function remove(ctx, r) {
  if (!await ctx.ui.confirmBox(ctx.t('wk.delete_resource', { id: r.id }), ctx.t('wk.delete'))) return;
  try { await ctx.api('DELETE', '/resources/' + r.id); ctx.ui.toast(ctx.t('wk.deleted')); ctx.reload(); } catch (e) { ctx.ui.toast(e.message, 'bad'); }
}
