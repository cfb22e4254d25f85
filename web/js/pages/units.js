// units (帮扶单位): the assisting units as a sortable, filterable table (#/units) with the
// capacity each uses (targets assisted this round of at most 1 or 2, S8), and one unit's page
// (#/units/{code}): its groups and role in each, the cadres it sent.
import { load, onPost } from '../model.js';

export async function render(el, ctx, params) {
  const m = await load();
  if (!ctx.current()) return;
  if (params.id) return detail(el, ctx, m, params.id);
  return list(el, ctx, m);
}

const nameOf = (ctx, u) => (ctx.lang === 'en' && u.name_en ? u.name_en : u.name_zh);

// This round's memberships of a unit, with their groups and targets.
function roundMemberships(m, code) {
  return m.membershipsOf(code).map((mb) => ({ ...mb, g: m.group(mb.group) }))
    .filter((mb) => mb.g && (!m.round || mb.g.round === m.round.name));
}

function usage(ctx, used, capacity) {
  const { h } = ctx.ui;
  const over = used > capacity;
  return h('div', { class: 'usage', title: `${used}/${capacity}` },
    h('span', { class: over ? 'bad-text' : null }, `${used} / ${capacity}`, over ? ' ' + ctx.t('un.over') : ''),
    h('div', { class: ['bar', over && 'over'], 'aria-hidden': 'true' },
      h('span', { style: { width: Math.min(100, capacity ? (100 * used) / capacity : 0) + '%' } })));
}

function list(el, ctx, m) {
  const { h, mount, table, optionsOf } = ctx.ui;
  const { t, tv } = ctx;
  const rows = m.units.map((u) => {
    const ms = roundMemberships(m, u.code);
    const targets = ms.map((x) => m.target(x.g.target)).filter(Boolean);
    return {
      ...u, name: nameOf(ctx, u), used: ms.length, leads: ms.filter((x) => x.role === 'lead').length,
      targets, targetNames: targets.map((x) => x.name_zh).join('、'),
      cadresOn: m.cadresOfUnit(u.code).filter((c) => onPost(c)).length,
      state: ms.length > u.capacity ? 'over' : ms.length === u.capacity ? 'full' : 'free',
    };
  });
  mount(el,
    h('div', { class: 'page-head' }, h('h1', {}, t('un.title')), h('span', { class: 'muted' }, t('un.intro')),
      h('div', { class: 'actions' }, h('button', { type: 'button', 'data-download': 'csv', onclick: () => ctx.downloadCsv('/units', 'units.csv') }, t('ui.csv')),
        h('button', { type: 'button', 'data-download': 'xlsx', onclick: () => ctx.downloadCsv('/units', 'units.xlsx', 'xlsx') }, t('ui.xlsx')))),
    table({
      search: true,
      sort: 'code',
      columns: [
        { key: 'code', label: t('un.code'), sort: true },
        { key: 'name', label: t('un.name'), sort: true, render: (r) => [h('a', { href: '#/units/' + r.code }, r.name), ctx.demo(r)] },
        { key: 'category', label: t('un.category'), sort: true, render: (r) => tv('category', r.category), text: (r) => tv('category', r.category) },
        { key: 'strengths', label: t('un.strengths'), render: (r) => (r.strengths || '').split(';').filter(Boolean).map((x) => h('span', { class: 'tag' }, tv('strength', x))) },
        { key: 'targetNames', label: t('un.target'), sort: true,
          render: (r) => r.targets.map((x, i) => [i ? '、' : '', h('a', { href: '#/targets/' + x.adcode }, ctx.lang === 'en' && x.name_en ? x.name_en : x.name_zh)]) },
        { key: 'capacity', label: t('un.capacity'), sort: true, align: 'num' },
        { key: 'used', label: t('un.usage'), sort: true, value: (r) => r.used / Math.max(r.capacity, 1), render: (r) => usage(ctx, r.used, r.capacity) },
        { key: 'leads', label: t('un.leads'), sort: true, align: 'num' },
        { key: 'cadresOn', label: t('un.cadres'), sort: true, align: 'num' },
      ],
      rows,
      filters: [
        { key: 'category', label: t('un.category'), options: optionsOf(rows, 'category', (v) => tv('category', v)) },
        { key: 'strengths', label: t('un.strengths'), options: optionsOf(rows, 'strengths', (v) => tv('strength', v)) },
        { key: 'capacity', label: t('un.capacity'), options: optionsOf(rows, 'capacity') },
        { key: 'state', label: t('un.used'), options: [
          { value: 'free', label: t('un.free', { n: '≥1' }) }, { value: 'full', label: t('un.full') }, { value: 'over', label: t('un.over') }] },
      ],
      onRow: (r) => ctx.navigate('#/units/' + r.code),
    }));
}

function detail(el, ctx, m, code) {
  const { h, mount, table } = ctx.ui;
  const { t, tv } = ctx;
  const u = m.unit(code);
  if (!u) return ctx.api('GET', '/units/' + encodeURIComponent(code)).then(() => mount(el, ctx.ui.notAllowed()));
  const ms = roundMemberships(m, code);
  const cadres = m.cadresOfUnit(code);
  const targetName = (adcode) => { const x = m.target(adcode); return x ? (ctx.lang === 'en' && x.name_en ? x.name_en : x.name_zh) : adcode; };
  const free = u.capacity - ms.length;
  mount(el,
    h('div', { class: 'page-head' },
      h('h1', {}, nameOf(ctx, u), ' ', h('span', { class: 'muted small' }, u.code), ctx.demo(u)),
      h('span', { class: 'muted' }, ctx.lang === 'en' ? u.name_zh : u.name_en),
      h('div', { class: 'actions' }, h('a', { href: '#/units', class: 'no-print' }, t('ui.back')))),
    h('div', { class: 'grid halves' },
      h('section', { class: 'panel', 'data-section': 'facts' },
        h('dl', { class: 'facts' },
          h('dt', {}, t('un.category')), h('dd', {}, tv('category', u.category)),
          h('dt', {}, t('un.strengths')), h('dd', {}, (u.strengths || '').split(';').filter(Boolean).map((x) => h('span', { class: 'tag' }, tv('strength', x)))),
          h('dt', {}, t('un.usage')), h('dd', { 'data-usage': `${ms.length}/${u.capacity}` }, usage(ctx, ms.length, u.capacity),
            h('small', { class: 'muted' }, free > 0 ? t('un.free', { n: free }) : free === 0 ? t('un.full') : t('un.over'))),
          u.note ? [h('dt', {}, t('tg.note')), h('dd', {}, u.note)] : null)),
      h('section', { class: 'panel', 'data-section': 'groups' }, h('h2', {}, t('un.groups')),
        ms.length ? h('ul', { class: 'members' }, ms.map((mb) => h('li', {},
          h('span', { class: ['tag', mb.role === 'lead' && 'lead'] }, tv('mrole', mb.role)), ' ',
          h('a', { href: '#/targets/' + mb.g.target }, targetName(mb.g.target)), ' ',
          h('a', { href: '#/groups/' + mb.g.id, class: 'muted small' }, mb.g.id), ctx.demo(mb.g)))) : ctx.ui.empty())),
    h('section', { class: 'panel', 'data-section': 'cadres' }, h('h2', {}, t('un.cadres')),
      table({
        sort: 'start',
        columns: [
          { key: 'name', label: t('cd.name'), sort: true, render: (c) => [h('a', { href: '#/cadres/' + c.id }, c.name), ctx.demo(c)] },
          { key: 'target', label: t('un.target'), sort: true, value: (c) => { const g = m.group(c.group); return g ? targetName(g.target) : c.group; },
            render: (c) => { const g = m.group(c.group); return g ? h('a', { href: '#/targets/' + g.target }, targetName(g.target)) : c.group; } },
          { key: 'rank', label: t('cd.rank'), sort: true, render: (c) => tv('rank', c.rank) },
          { key: 'post', label: t('cd.post') },
          { key: 'start', label: t('cd.start'), sort: true },
          { key: 'planned_end', label: t('cd.planned_end'), sort: true },
          { key: 'on', label: t('cd.on_post'), value: (c) => (onPost(c) ? 0 : 1), sort: true,
            render: (c) => (onPost(c) ? h('span', { class: 'ok-text' }, t('cd.on_post')) : h('span', { class: 'muted' }, t('cd.left'), ' ', c.actual_end || '')) },
        ],
        rows: cadres,
      })));
}
