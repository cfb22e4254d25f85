// periods (报告期, issue 12 §1, docs/cycle.md): each round's reporting periods with their due
// dates and their reports by status. Whoever may edit periods (the session's capability
// cycle.periods_edit) cuts a round again (monthly, quarterly, half-yearly, yearly; due N days
// after each period's end; refused by the API once the round's periods carry reports) and
// changes a period's name or due date. A round whose dates change is cut again by the server.
import { cycle } from '../can.js';
import { load } from '../model.js';
import { useCss, options } from './work.js';
import { cycleNav } from './reports.js';

export const KINDS = ['monthly', 'quarterly', 'half_yearly', 'yearly'];

export async function render(el, ctx, params) {
  useCss();
  const { h, mount } = ctx.ui;
  const { t } = ctx;
  const m = await load();
  const round = params.round || (m.round && m.round.name) || '';
  const list = await ctx.api('GET', '/periods?round=' + encodeURIComponent(round));
  if (!ctx.current()) return;
  const edit = cycle(ctx.user, 'periods_edit');
  const items = list.items;
  const kind = items.length ? items[0].kind : 'quarterly';
  const r = m.rounds.find((x) => x.name === round);
  const today = ctx.ui.today();
  const tbl = ctx.ui.table({
    rows: items,
    sort: 'start',
    rowClass: (p) => (p.start <= today && today <= p.end ? 'current' : null),
    columns: [
      { key: 'name', label: t('cy.period'), sort: true, render: (p) => h('a', { href: `#/reports?round=${encodeURIComponent(round)}&period=${p.id}` }, p.name) },
      { key: 'start', label: t('cy.start'), sort: true },
      { key: 'end', label: t('cy.end'), sort: true },
      { key: 'due', label: t('cy.due'), sort: true },
      { key: 'reports', label: t('cy.reports_n'), align: 'num', sort: true },
      ...['draft', 'submitted', 'returned', 'approved'].map((s) => ({ key: s, label: t('cy.status.' + s), align: 'num', sort: true })),
      edit ? { key: 'act', label: '', class: 'no-print', render: (p) => h('button', { type: 'button', 'data-action': 'edit-period',
        onclick: () => periodForm(ctx, p) }, t('wk.edit')) } : null,
    ].filter(Boolean),
  });
  mount(el, cycleNav(ctx, 'periods'),
    h('div', { class: 'page-head' }, h('h1', {}, t('cy.periods_title')),
      h('div', { class: 'actions' }, edit ? h('button', { type: 'button', class: 'primary', 'data-action': 'generate',
        onclick: () => generateForm(ctx, round, kind, items) }, t('cy.generate')) : null)),
    h('p', { class: 'muted' }, t('cy.periods_intro')),
    h('div', { class: 'filters work-filters' }, h('label', {}, t('cy.round'),
      h('select', { 'data-filter': 'round', onchange: (e) => ctx.navigate('#/periods?round=' + encodeURIComponent(e.target.value)) },
        options(m.rounds.map((x) => [x.name, x.name])).map((o) => h('option', { value: o.value, selected: o.value === round }, o.label))))),
    h('p', { 'data-section': 'cut' }, r ? t('cy.round_dates', { round, start: r.start, end: r.end }) : null, ' ',
      items.length ? t('cy.cut_as', { kind: t('cy.kind.' + kind), n: items.length }) : t('cy.no_periods')),
    tbl);
}

// Cuts the round again: kind and due days. The API refuses (409) once reports exist; the
// form says so before asking.
async function generateForm(ctx, round, kind, items) {
  const { t } = ctx;
  const reports = items.reduce((a, p) => a + (p.reports || 0), 0);
  const first = items[0];
  const dueDays = first ? Math.round((new Date(first.due) - new Date(first.end)) / 86400000) : 10;
  const saved = await ctx.ui.openForm({
    title: t('cy.generate_title', { round }),
    submitLabel: t('cy.generate'),
    fields: [
      { name: 'kind', label: t('cy.kind'), type: 'select', required: true, value: kind,
        options: KINDS.map((k) => ({ value: k, label: `${t('cy.kind.' + k)} (${k})` })) },
      { name: 'due_days', label: t('cy.due_days'), type: 'number', min: 0, max: 366, step: 1, required: true, value: dueDays,
        help: reports ? t('cy.generate_has_reports', { n: reports }) : t('cy.due_days_help') },
    ],
    onSubmit: (v) => ctx.api('POST', '/periods', { round, kind: v.kind, due_days: v.due_days }),
  });
  if (saved) { ctx.ui.toast(t('cy.generated', { n: saved.total })); ctx.reload(); }
}

async function periodForm(ctx, p) {
  const { t } = ctx;
  const saved = await ctx.ui.openForm({
    title: t('cy.edit_period', { name: p.name }),
    fields: [
      { name: 'name', label: t('cy.period_name'), required: true, value: p.name },
      { name: 'due', label: t('cy.due'), type: 'date', required: true, value: p.due, min: p.end },
    ],
    onSubmit: (v) => ctx.api('PATCH', '/periods/' + p.id, v),
  });
  if (saved) { ctx.ui.toast(t('cy.saved')); ctx.reload(); }
}
