// policies (政策文件, S15, 解剖麻雀): the policy documents units draw up from what they learn
// in their county: title, document number, date, sector, the targets served and the tasks.
// Every role reads them; a unit adds its own (for targets of its groups), the office any.
import { writes } from '../can.js';
import { load } from '../model.js';
import {
  useCss, subnav, mayWrite, illus, listOf, downloads, filterBar, fetchList, pagedTable, query, loadTasks, taskLabel,
  targetName, unitName, targetOptions, unitOptions, taskOptions, unitTargets,
} from './work.js';

const FILTERS = ['round', 'target', 'unit', 'task', 'q'];

export async function render(el, ctx, params) {
  useCss();
  const { h, mount } = ctx.ui;
  const { t } = ctx;
  const m = await load();
  const qs = query(params, FILTERS);
  const [tasks, list] = await Promise.all([loadTasks(ctx, params.round || (m.round && m.round.name)), fetchList(ctx, '/policies', qs)]);
  if (!ctx.current()) return;
  const w = writes(ctx.user, 'policies');
  const tbl = pagedTable(ctx, list, {
    sort: 'date',
    sortDir: -1,
    columns: [
      { key: 'title', label: t('wk.title'), sort: true, render: (p) => [p.link
        ? h('a', { href: p.link, rel: 'noopener noreferrer', target: '_blank' }, p.title) : h('strong', {}, p.title), illus(ctx, p)] },
      { key: 'doc_no', label: t('wk.doc_no'), sort: true },
      { key: 'date', label: t('wk.date'), sort: true },
      { key: 'unit', label: t('wk.unit'), sort: true, value: (p) => unitName(m, p.unit),
        render: (p) => h('a', { href: '#/units/' + p.unit }, unitName(m, p.unit)) },
      { key: 'sector', label: t('wk.sector'), sort: true },
      { key: 'targets', label: t('wk.targets'), value: (p) => listOf(p.targets).map((a) => targetName(m, a)).join('、'),
        render: (p) => listOf(p.targets).map((a, i) => [i ? '、' : '', h('a', { href: '#/targets/' + a }, targetName(m, a))]) },
      { key: 'tasks', label: t('wk.tasks_f'), value: (p) => listOf(p.tasks).join(' '),
        render: (p) => listOf(p.tasks).map((c) => h('span', { class: 'tag', title: taskLabel(ctx, tasks, c) }, c)) },
      { key: 'act', label: '', class: 'no-print', render: (p) => (mayWrite(ctx.user, 'policies', p) ? [
        h('button', { type: 'button', 'data-action': 'edit-policy', onclick: () => policyForm(ctx, m, tasks, p) }, t('wk.edit')),
        h('button', { type: 'button', 'data-action': 'delete-policy', onclick: () => remove(ctx, p) }, t('wk.delete'))] : null) },
    ],
  });
  mount(el, subnav(ctx, 'policies'),
    h('div', { class: 'page-head' }, h('h1', {}, t('wk.policies_title')),
      h('div', { class: 'actions' },
        w === 'all' || w === 'unit' ? h('button', { type: 'button', class: 'primary', 'data-action': 'add-policy',
          onclick: () => policyForm(ctx, m, tasks, null) }, t('wk.add_policy')) : null,
        downloads(ctx, '/policies' + (qs ? '?' + qs : ''), 'policies'))),
    h('p', { class: 'muted' }, t('wk.policies_intro')),
    filterBar(ctx, 'policies', params, [
      { key: 'target', label: t('wk.target'), options: targetOptions(ctx, m.targets) },
      { key: 'unit', label: t('wk.unit'), options: unitOptions(ctx, m.units) },
      { key: 'task', label: t('wk.task'), options: taskOptions(ctx, tasks) },
      { key: 'q', label: t('ui.search'), type: 'search' },
    ]),
    tbl);
}

async function policyForm(ctx, m, tasks, p) {
  const { t } = ctx;
  const unitUser = writes(ctx.user, 'policies') === 'unit';
  const targets = unitUser ? unitTargets(m, ctx.user.unit) : m.targets;
  const round = m.round;
  const done = ctx.ui.openForm({
    title: p ? t('wk.edit_policy', { id: p.id }) : t('wk.add_policy'),
    submitLabel: p ? t('ui.save') : t('wk.add_policy'),
    fields: [
      { name: 'title', label: t('wk.title'), required: true, value: p ? p.title : '' },
      { name: 'doc_no', label: t('wk.doc_no'), value: p ? p.doc_no : '', placeholder: '粤办函〔2024〕12号' },
      { name: 'date', label: t('wk.date'), type: 'date', required: true, value: p ? p.date : ctx.ui.today() },
      unitUser || p ? null : { name: 'unit', label: t('wk.unit'), type: 'select', required: true, options: unitOptions(ctx, m.units) },
      { name: 'sector', label: t('wk.sector'), value: p ? p.sector : '' },
      { name: 'targets', label: t('wk.targets'), type: 'select', multiple: true, options: targetOptions(ctx, targets), help: t('wk.multi_help') },
      { name: 'tasks', label: t('wk.tasks_f'), type: 'select', multiple: true, options: taskOptions(ctx, tasks), help: t('wk.multi_help') },
      { name: 'link', label: t('wk.link'), type: 'url', value: p ? p.link : '', placeholder: 'https://' },
    ].filter(Boolean),
    onSubmit: (v) => {
      const f = document.querySelector('dialog.modal:last-of-type form');
      const picked = (name) => [...f.elements[name].selectedOptions].map((o) => o.value).filter(Boolean);
      const body = { ...v, targets: picked('targets'), tasks: picked('tasks'), doc_no: v.doc_no ?? '', sector: v.sector ?? '', link: v.link ?? '' };
      if (!p && unitUser) body.unit = ctx.user.unit;
      if (!p && round) body.round = round.name;
      return p ? ctx.api('PATCH', '/policies/' + p.id, body) : ctx.api('POST', '/policies', body);
    },
  });
  // a multiple select: mark the policy's targets and tasks chosen
  const f = document.querySelector('dialog.modal:last-of-type form');
  if (f && p) {
    const chosen = { targets: new Set(listOf(p.targets)), tasks: new Set(listOf(p.tasks)) };
    for (const name of ['targets', 'tasks']) for (const o of f.elements[name].options) o.selected = chosen[name].has(o.value);
  }
  if (f) for (const name of ['targets', 'tasks']) { f.elements[name].multiple = true; f.elements[name].size = 6; }
  const saved = await done;
  if (saved) { ctx.ui.toast(p ? t('wk.saved') : t('wk.policy_added', { id: saved.id })); ctx.reload(); }
}

async function remove(ctx, p) {
  if (!await ctx.ui.confirmBox(ctx.t('wk.delete_policy', { title: p.title }), ctx.t('wk.delete'))) return;
  try { await ctx.api('DELETE', '/policies/' + p.id); ctx.ui.toast(ctx.t('wk.deleted')); ctx.reload(); } catch (e) { ctx.ui.toast(e.message, 'bad'); }
}
