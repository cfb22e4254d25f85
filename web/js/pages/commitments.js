// commitments (帮扶事项): what a unit of a target's group commits to deliver, for a need of
// the county or directly for a key task, and the delivery: planned → in progress → delivered
// (with evidence: text, a link or a file) → confirmed by the county (销号); dropped with a
// reason; a delivery sent back by the county returns to in progress with the reason. Overdue
// ones (past due, not delivered) are marked wherever they show. The list filters on the
// server (target, unit, task, status, overdue, text); a commitment's page shows its facts,
// evidence and the actions the user may take (the capabilities say which, the API decides).
import { load } from '../model.js';
import {
  useCss, subnav, STATUSES, MEASURES, mayDeliver, createScope, mayConfirm, illus, statusChip, downloads, filterBar, fetchList,
  pagedTable, query, loadTasks, taskLabel, targetName, unitName, targetOptions, unitOptions, taskOptions,
  ownTargets, options,
} from './work.js';

const FILTERS = ['round', 'target', 'unit', 'task', 'status', 'overdue', 'q'];

export async function render(el, ctx, params) {
  useCss();
  if (params.id) return detail(el, ctx, params.id);
  return list(el, ctx, params);
}

function mayCreate(ctx) { return createScope(ctx.user) !== 'none'; }

async function list(el, ctx, params) {
  const { h, mount } = ctx.ui;
  const { t } = ctx;
  const m = await load();
  const qs = query(params, FILTERS);
  const [tasks, lst] = await Promise.all([loadTasks(ctx, params.round || (m.round && m.round.name)), fetchList(ctx, '/commitments', qs)]);
  if (!ctx.current()) return;
  const tbl = pagedTable(ctx, lst, {
    sort: 'due',
    rowClass: (c) => (c.overdue ? 'overdue' : null),
    columns: [
      { key: 'id', label: t('wk.id'), sort: true, align: 'num', render: (c) => h('a', { href: '#/commitments/' + c.id }, c.id) },
      { key: 'title', label: t('wk.title'), sort: true, render: (c) => [h('a', { href: '#/commitments/' + c.id }, c.title), illus(ctx, c)] },
      { key: 'target', label: t('wk.target'), sort: true, value: (c) => targetName(m, c.target) },
      { key: 'unit', label: t('wk.unit'), sort: true, value: (c) => unitName(m, c.unit) },
      { key: 'task', label: t('wk.task'), sort: true, value: (c) => taskLabel(ctx, tasks, c.task) },
      { key: 'progress', label: t('wk.progress'), align: 'num', value: (c) => (c.target_value ? c.delivered_value / c.target_value : 0), sort: true,
        render: (c) => `${ctx.ui.num(c.delivered_value)} / ${ctx.ui.num(c.target_value)} ${c.measure}` },
      { key: 'due', label: t('wk.due'), sort: true },
      { key: 'status', label: t('wk.status'), sort: true, value: (c) => STATUSES.indexOf(c.status), render: (c) => statusChip(ctx, c) },
    ],
    onRow: (c) => ctx.navigate('#/commitments/' + c.id),
  });
  const overdueN = lst.items.filter((c) => c.overdue).length;
  mount(el, subnav(ctx, 'commitments'),
    h('div', { class: 'page-head' }, h('h1', {}, t('wk.commitments_title')),
      overdueN ? h('span', { class: 'overdue-mark', 'data-overdue-count': overdueN }, t('wk.overdue_n', { n: overdueN })) : null,
      h('div', { class: 'actions' },
        mayCreate(ctx) ? h('button', { type: 'button', class: 'primary', 'data-action': 'add-commitment',
          onclick: () => commitmentForm(ctx, m, tasks, {}) }, t('wk.add_commitment')) : null,
        downloads(ctx, '/commitments' + (qs ? '?' + qs : ''), 'commitments'))),
    h('p', { class: 'muted' }, t('wk.commitments_intro')),
    filterBar(ctx, 'commitments', params, [
      { key: 'target', label: t('wk.target'), options: targetOptions(ctx, m.targets) },
      { key: 'unit', label: t('wk.unit'), options: unitOptions(ctx, m.units) },
      { key: 'task', label: t('wk.task'), options: taskOptions(ctx, tasks) },
      { key: 'status', label: t('wk.status'), options: options(STATUSES.map((s) => [s, ctx.tv('wk.status', s)])) },
      { key: 'overdue', label: t('wk.overdue_only'), type: 'check' },
      { key: 'q', label: t('ui.search'), type: 'search' },
    ]),
    tbl);
}

// ---- one commitment ----------------------------------------------------------------------

async function detail(el, ctx, id) {
  const { h, mount, num } = ctx.ui;
  const { t } = ctx;
  const path = '/commitments/' + encodeURIComponent(id);
  const [m, c, files] = await Promise.all([load(), ctx.api('GET', path),
    ctx.api('GET', path + '/evidence').catch(() => ({ items: [] }))]);
  const tasks = await loadTasks(ctx, c.round);
  const need = c.need ? await ctx.api('GET', '/needs/' + c.need).catch(() => null) : null;
  if (!ctx.current()) return;
  const fileList = Array.isArray(files) ? files : (files.items || []);
  const fact = (k, v, key) => [h('dt', {}, k), h('dd', { 'data-fact': key || null }, v === null || v === undefined || v === '' ? '–' : v)];
  const act = (name, label, fn, primary) => h('button', { type: 'button', class: primary ? 'primary' : null, 'data-action': name,
    onclick: async (e) => { e.target.disabled = true; try { await fn(); } finally { e.target.disabled = false; } } }, label);
  const patch = async (body, msg) => {
    try { await ctx.api('PATCH', path, body); ctx.ui.toast(msg); ctx.reload(); } catch (e) { ctx.ui.toast(e.message, 'bad'); throw e; }
  };
  const open = c.status === 'planned' || c.status === 'in_progress';
  const actions = [];
  if (mayDeliver(ctx.user, c)) {
    if (c.status === 'planned') actions.push(act('start', t('wk.a_start'), () => patch({ status: 'in_progress' }, t('wk.started')).catch(() => {}), true));
    if (c.status === 'in_progress') actions.push(act('deliver', t('wk.a_deliver'), () => deliverForm(ctx, c, path), true));
    if (open) actions.push(act('edit', t('wk.edit'), () => commitmentForm(ctx, m, tasks, { commitment: c })));
    if (open) actions.push(act('drop', t('wk.a_drop'), () => reasonForm(ctx, path, t('wk.a_drop'), { status: 'dropped' }, t('wk.dropped'))));
    if (c.status === 'planned') actions.push(act('delete', t('wk.delete'), () => remove(ctx, c, path)));
  }
  if (c.status === 'delivered' && mayConfirm(ctx.user, c)) {
    actions.push(act('confirm', t('wk.a_confirm'), async () => {
      if (await ctx.ui.confirmBox(t('wk.confirm_q', { title: c.title }), t('wk.a_confirm'))) await patch({ status: 'confirmed' }, t('wk.confirmed')).catch(() => {});
    }, true));
    actions.push(act('send-back', t('wk.a_send_back'), () => reasonForm(ctx, path, t('wk.a_send_back'), { status: 'in_progress' }, t('wk.sent_back'))));
  }
  const pct = c.target_value ? Math.min(100, Math.round(100 * c.delivered_value / c.target_value)) : 0;
  mount(el, h('article', { class: ['commitment', c.overdue && 'overdue'], 'data-status': c.status },
    h('p', { class: 'no-print' }, h('a', { href: '#/commitments' }, '← ', t('wk.commitments_title'))),
    h('div', { class: 'page-head' }, h('h1', {}, c.title), illus(ctx, c), statusChip(ctx, c),
      actions.length ? h('div', { class: 'actions' }, actions) : null),
    c.overdue ? h('p', { class: 'bad-text', role: 'note' }, t('wk.overdue_text', { due: c.due })) : null,
    c.reason ? h('p', { class: 'reason', 'data-reason': '1' }, h('strong', {}, t('wk.reason'), ': '), c.reason) : null,
    h('div', { class: 'grid halves' },
      h('section', { class: 'panel' }, h('dl', { class: 'facts' },
        fact(t('wk.id'), c.id),
        fact(t('wk.round_f'), c.round),
        fact(t('wk.target'), h('a', { href: '#/targets/' + c.target }, targetName(m, c.target))),
        fact(t('wk.unit'), h('a', { href: '#/units/' + c.unit }, unitName(m, c.unit))),
        fact(t('wk.task'), taskLabel(ctx, tasks, c.task)),
        fact(t('wk.need'), need ? `${need.id} · ${need.title}` : c.need),
        fact(t('wk.due'), c.due),
        fact(t('wk.created'), String(c.created || '').slice(0, 10)))),
      h('section', { class: 'panel' }, h('h2', {}, t('wk.delivery')),
        h('div', { class: 'bar', role: 'img', 'aria-label': `${pct}%` }, h('span', { style: { width: pct + '%' } })),
        h('dl', { class: 'facts' },
          fact(t('wk.target_value'), `${num(c.target_value)} ${c.measure}`),
          fact(t('wk.delivered_value'), `${num(c.delivered_value)} ${c.measure}`, 'delivered_value'),
          fact(t('wk.evidence'), c.evidence, 'evidence'),
          fact(t('wk.evidence_link'), c.evidence_link ? h('a', { href: c.evidence_link, rel: 'noopener noreferrer', target: '_blank' }, c.evidence_link) : null),
          fact(t('wk.evidence_files'), fileList.length ? h('ul', { class: 'files' }, fileList.map((f) => h('li', {},
            h('a', { href: '/api/v1/evidence/' + f.id, 'data-file': f.name }, f.name), ' ', h('span', { class: 'muted small' }, `${num(Math.ceil(f.size / 1024))} KiB`)))) : null),
          fact(t('wk.delivered_on'), c.delivered_on),
          fact(t('wk.confirmed_on'), c.confirmed_on ? `${c.confirmed_on} · ${c.confirmed_by || ''}` : null, 'confirmed_on'))))));
}

// Marks delivered: the value delivered and the evidence (text, link, file); the file goes up
// first, so a delivery whose only evidence is the file passes the API's evidence rule.
async function deliverForm(ctx, c, path) {
  const { t } = ctx;
  const saved = await ctx.ui.openForm({
    title: t('wk.a_deliver'),
    submitLabel: t('wk.a_deliver'),
    fields: [
      { name: 'delivered_value', label: t('wk.delivered_value') + ` (${c.measure})`, type: 'number', min: 0, step: 1,
        value: c.delivered_value || c.target_value, required: true },
      { name: 'evidence', label: t('wk.evidence'), type: 'textarea', value: c.evidence, help: t('wk.evidence_help') },
      { name: 'evidence_link', label: t('wk.evidence_link'), type: 'url', value: c.evidence_link, placeholder: 'https://' },
      { name: 'file', label: t('wk.evidence_file'), type: 'file', help: t('wk.file_help') },
    ],
    onSubmit: async (v) => {
      const file = v.file && v.file[0];
      if (!file && !v.evidence && !v.evidence_link) {
        throw Object.assign(new Error(t('wk.evidence_needed')), { field: 'evidence' });
      }
      if (file) {
        const fd = new FormData();
        fd.append('file', file, file.name);
        await ctx.apiForm(path + '/evidence', fd);
      }
      return ctx.api('PATCH', path, { status: 'delivered', delivered_value: v.delivered_value,
        evidence: v.evidence ?? '', evidence_link: v.evidence_link ?? '' });
    },
  });
  if (saved) { ctx.ui.toast(t('wk.delivered')); ctx.reload(); }
}

async function reasonForm(ctx, path, title, body, msg) {
  const { t } = ctx;
  const saved = await ctx.ui.openForm({
    title, submitLabel: title,
    fields: [{ name: 'reason', label: t('wk.reason'), type: 'textarea', required: true }],
    onSubmit: (v) => ctx.api('PATCH', path, { ...body, reason: v.reason }),
  });
  if (saved) { ctx.ui.toast(msg); ctx.reload(); }
}

async function remove(ctx, c, path) {
  if (!await ctx.ui.confirmBox(ctx.t('wk.delete_commitment', { title: c.title }), ctx.t('wk.delete'))) return;
  try { await ctx.api('DELETE', path); ctx.ui.toast(ctx.t('wk.deleted')); ctx.navigate('#/commitments'); } catch (e) { ctx.ui.toast(e.message, 'bad'); }
}

// ---- the form: a new commitment (from a need, or for a task) or a change ------------------

// opts: {need} fills target, task and title from a need; {commitment} edits it. A unit's
// commitments are its own unit's, for the targets of its groups in the round.
export async function commitmentForm(ctx, m, tasks, opts) {
  const { t } = ctx;
  const c = opts.commitment || null;
  const need = opts.need || null;
  const unitUser = createScope(ctx.user) === 'unit';
  const targets = ownTargets(ctx, m);
  let needs = [];
  if (!c) {
    const q = need ? '?target=' + encodeURIComponent(need.target) : '';
    needs = (await ctx.api('GET', '/needs' + q + (q ? '&' : '?') + 'limit=1000').catch(() => ({ items: [] }))).items;
  }
  const round = m.round;
  const fields = c ? [
    { name: 'title', label: t('wk.title'), required: true, value: c.title },
    { name: 'target_value', label: t('wk.target_value') + ` (${c.measure})`, type: 'number', min: 1, step: 1, required: true, value: c.target_value },
    { name: 'delivered_value', label: t('wk.delivered_value'), type: 'number', min: 0, step: 1, value: c.delivered_value },
    { name: 'due', label: t('wk.due'), type: 'date', required: true, value: c.due },
  ] : [
    { name: 'target', label: t('wk.target'), type: 'select', required: true, value: need ? need.target : (targets.length === 1 ? targets[0].adcode : ''),
      options: targetOptions(ctx, targets) },
    unitUser ? null : { name: 'unit', label: t('wk.unit'), type: 'select', required: true, options: unitOptions(ctx, m.units) },
    { name: 'task', label: t('wk.task'), type: 'select', required: true, value: need ? need.task : '', options: taskOptions(ctx, tasks) },
    { name: 'need', label: t('wk.need'), type: 'select', value: need ? need.id : '', help: t('wk.need_help'),
      options: needs.map((x) => ({ value: x.id, label: `${x.id} · ${targetName(m, x.target)} · ${x.title}` })) },
    { name: 'title', label: t('wk.title'), required: true, value: need ? need.title : '' },
    { name: 'measure', label: t('wk.measure'), type: 'select', required: true, value: '',
      options: MEASURES.map((x) => ({ value: x, label: x })), help: t('wk.measure_help') },
    { name: 'target_value', label: t('wk.target_value'), type: 'number', min: 1, step: 1, required: true },
    { name: 'due', label: t('wk.due'), type: 'date', required: true, min: round ? round.start : null, max: round ? round.end : null,
      help: round ? t('wk.due_help', { start: round.start, end: round.end }) : null },
  ].filter(Boolean);
  const done = ctx.ui.openForm({
    title: c ? t('wk.edit_commitment', { id: c.id }) : t('wk.add_commitment'),
    submitLabel: c ? t('ui.save') : t('wk.add_commitment'),
    fields,
    onSubmit: (v) => {
      if (c) return ctx.api('PATCH', '/commitments/' + c.id, v);
      const body = { ...v, need: v.need ? Number(v.need) : null };
      if (unitUser) body.unit = ctx.user.unit;
      if (round) body.round = round.name;
      return ctx.api('POST', '/commitments', body);
    },
  });
  // choosing a need fills the task and title
  const f = document.querySelector('dialog.modal:last-of-type form');
  if (f && f.elements.need) {
    f.elements.need.addEventListener('change', () => {
      const x = needs.find((n) => String(n.id) === f.elements.need.value);
      if (!x) return;
      f.elements.target.value = x.target;
      f.elements.task.value = x.task;
      if (!f.elements.title.value) f.elements.title.value = x.title;
    });
  }
  const saved = await done;
  if (saved) {
    ctx.ui.toast(c ? t('wk.saved') : t('wk.commitment_added', { id: saved.id }));
    ctx.navigate('#/commitments/' + saved.id);
  }
}
