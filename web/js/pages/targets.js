// targets: the 62 targets as a sortable, filterable table (#/targets) and one target's dossier
// (#/targets/{adcode}): its group, cadres and posts, the group's work for it (commitments by
// status and overdue, resources by kind, needs, policies), indicators over time and their
// change since the round's baseline, the rule findings that concern it; printable as a
// one-page brief (#/summary/{adcode} is the county's annual summary).
import { may } from '../can.js';
import { load, onPost } from '../model.js';
import { readsWork, workFigures, workCards, indicatorChange, baselineYear, statusChip, illus, listOf, STATUSES } from './work.js';

export async function render(el, ctx, params) {
  if (params.id) return dossier(el, ctx, params.id);
  return list(el, ctx);
}

function classTags(ctx, classes) {
  const { h } = ctx.ui;
  return (classes || '').split(';').filter(Boolean).map((c) => h('span', { class: 'tag' }, ctx.tv('class', c)));
}

async function list(el, ctx) {
  const { h, mount, table, optionsOf, num } = ctx.ui;
  const { t, tv } = ctx;
  const m = await load();
  if (!ctx.current()) return;
  const rows = m.targets.map((x) => {
    const g = m.groupOf(x.adcode);
    const lead = g && m.leadOf(g.id);
    const pop = m.latest(x.adcode, 'pop_resident');
    return {
      ...x, group: g, lead: lead ? m.unit(lead.unit) : null,
      nmembers: g ? m.membersOf(g.id).length : 0,
      ncadres: g ? m.cadresOf(g.id).filter((c) => onPost(c)).length : 0,
      pop: pop ? pop.value : null,
      name: ctx.lang === 'en' && x.name_en ? x.name_en : x.name_zh,
    };
  });
  const tbl = table({
    search: true,
    sort: 'adcode',
    columns: [
      { key: 'adcode', label: t('tg.adcode'), sort: true },
      { key: 'name', label: t('tg.name'), sort: true,
        render: (r) => [h('a', { href: '#/targets/' + r.adcode }, r.name), ctx.demo(r)] },
      { key: 'prefecture', label: t('tg.prefecture'), sort: true },
      { key: 'kind', label: t('tg.kind'), sort: true, render: (r) => tv('kind', r.kind), text: (r) => tv('kind', r.kind) },
      { key: 'classes', label: t('tg.classes'), render: (r) => classTags(ctx, r.classes) },
      { key: 'old_area', label: t('tg.old_area'), sort: true, render: (r) => (r.old_area ? t('ui.yes') : '') },
      { key: 'lead', label: t('tg.lead'), sort: true, value: (r) => (r.lead ? r.lead.name_zh : null),
        render: (r) => (r.group ? [r.lead ? h('a', { href: '#/units/' + r.lead.code }, ctx.lang === 'en' && r.lead.name_en ? r.lead.name_en : r.lead.name_zh) : '–', ctx.demo(r.group)]
          : h('span', { class: 'bad-text' }, t('tg.no_group'))) },
      { key: 'nmembers', label: t('tg.members'), sort: true, align: 'num' },
      { key: 'ncadres', label: t('tg.cadres'), sort: true, align: 'num' },
      { key: 'pop', label: t('tg.population'), sort: true, align: 'num', render: (r) => num(r.pop) },
    ],
    rows,
    filters: [
      { key: 'prefecture', label: t('tg.prefecture'), options: optionsOf(rows, 'prefecture') },
      { key: 'kind', label: t('tg.kind'), options: optionsOf(rows, 'kind', (v) => tv('kind', v)) },
      { key: 'classes', label: t('tg.classes'), options: optionsOf(rows, 'classes', (v) => tv('class', v)) },
      { key: 'old_area', label: t('tg.old_area'), options: [{ value: '1', label: t('ui.yes') }, { value: '0', label: t('ui.no') }] },
    ],
    onRow: (r) => ctx.navigate('#/targets/' + r.adcode),
  });
  mount(el,
    h('div', { class: 'page-head' }, h('h1', {}, t('tg.title')), h('span', { class: 'muted' }, t('tg.intro')),
      h('div', { class: 'actions' }, h('button', { type: 'button', 'data-download': 'csv', onclick: () => ctx.downloadCsv('/targets', 'targets.csv') }, t('ui.csv')),
        h('button', { type: 'button', 'data-download': 'xlsx', onclick: () => ctx.downloadCsv('/targets', 'targets.xlsx', 'xlsx') }, t('ui.xlsx')))),
    tbl);
}

// ---- the dossier ----------------------------------------------------------------------

async function findings(ctx, target, group, cadres, members) {
  if (!may(ctx.user, 'check')) return null;
  const r = await ctx.api('GET', '/check');
  const keys = new Set([target.adcode, group && group.id, ...cadres.map((c) => c.id), ...members.map((x) => x.unit)].filter(Boolean));
  const out = [];
  for (const rule of r.rules) {
    for (const it of rule.items) if (keys.has(it.key)) out.push({ rule, ...it });
  }
  return out;
}

async function dossier(el, ctx, adcode) {
  const { h, mount, table, num, date, errorBox } = ctx.ui;
  const { t, tv } = ctx;
  const m = await load();
  if (!ctx.current()) return;
  const x = m.target(adcode);
  if (!x) {
    // not in what this role may read: ask the API for the reason (403 or 404)
    await ctx.api('GET', '/targets/' + encodeURIComponent(adcode));
    return;
  }
  const name = ctx.lang === 'en' && x.name_en ? x.name_en : x.name_zh;
  const g = m.groupOf(adcode);
  const members = g ? m.membersOf(g.id) : [];
  const cadres = g ? m.cadresOf(g.id).slice().sort((a, b) => (a.start < b.start ? -1 : 1)) : [];
  const inds = m.indicatorsOf(adcode);
  const unitName = (code) => { const u = m.unit(code); return u ? (ctx.lang === 'en' && u.name_en ? u.name_en : u.name_zh) : code; };

  const facts = h('dl', { class: 'facts' },
    h('dt', {}, t('tg.adcode')), h('dd', {}, x.adcode),
    h('dt', {}, t('tg.prefecture')), h('dd', {}, x.prefecture),
    h('dt', {}, t('tg.kind')), h('dd', {}, tv('kind', x.kind)),
    h('dt', {}, t('tg.classes')), h('dd', {}, classTags(ctx, x.classes)),
    h('dt', {}, t('tg.old_area')), h('dd', {}, x.old_area ? t('ui.yes') : t('ui.no')),
    x.region ? [h('dt', {}, t('tg.region')), h('dd', {}, x.region)] : null,
    x.lon !== null && x.lon !== undefined ? [h('dt', {}, t('tg.location')), h('dd', {}, `${num(x.lat, 3)}°N, ${num(x.lon, 3)}°E`)] : null,
    x.note ? [h('dt', {}, t('tg.note')), h('dd', {}, x.note)] : null);

  const groupPanel = h('section', { class: 'panel', 'data-section': 'group' },
    h('h2', {}, t('tg.group'), ' ', g ? h('a', { href: '#/groups/' + g.id, class: 'small' }, g.id) : null, g ? ctx.demo(g) : null),
    g ? h('ul', { class: 'members' }, members.map((mb) => h('li', {},
      h('span', { class: ['tag', mb.role === 'lead' && 'lead'] }, tv('mrole', mb.role)), ' ',
      h('a', { href: '#/units/' + mb.unit }, unitName(mb.unit)), ' ', h('span', { class: 'muted small' }, mb.unit),
      ' · ', t('tg.cadres'), ' ', m.cadresOfUnit(mb.unit).filter((c) => c.group === g.id && onPost(c)).length)))
      : h('p', { class: 'bad-text' }, t('tg.no_group')),
    g && g.note ? h('p', { class: 'muted small' }, g.note) : null);

  const cadreTable = table({
    columns: [
      { key: 'name', label: t('cd.name'), sort: true, render: (c) => [h('a', { href: '#/cadres/' + c.id }, c.name), ctx.demo(c)] },
      { key: 'unit', label: t('cd.unit'), sort: true, value: (c) => unitName(c.unit) },
      { key: 'rank', label: t('cd.rank'), sort: true, render: (c) => tv('rank', c.rank) },
      { key: 'post', label: t('cd.post') },
      { key: 'start', label: t('cd.start'), sort: true },
      { key: 'planned_end', label: t('cd.planned_end'), sort: true },
      { key: 'status', label: t('cd.on_post'), value: (c) => (onPost(c) ? 0 : 1), sort: true,
        render: (c) => (onPost(c) ? h('span', { class: 'ok-text' }, t('cd.on_post')) : h('span', { class: 'muted' }, t('cd.left'), ' ', date(c.actual_end))) },
    ],
    rows: cadres,
    sort: 'start',
  });

  const indTable = table({
    columns: [
      { key: 'name', label: t('tg.indicators'), sort: true, render: (i) => tv('indicator', i.name) },
      { key: 'year', label: t('tg.year'), sort: true, align: 'num' },
      { key: 'value', label: t('tg.value'), sort: true, align: 'num', render: (i) => [num(i.value), ' ', tv('iunit', i.unit)] },
      { key: 'quality', label: t('tg.quality'), sort: true, render: (i) => [tv('quality', i.quality), ctx.demo(i)] },
      { key: 'source', label: t('tg.source'), class: 'small' },
    ],
    rows: inds,
    sort: 'name',
  });

  // indicators over time: one indicator at a time (their scales differ), chosen in a select
  const names = [...new Set(inds.map((i) => i.name))];
  names.sort((a, b) => inds.filter((i) => i.name === b).length - inds.filter((i) => i.name === a).length);
  const chartBox = h('div', { class: 'chart', role: 'img', 'aria-label': t('tg.indicators_chart') });
  const pick = h('select', { id: 'ind-pick' }, names.map((n) => h('option', { value: n }, tv('indicator', n))));
  const printName = h('strong', { class: 'print-only' });
  let chart = null;
  const draw = async () => {
    const series = inds.filter((i) => i.name === pick.value).sort((a, b) => a.year - b.year);
    printName.textContent = tv('indicator', pick.value);
    const option = {
      grid: { left: 60, right: 20, top: 20, bottom: 30 },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: series.map((i) => String(i.year)) },
      yAxis: { type: 'value', name: series[0] ? tv('iunit', series[0].unit) : '' },
      series: [{ type: series.length > 1 ? 'line' : 'bar', data: series.map((i) => i.value), barMaxWidth: 40, itemStyle: { color: '#1d4f91' } }],
      animation: false,
    };
    if (chart) chart.setOption(option, true); else chart = await ctx.ui.chart(chartBox, option);
    chartBox.setAttribute('data-chart-ready', '1');
  };
  pick.addEventListener('change', draw);

  const checksPanel = h('section', { class: 'panel', 'data-section': 'checks' }, h('h2', {}, t('tg.checks')), ctx.ui.loading());
  const work = readsWork(ctx.user, 'commitments');
  const workPanel = work ? h('section', { class: 'panel', 'data-section': 'work' }, h('h2', {}, t('wk.work_title')), ctx.ui.loading()) : null;
  const changes = indicatorChange(m, adcode);
  // a figure with its year, its quality when not official (近似, 估算, 示例) and its source on hover
  const figure = (rec, which) => (!rec ? '–' : h('span', { title: rec.source || '', 'data-figure': which, 'data-quality': rec.quality },
    num(rec.value), ' ', h('span', { class: 'muted small' }, rec.year,
      rec.quality !== 'official' ? (ctx.lang === 'en' ? [' (', tv('quality', rec.quality), ')'] : ['（', tv('quality', rec.quality), '）']) : null)));
  const changePanel = changes.length ? h('section', { class: 'panel', 'data-section': 'change' }, h('h2', {}, t('wk.ind_change')),
    h('p', { class: 'muted small' }, t('wk.ind_change_note', { year: baselineYear(m) ?? '–' })),
    table({
      columns: [
        { key: 'name', label: t('tg.indicators'), sort: true, render: (i) => tv('indicator', i.name) },
        { key: 'baseline', label: t('wk.baseline'), align: 'num', render: (i) => figure(i.baseline_rec, 'baseline') },
        { key: 'latest', label: t('wk.latest'), align: 'num', render: (i) => figure(i.latest_rec, 'latest') },
        { key: 'change_pct', label: t('wk.change'), align: 'num', sort: true, render: (i) => (i.change_pct === null ? '–'
          : h('span', { class: i.change_pct >= 0 ? 'ok-text' : 'bad-text', 'data-change': i.name }, (i.change_pct > 0 ? '+' : '') + num(i.change_pct) + '%')) },
        { key: 'province', label: t('wk.ind_province_col'), align: 'num', render: (i) => h('span', { 'data-province': i.name }, '–') },
        { key: 'unit', label: t('wk.unit_of'), render: (i) => tv('iunit', i.unit) },
      ],
      rows: changes,
    })) : null;
  // the province's change beside (report indicators, for the roles that read reports)
  if (changePanel && may(ctx.user, 'reports')) {
    ctx.api('GET', '/reports/indicators').then((r) => {
      for (const i of r.items) {
        if (i.target !== adcode || i.province_change_pct === null) continue;
        const cell = changePanel.querySelector(`[data-province="${CSS.escape(i.indicator)}"]`);
        if (cell) cell.textContent = (i.province_change_pct > 0 ? '+' : '') + num(i.province_change_pct) + '%';
      }
    }).catch(() => {});
  }

  mount(el, h('article', { class: 'dossier' },
    h('p', { class: 'print-only muted small' }, t('app.title'), ' · ', t('tg.dossier'), ' · ', t('tg.printed', { date: ctx.ui.today() })),
    h('div', { class: 'page-head' },
      h('h1', {}, name, ' ', h('span', { class: 'muted small' }, ctx.lang === 'en' ? x.name_zh : x.name_en), ctx.demo(x)),
      h('span', { class: 'muted' }, t('tg.dossier')),
      h('div', { class: 'actions' },
        h('a', { href: '#/targets', class: 'no-print' }, t('ui.back')),
        work ? h('a', { href: '#/summary/' + adcode, class: 'no-print', 'data-action': 'summary' }, t('wk.summary_link')) : null,
        h('button', { type: 'button', onclick: () => window.print() }, t('ui.print')))),
    h('div', { class: 'grid halves' },
      h('section', { class: 'panel', 'data-section': 'facts' }, h('h2', {}, x.adcode), facts),
      groupPanel),
    workPanel,
    h('section', { class: 'panel', 'data-section': 'cadres' }, h('h2', {}, t('tg.cadres_title')), cadreTable),
    h('div', { class: 'grid halves' },
      h('section', { class: 'panel', 'data-section': 'chart' }, h('h2', {}, t('tg.indicators_chart')),
        names.length ? [h('span', { class: 'no-print' }, h('label', { class: 'small muted', for: 'ind-pick' }, t('tg.indicators'), ' '), pick),
          printName, chartBox] : ctx.ui.empty()),
      checksPanel),
    changePanel,
    h('section', { class: 'panel', 'data-section': 'indicators' }, h('h2', {}, t('tg.indicators')), indTable)));

  const jobs = [];
  if (names.length) jobs.push(draw().catch(() => {}));
  if (workPanel) jobs.push(dossierWork(ctx, workPanel, m, adcode).catch((e) => mount(workPanel, h('h2', {}, t('wk.work_title')), errorBox(e))));
  jobs.push(findings(ctx, x, g, cadres, members).then((found) => {
    if (found === null) { mount(checksPanel, h('h2', {}, t('tg.checks')), h('p', { class: 'muted' }, t('tg.checks_hidden'))); return; }
    mount(checksPanel, h('h2', {}, t('tg.checks')),
      found.length ? h('ul', { class: 'rules-list' }, found.map((f) => h('li', {},
        h('span', {}, h('span', { class: 'tag' }, f.rule.tag), ' ', ctx.lang === 'en' ? f.message : (f.message_zh || f.message))))) : h('p', { class: 'ok-text' }, t('tg.checks_none')));
  }).catch((e) => mount(checksPanel, h('h2', {}, t('tg.checks')), errorBox(e))));
  await Promise.all(jobs);
}

// The group's work for the target: the figures, its commitments (overdue marked) and policies.
async function dossierWork(ctx, panel, m, adcode) {
  const { h, mount, table } = ctx.ui;
  const { t } = ctx;
  const q = 'target=' + encodeURIComponent(adcode);
  const [f, cs, ps] = await Promise.all([workFigures(ctx, adcode),
    ctx.api('GET', `/commitments?${q}&limit=500`), ctx.api('GET', `/policies?${q}&limit=100`).catch(() => ({ items: [], total: 0 }))]);
  if (!panel.isConnected) return;
  const unitName = (code) => { const u = m.unit(code); return u ? (ctx.lang === 'en' && u.name_en ? u.name_en : u.name_zh) : code; };
  mount(panel, h('h2', {}, h('a', { href: '#/commitments?' + q }, t('wk.work_title'))),
    workCards(ctx, f, adcode),
    h('h3', {}, t('wk.commitments_title')),
    table({
      sort: 'status',
      rowClass: (c) => (c.overdue ? 'overdue' : null),
      columns: [
        { key: 'title', label: t('wk.title'), sort: true, render: (c) => [h('a', { href: '#/commitments/' + c.id }, c.title), illus(ctx, c)] },
        { key: 'unit', label: t('wk.unit'), sort: true, value: (c) => unitName(c.unit) },
        { key: 'task', label: t('wk.task'), sort: true },
        { key: 'progress', label: t('wk.progress'), align: 'num', render: (c) => `${ctx.ui.num(c.delivered_value)} / ${ctx.ui.num(c.target_value)} ${c.measure}` },
        { key: 'due', label: t('wk.due'), sort: true },
        { key: 'status', label: t('wk.status'), sort: true, value: (c) => STATUSES.indexOf(c.status), render: (c) => statusChip(ctx, c) },
      ],
      rows: cs.items,
    }),
    cs.total > cs.items.length ? h('p', { class: 'muted small' }, h('a', { href: '#/commitments?' + q }, t('wk.total', { n: cs.items.length, total: cs.total }))) : null,
    ps.items.length ? [h('h3', {}, t('wk.policies_title')), h('ul', { class: 'policy-list' }, ps.items.map((p) => h('li', {},
      p.link ? h('a', { href: p.link, rel: 'noopener noreferrer', target: '_blank' }, p.title) : p.title, ' ',
      h('span', { class: 'muted small' }, [p.doc_no, p.date, unitName(p.unit)].filter(Boolean).join(' · ')), illus(ctx, p),
      listOf(p.tasks).map((c) => h('span', { class: 'tag' }, c)))))] : null);
  panel.setAttribute('data-ready', '1');
}
