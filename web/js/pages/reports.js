// reports (组团报告, issue 12 §2-§4, docs/cycle.md): each group's report per period. The list
// filters on the server (round, period, status, prefecture), marks what is late and offers
// the office the bulk approval of the submitted reports it ticks; a report's page shows the
// figures the API counted from the work, the lead unit's narrative, each unit's paragraph,
// the attachments, and the transitions its reader may make now. What a user may do comes
// from the session's capabilities (can.js: cycle) and from the report itself (`actions`, the
// transitions; `writes`, what may be written now): never from role names.
import { cycle } from '../can.js';
import { load } from '../model.js';
import { nameOf } from '../i18n.js';
import {
  useCss, KINDS, amount, yuan, downloads, filterBar, fetchList, pagedTable, query, options, unitName,
} from './work.js';

export const STATUSES = ['draft', 'submitted', 'returned', 'approved'];
const FILTERS = ['round', 'period', 'status', 'prefecture', 'group'];

// A report's status in Chinese with the English word beside it, whatever the language.
export function statusChip(ctx, r) {
  const { h } = ctx.ui;
  return [h('span', { class: 'st cy-' + r.status, 'data-status': r.status },
    ctx.t('cy.status.' + r.status), ' ', h('span', { lang: 'en', class: 'en' }, ctx.t('cy.status_en.' + r.status))),
  r.late && (r.status === 'draft' || r.status === 'returned')
    ? h('span', { class: 'overdue-mark', 'data-late': '1', title: ctx.t('cy.late_title', { due: r.due }) }, ctx.t('cy.late')) : null,
  r.status === 'approved' ? h('span', { class: 'lock-mark', 'data-locked': '1', title: ctx.t('cy.locked_title') }, '🔒 ', ctx.t('cy.locked')) : null];
}

// The tabs of the cycle's pages: the reports, the periods.
export function cycleNav(ctx, current) {
  const { h } = ctx.ui;
  return h('nav', { class: 'subnav no-print', 'aria-label': ctx.t('nav.reports') }, h('ul', {},
    [['reports', 'nav.reports'], ['periods', 'nav.periods']].map(([k, label]) => h('li', {},
      h('a', { href: '#/' + k, 'data-subnav': k, 'aria-current': k === current ? 'page' : null }, ctx.t(label))))));
}

export async function render(el, ctx, params) {
  useCss();
  if (params.id) return detail(el, ctx, params.id);
  return list(el, ctx, params);
}

// The round a list shows: the one asked for, else the current one.
function roundOf(m, params) { return params.round || (m.round && m.round.name) || ''; }

async function list(el, ctx, params) {
  const { h, mount } = ctx.ui;
  const { t } = ctx;
  const m = await load();
  const round = roundOf(m, params);
  const q = { ...params, round };
  const qs = query(q, FILTERS);
  const [periods, lst] = await Promise.all([
    ctx.api('GET', '/periods?round=' + encodeURIComponent(round)),
    fetchList(ctx, '/group-reports', qs)]);
  if (!ctx.current()) return;
  // a period of another round (the round was changed in the filters): the round's reports
  if (q.period && !periods.items.some((p) => String(p.id) === String(q.period))) {
    ctx.navigate('#/reports?' + query({ ...q, period: '' }, FILTERS));
    return;
  }
  const decide = cycle(ctx.user, 'decide');
  const picked = new Set();
  const summary = h('div', { 'data-section': 'bulk-summary', 'aria-live': 'polite' });
  const bulk = h('button', { type: 'button', class: 'primary', 'data-action': 'bulk-approve', disabled: true,
    onclick: () => approveMany(ctx, [...picked], summary) }, t('cy.bulk_approve', { n: 0 }));
  const syncBulk = () => {
    bulk.disabled = picked.size === 0;
    bulk.textContent = t('cy.bulk_approve', { n: picked.size });
  };
  const tick = (r) => (r.status === 'submitted' ? h('input', { type: 'checkbox', 'data-pick': r.id,
    'aria-label': t('cy.pick', { id: r.id, group: r.group, period: r.period_name }), checked: picked.has(r.id),
    onchange: (e) => { if (e.target.checked) picked.add(r.id); else picked.delete(r.id); syncBulk(); } }) : null);
  const tbl = pagedTable(ctx, lst, {
    sort: 'due',
    sortDir: -1,
    rowClass: (r) => (r.late && r.status !== 'approved' && r.status !== 'submitted' ? 'overdue' : null),
    columns: [
      decide ? { key: 'pick', label: t('cy.pick_col'), render: tick } : null,
      { key: 'id', label: t('cy.id'), sort: true, align: 'num', render: (r) => h('a', { href: '#/reports/' + r.id }, r.id) },
      { key: 'group', label: t('cy.group'), sort: true, render: (r) => h('a', { href: '#/reports/' + r.id }, r.group) },
      { key: 'target_name', label: t('cy.target'), sort: true },
      { key: 'prefecture', label: t('cy.prefecture'), sort: true },
      { key: 'lead', label: t('cy.lead'), sort: true, value: (r) => unitName(m, r.lead) },
      { key: 'period_name', label: t('cy.period'), sort: true, value: (r) => r.period_name },
      { key: 'due', label: t('cy.due'), sort: true },
      { key: 'status', label: t('cy.status'), sort: true, value: (r) => STATUSES.indexOf(r.status), render: (r) => statusChip(ctx, r) },
      { key: 'contributions', label: t('cy.paragraphs'), align: 'num', sort: true },
      { key: 'attachments', label: t('cy.attachments'), align: 'num', sort: true },
      { key: 'updated', label: t('cy.updated'), sort: true, render: (r) => String(r.updated || '').slice(0, 10) },
    ].filter(Boolean),
    onRow: (r) => ctx.navigate('#/reports/' + r.id),
  });
  const prefectures = [...new Set(m.targets.map((x) => x.prefecture).filter(Boolean))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const lateN = lst.items.filter((r) => r.late && (r.status === 'draft' || r.status === 'returned')).length;
  // a group's report of a period not written yet (the inbox links #/reports?group=G&period=P)
  const missing = params.group && params.period && !lst.items.length && cycle(ctx.user, 'create')
    ? periods.items.find((p) => String(p.id) === String(params.period)) : null;
  mount(el, cycleNav(ctx, 'reports'),
    h('div', { class: 'page-head' }, h('h1', {}, t('cy.reports_title')),
      lateN ? h('span', { class: 'overdue-mark', 'data-late-count': lateN }, t('cy.late_n', { n: lateN })) : null,
      h('div', { class: 'actions' },
        cycle(ctx.user, 'create') ? h('button', { type: 'button', 'data-action': 'new-report',
          onclick: () => createForm(ctx, m, periods.items, round) }, t('cy.new_report')) : null,
        decide ? h('button', { type: 'button', 'data-action': 'pick-all', onclick: () => {
          const all = lst.items.filter((r) => r.status === 'submitted');
          const on = all.some((r) => !picked.has(r.id));
          for (const r of all) { if (on) picked.add(r.id); else picked.delete(r.id); }
          el.querySelectorAll('input[data-pick]').forEach((x) => { x.checked = picked.has(Number(x.dataset.pick)); });
          syncBulk();
        } }, t('cy.pick_all')) : null,
        decide ? bulk : null,
        downloads(ctx, '/group-reports' + (qs ? '?' + qs : ''), 'group-reports'))),
    h('p', { class: 'muted' }, t('cy.reports_intro')),
    filterBar(ctx, 'reports', q, [
      { key: 'round', label: t('cy.round'), options: options(m.rounds.map((r) => [r.name, r.name])) },
      { key: 'period', label: t('cy.period'), options: options(periods.items.map((p) => [p.id, `${p.name} (${p.start} – ${p.end})`])) },
      { key: 'status', label: t('cy.status'), options: options(STATUSES.map((s) => [s, `${t('cy.status.' + s)} ${t('cy.status_en.' + s)}`])) },
      { key: 'prefecture', label: t('cy.prefecture'), options: options(prefectures.map((p) => [p, p])) },
    ]),
    params.group ? h('p', { 'data-filter-group': params.group }, t('cy.only_group', { group: params.group }), ' ',
      h('a', { href: '#/reports?' + query({ ...q, group: '' }, FILTERS) }, t('cy.all_groups'))) : null,
    missing ? h('div', { class: 'panel', 'data-section': 'missing' }, h('p', {}, t('cy.not_yet', { group: params.group, period: missing.name, due: missing.due })),
      h('button', { type: 'button', class: 'primary', 'data-action': 'create-missing', onclick: async () => {
        try {
          const r = await ctx.api('POST', '/group-reports', { group: params.group, period: missing.id });
          ctx.navigate('#/reports/' + r.id);
        } catch (e) { ctx.ui.toast(e.messageZh || e.message, 'bad'); }
      } }, t('cy.write_it'))) : null,
    summary, tbl);
}

// Approves the ticked reports in one request: all of them, or none (the API names the first
// it refused); the summary says which.
async function approveMany(ctx, ids, summary) {
  const { h, mount } = ctx.ui;
  const { t } = ctx;
  if (!ids.length) return;
  if (!await ctx.ui.confirmBox(t('cy.bulk_confirm', { n: ids.length }), t('cy.a_approve'))) return;
  try {
    const r = await ctx.api('POST', '/group-reports/approve', { ids });
    ctx.ui.toast(t('cy.bulk_done', { n: r.approved }));
    await ctx.reload();
    const box = document.querySelector('[data-section=bulk-summary]');
    if (box) mount(box, h('div', { class: 'panel ok-panel', role: 'status', 'data-approved': r.approved },
      h('strong', {}, t('cy.bulk_done', { n: r.approved })), ' ',
      h('span', { class: 'muted' }, t('cy.bulk_ids', { ids: (r.ids || ids).join(', ') }))));
  } catch (e) {
    mount(summary, h('div', { 'data-bulk-error': '1' }, h('p', {}, h('strong', {}, t('cy.bulk_none', { n: ids.length }))), ctx.ui.errorBox(e)));
  }
}

// A new report: a group (a unit: its own groups) and a period of the round.
async function createForm(ctx, m, periods, round) {
  const { t } = ctx;
  const mine = ctx.user.unit ? new Set(m.membershipsOf(ctx.user.unit).map((x) => x.group)) : null;
  const groups = m.groups.filter((g) => g.round === round && (!mine || mine.has(g.id)));
  const today = ctx.ui.today();
  const current = periods.find((p) => p.start <= today && today <= p.end) || periods[periods.length - 1];
  const saved = await ctx.ui.openForm({
    title: t('cy.new_report'),
    submitLabel: t('cy.create'),
    fields: [
      { name: 'group', label: t('cy.group'), type: 'select', required: true, value: groups.length === 1 ? groups[0].id : '',
        options: groups.map((g) => ({ value: g.id, label: `${g.id} · ${nameOf(m.target(g.target)) || g.target}` })) },
      { name: 'period', label: t('cy.period'), type: 'select', required: true, value: current ? current.id : '',
        options: periods.map((p) => ({ value: p.id, label: `${p.name} (${p.start} – ${p.end})` })) },
    ],
    onSubmit: (v) => ctx.api('POST', '/group-reports', { group: v.group, period: Number(v.period) }),
  });
  if (saved) { ctx.ui.toast(t('cy.created', { id: saved.id })); ctx.navigate('#/reports/' + saved.id); }
}

// ---- one report ------------------------------------------------------------------------------

async function detail(el, ctx, id) {
  const { h, mount, num } = ctx.ui;
  const { t } = ctx;
  const path = '/group-reports/' + encodeURIComponent(id);
  const [m, r] = await Promise.all([load(), ctx.api('GET', path)]);
  if (!ctx.current()) return;
  const f = r.figures || {};
  const w = r.writes || {};
  const fact = (k, v, key) => [h('dt', {}, k), h('dd', { 'data-fact': key || null }, v === null || v === undefined || v === '' ? '–' : v)];
  const act = (name, label, fn, primary) => h('button', { type: 'button', class: primary ? 'primary' : null, 'data-action': name,
    onclick: async (e) => { e.target.disabled = true; try { await fn(); } finally { e.target.disabled = false; } } }, label);
  const acts = (r.actions || []).map((a) => {
    if (a === 'submit') return act('submit', t('cy.a_submit'), () => move(ctx, path, 'submit', null, t('cy.q_submit')), true);
    if (a === 'approve') return act('approve', t('cy.a_approve'), () => move(ctx, path, 'approve', null, t('cy.q_approve')), true);
    if (a === 'return') return act('return', t('cy.a_return'), () => move(ctx, path, 'return', t('cy.return_reason')));
    if (a === 'reopen') return act('reopen', t('cy.a_reopen'), () => move(ctx, path, 'reopen', t('cy.reopen_reason')));
    return null;
  });
  const card = (key, label, value, shown) => h('div', { class: 'card', 'data-fig': key, 'data-value': value ?? '' },
    h('div', { class: 'label' }, label), h('div', { class: 'value' }, shown ?? num(value)));
  const c = f.commitments || {};
  const res = f.resources || {};
  const cad = f.cadres || {};
  const figures = h('section', { class: 'panel', 'data-section': 'figures' },
    h('h2', {}, t('cy.figures')),
    h('p', { class: 'muted small' }, r.figures_frozen ? t('cy.frozen', { day: String(r.decided || '').slice(0, 10) }) : t('cy.live')),
    h('h3', {}, t('cy.f_commitments')),
    h('div', { class: 'cards small-cards' },
      card('commitments.created', t('cy.f_created'), c.created),
      card('commitments.delivered', t('cy.f_delivered'), c.delivered),
      card('commitments.confirmed', t('cy.f_confirmed'), c.confirmed),
      card('commitments.open_due', t('cy.f_open_due'), c.open_due)),
    (f.delivered_values || []).length ? h('table', { class: 'data', 'data-section': 'delivered-values' },
      h('caption', {}, t('cy.f_delivered_values')),
      h('thead', {}, h('tr', {}, h('th', {}, t('cy.f_measure')), h('th', { class: 'num' }, t('cy.f_commitments_n')), h('th', { class: 'num' }, t('cy.f_value')))),
      h('tbody', {}, f.delivered_values.map((d) => h('tr', {}, h('td', {}, d.measure), h('td', { class: 'num' }, num(d.commitments)), h('td', { class: 'num' }, num(d.value)))))) : null,
    h('h3', {}, t('cy.f_resources')),
    h('div', { class: 'cards small-cards' },
      KINDS.map((k) => card('resources.' + k, ctx.tv('wk.kind', k), (res[k] || {}).amount,
        [amount(ctx, k, (res[k] || {}).amount || 0), h('div', { class: 'note' }, t('cy.entries', { n: num((res[k] || {}).entries || 0) }))])),
      card('yuan', t('cy.f_yuan'), f.yuan, yuan(ctx, f.yuan || 0)),
      card('policies', t('cy.f_policies'), f.policies)),
    h('h3', {}, t('cy.f_cadres')),
    h('div', { class: 'cards small-cards' },
      card('cadres.arrived', t('cy.f_arrived'), cad.arrived),
      card('cadres.left', t('cy.f_left'), cad.left),
      card('cadres.on_post', t('cy.f_on_post'), cad.on_post)));
  mount(el, h('article', { class: 'report', 'data-status': r.status },
    cycleNav(ctx, 'reports'),
    h('p', { class: 'no-print' }, h('a', { href: '#/reports?period=' + r.period + '&round=' + encodeURIComponent(r.round) }, '← ', t('cy.reports_title'))),
    h('div', { class: 'page-head' },
      h('h1', {}, t('cy.report_title', { group: r.group, period: r.period_name })), statusChip(ctx, r),
      acts.length ? h('div', { class: 'actions', 'data-section': 'transitions' }, acts) : null),
    r.status === 'returned' && r.reason ? h('div', { class: 'reason', role: 'note', 'data-reason': 'returned' },
      h('strong', {}, t('cy.returned_reason'), ': '), r.reason,
      r.decided_by ? h('span', { class: 'muted small' }, ' — ', r.decided_by, ' ', String(r.decided || '').slice(0, 10)) : null) : null,
    r.status === 'draft' && r.reason ? h('div', { class: 'reason', role: 'note', 'data-reason': 'reopened' },
      h('strong', {}, t('cy.reopened_reason'), ': '), r.reason) : null,
    r.status === 'approved' ? h('p', { class: 'notice-locked', role: 'note', 'data-locked-notice': '1' },
      '🔒 ', t('cy.locked_text', { period: r.period_name, start: r.start, end: r.end })) : null,
    r.status === 'submitted' ? h('p', { class: 'muted', role: 'note' }, t('cy.submitted_text')) : null,
    h('section', { class: 'panel' }, h('dl', { class: 'facts' },
      fact(t('cy.group'), h('a', { href: '#/groups/' + encodeURIComponent(r.group) }, r.group)),
      fact(t('cy.target'), h('a', { href: '#/targets/' + r.target }, r.target_name || r.target)),
      fact(t('cy.lead'), h('a', { href: '#/units/' + r.lead }, unitName(m, r.lead))),
      fact(t('cy.period'), `${r.period_name} (${r.start} – ${r.end})`),
      fact(t('cy.due'), r.due, 'due'),
      fact(t('cy.submitted'), r.submitted ? `${String(r.submitted).slice(0, 10)} · ${r.submitted_by || ''}` : null),
      fact(t('cy.decided'), r.decided ? `${String(r.decided).slice(0, 10)} · ${r.decided_by || ''}` : null))),
    figures,
    narrative(ctx, r, path, w.narrative),
    paragraphs(ctx, m, r, path, w.contribution),
    attachments(ctx, r, path, w.attachment)));
}

// A transition: reasonLabel asks for the reason (return, reopen), else question confirms.
async function move(ctx, path, action, reasonLabel, question) {
  const { t } = ctx;
  let done;
  if (reasonLabel) {
    done = await ctx.ui.openForm({
      title: t('cy.a_' + action), submitLabel: t('cy.a_' + action),
      fields: [{ name: 'reason', label: reasonLabel, type: 'textarea', required: true, help: t('cy.reason_help') }],
      onSubmit: (v) => ctx.api('POST', `${path}/${action}`, { reason: v.reason }),
    });
  } else {
    if (!await ctx.ui.confirmBox(question, t('cy.a_' + action))) return;
    try { done = await ctx.api('POST', `${path}/${action}`); } catch (e) { ctx.ui.toast(e.messageZh || e.message, 'bad'); return; }
  }
  if (done) { ctx.ui.toast(t('cy.moved.' + action)); ctx.reload(); }
}

// A save button with its error box under a form's fields.
function saveBox(ctx, label, name, fn) {
  const { h, mount } = ctx.ui;
  const msg = h('div', { class: 'form-error', 'aria-live': 'assertive' });
  const btn = h('button', { type: 'button', class: 'primary', 'data-action': name, onclick: async () => {
    btn.disabled = true;
    msg.replaceChildren();
    try { await fn(); ctx.ui.toast(ctx.t('cy.saved')); ctx.reload(); } catch (e) { mount(msg, ctx.ui.errorBox(e)); } finally { btn.disabled = false; }
  } }, label);
  return [msg, h('div', { class: 'actions' }, btn)];
}

function narrative(ctx, r, path, writable) {
  const { h } = ctx.ui;
  const { t } = ctx;
  const text = (v) => (v ? h('p', { class: 'prose' }, v) : h('p', { class: 'muted' }, t('cy.nothing_yet')));
  if (!writable) {
    return h('section', { class: 'panel', 'data-section': 'narrative' }, h('h2', {}, t('cy.narrative')),
      h('h3', {}, t('cy.problems')), h('div', { 'data-text': 'problems' }, text(r.problems)),
      h('h3', {}, t('cy.next_steps')), h('div', { 'data-text': 'next_steps' }, text(r.next_steps)));
  }
  const box = (name, label, value) => h('div', { class: 'field' }, h('label', { for: 'n-' + name }, label),
    h('textarea', { id: 'n-' + name, name, rows: 5, 'data-edit': name }, value || ''));
  const sec = h('section', { class: 'panel editor', 'data-section': 'narrative' }, h('h2', {}, t('cy.narrative')),
    h('p', { class: 'muted small' }, t('cy.narrative_help')),
    box('problems', t('cy.problems'), r.problems), box('next_steps', t('cy.next_steps'), r.next_steps),
    saveBox(ctx, t('cy.save_narrative'), 'save-narrative', () => ctx.api('PATCH', path, {
      problems: sec.querySelector('[data-edit=problems]').value, next_steps: sec.querySelector('[data-edit=next_steps]').value })));
  return sec;
}

// The units' paragraphs: every member's as written; the reader's own unit's in a box when it
// may write it (an admin chooses the unit).
function paragraphs(ctx, m, r, path, writable) {
  const { h } = ctx.ui;
  const { t } = ctx;
  const members = m.membersOf(r.group);
  const byUnit = new Map((r.contributions || []).map((x) => [x.unit, x]));
  const units = members.length ? members.map((x) => x.unit) : [...byUnit.keys()];
  const own = ctx.user.unit && units.includes(ctx.user.unit) ? ctx.user.unit : null;
  let edit = null;
  if (writable) {
    const unitSel = own ? null : h('select', { name: 'unit', 'data-edit': 'unit', onchange: (e) => {
      area.value = (byUnit.get(e.target.value) || {}).text || '';
    } }, units.map((u) => h('option', { value: u }, `${unitName(m, u)} (${u})`)));
    const first = own || units[0];
    const area = h('textarea', { id: 'p-text', name: 'text', rows: 4, 'data-edit': 'paragraph' }, (byUnit.get(first) || {}).text || '');
    edit = h('div', { class: 'editor-box', 'data-section': 'my-paragraph' },
      h('h3', {}, own ? t('cy.my_paragraph', { unit: unitName(m, own) }) : t('cy.unit_paragraph')),
      unitSel ? h('label', {}, t('cy.unit'), ' ', unitSel) : null,
      h('div', { class: 'field' }, h('label', { for: 'p-text' }, t('cy.paragraph')), area),
      saveBox(ctx, t('cy.save_paragraph'), 'save-paragraph', () => ctx.api('POST', path + '/contribution',
        own ? { text: area.value } : { text: area.value, unit: unitSel.value })));
  }
  return h('section', { class: 'panel', 'data-section': 'paragraphs' }, h('h2', {}, t('cy.paragraphs_title')),
    h('p', { class: 'muted small' }, t('cy.paragraphs_help')),
    h('ul', { class: 'paragraphs' }, units.map((u) => {
      const x = byUnit.get(u);
      const lead = members.find((y) => y.unit === u && y.role === 'lead');
      return h('li', { 'data-unit': u }, h('strong', {}, unitName(m, u)), lead ? h('span', { class: 'muted small' }, ' ', t('cy.lead_mark')) : null,
        x ? [h('p', { class: 'prose', 'data-paragraph': u }, x.text), h('span', { class: 'muted small' }, `${String(x.updated || '').slice(0, 10)} · ${x.account || ''}`)]
          : h('p', { class: 'muted' }, t('cy.no_paragraph')));
    })),
    edit);
}

// The attachments: download with the original name (the server's Content-Disposition), upload
// one file at a time; a type or size the server refuses (415, 413) is said in a box.
function attachments(ctx, r, path, writable) {
  const { h, mount, num } = ctx.ui;
  const { t } = ctx;
  const files = r.attachments || [];
  const msg = h('div', { 'data-upload-error': '1', 'aria-live': 'assertive' });
  let up = null;
  if (writable) {
    const input = h('input', { type: 'file', id: 'att-file', name: 'file', accept: '.pdf,.docx,.xlsx,.jpg,.jpeg,.png', 'data-edit': 'attachment' });
    const btn = h('button', { type: 'button', 'data-action': 'upload', onclick: async () => {
      const file = input.files && input.files[0];
      msg.replaceChildren();
      if (!file) { mount(msg, h('p', { class: 'bad-text' }, t('cy.choose_file'))); return; }
      btn.disabled = true;
      try {
        const fd = new FormData();
        fd.append('file', file, file.name);
        await ctx.apiForm(path + '/attachments', fd);
        ctx.ui.toast(t('cy.uploaded', { name: file.name }));
        ctx.reload();
      } catch (e) {
        const title = e.status === 413 ? t('cy.too_large', { name: file.name, size: num(Math.ceil(file.size / 1024)) })
          : e.status === 415 ? t('cy.bad_type', { name: file.name }) : null;
        mount(msg, h('div', {}, title ? h('p', { class: 'bad-text', 'data-refusal': e.status }, h('strong', {}, title)) : null, ctx.ui.errorBox(e)));
      } finally { btn.disabled = false; }
    } }, t('cy.upload'));
    up = h('div', { class: 'upload' }, h('label', { for: 'att-file' }, t('cy.attach_file')), ' ', input, ' ', btn,
      h('p', { class: 'muted small' }, t('cy.attach_help')));
  }
  return h('section', { class: 'panel', 'data-section': 'attachments' }, h('h2', {}, t('cy.attachments_title')),
    files.length ? h('ul', { class: 'files' }, files.map((x) => h('li', {},
      h('a', { href: '/api/v1/report-attachments/' + x.id, download: x.name, 'data-file': x.name }, x.name), ' ',
      h('span', { class: 'muted small' }, `${num(Math.ceil(x.size / 1024))} KiB · ${x.mime} · ${x.unit || t('cy.office')} · ${String(x.created || '').slice(0, 10)}`))))
      : h('p', { class: 'muted' }, t('cy.no_attachments')),
    up, msg);
}
