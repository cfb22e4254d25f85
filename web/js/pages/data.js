// data: bringing spreadsheets in and out. Import (admin): CSV files are first previewed with
// POST /api/v1/import?dry_run=1, which writes nothing and lists every error with its file,
// line and column; only a clean preview enables the real import. Export: any record list or
// report as CSV for Excel. For admins the accounts (GET/POST/PATCH /api/v1/users), and for
// admins and auditors the audit trail with its filters and each change's before and after.
import { useCss, loadRefs, unitLabel, targetLabel } from './common.js';
import { may } from '../can.js';
import { usersTab } from './accounts.js';

const ENTITIES = ['rounds', 'targets', 'units', 'groups', 'members', 'cadres', 'indicators'];
const REPORTS = ['summary', 'coverage', 'groups', 'cadres', 'rotations', 'shares', 'indicators'];
const REPORTS_CSV = ['coverage', 'groups', 'cadres', 'rotations', 'shares', 'indicators'];
const AUDIT_ENTITIES = ['round', 'target', 'unit', 'grp', 'member', 'cadre', 'indicator', 'account', 'import'];

// The tabs the user may use, from the session's capabilities (can.js).
function tabsFor(user) {
  const tabs = [];
  if (may(user, 'import')) tabs.push('import');
  tabs.push('export');
  if (may(user, 'users')) tabs.push('users');
  if (may(user, 'audit')) tabs.push('audit');
  return tabs;
}

export async function render(el, ctx, params) {
  useCss();
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const tabs = tabsFor(ctx.user);
  const tab = tabs.includes(params.tab) ? params.tab : tabs[0];
  const panel = h('div', { class: 'tab-panel', role: 'tabpanel', id: 'data-panel', 'aria-labelledby': 'tab-' + tab });
  const bar = h('div', { class: 'tabs', role: 'tablist', 'aria-label': t('dt.sections') },
    tabs.map((x) => h('button', { type: 'button', role: 'tab', id: 'tab-' + x, 'data-tab': x, 'aria-selected': String(x === tab),
      'aria-controls': 'data-panel', tabindex: x === tab ? '0' : '-1',
      onclick: () => ctx.navigate('#/data?tab=' + x),
      onkeydown: (e) => {
        const i = tabs.indexOf(x) + (e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0);
        if (i !== tabs.indexOf(x) && tabs[i]) { e.preventDefault(); ctx.navigate('#/data?tab=' + tabs[i]); }
      } }, t('dt.tab_' + x))));
  mount(el, h('div', { class: 'page-head' }, h('h1', {}, t('dt.title'))), bar, panel);
  const draw = { import: importTab, export: exportTab, users: usersTab, audit: auditTab }[tab];
  await draw(panel, ctx, params);
  const sel = bar.querySelector('[aria-selected="true"]');
  if (params.tab && sel && document.activeElement === document.body) sel.focus();
}

// ---- import ---------------------------------------------------------------------------------

function importTab(el, ctx) {
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const input = h('input', { type: 'file', id: 'import-files', name: 'files', multiple: true, accept: '.csv,text/csv' });
  const result = h('div', { class: 'import-result', 'aria-live': 'polite' });
  const previewBtn = h('button', { type: 'button', class: 'primary', 'data-action': 'preview', onclick: preview }, t('dt.preview'));
  const commitBtn = h('button', { type: 'button', 'data-action': 'commit', disabled: true, onclick: commit }, t('dt.commit'));
  let checked = null;   // the files of the last clean preview

  const form = () => {
    const fd = new FormData();
    for (const f of input.files) fd.append('files', f, f.name);
    return fd;
  };
  input.addEventListener('change', () => { checked = null; commitBtn.disabled = true; result.replaceChildren(); });

  function rowsTable(imported, caption) {
    return h('table', { class: 'data import-rows' }, h('caption', {}, caption),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('dt.file')), h('th', { scope: 'col', class: 'num' }, t('dt.rows')))),
      h('tbody', {}, Object.entries(imported).map(([f, n]) => h('tr', {}, h('td', { 'data-label': t('dt.file') }, f), h('td', { class: 'num', 'data-label': t('dt.rows') }, String(n))))));
  }

  function errorsTable(e) {
    // the server's structured problems: {file, line, column, field, message, message_zh}
    const rows = Array.isArray(e.details && e.details.problems) ? e.details.problems : [{ message: e.message }];
    const text = (r) => (ctx.lang === 'en' ? r.message : r.message_zh || r.message);
    return h('div', { class: 'error', role: 'alert', 'data-errors': String(rows.length) },
      h('strong', {}, t('dt.errors', { n: rows.length })),
      h('p', {}, t('dt.nothing_written')),
      h('div', { class: 'scroll' }, h('table', { class: 'data import-errors' },
        h('thead', {}, h('tr', {}, [t('dt.file'), t('dt.line'), t('dt.column'), t('dt.message')].map((x) => h('th', { scope: 'col' }, x)))),
        h('tbody', {}, rows.map((r) => h('tr', { 'data-line': r.line == null ? '' : String(r.line), 'data-column': r.field || '' },
          h('td', { 'data-label': t('dt.file') }, r.file || ''), h('td', { class: 'num', 'data-label': t('dt.line') }, r.line == null ? '–' : String(r.line)),
          h('td', { 'data-label': t('dt.column') }, r.field || '–'), h('td', { 'data-label': t('dt.message') }, text(r))))))));
  }

  async function preview() {
    if (!input.files.length) { mount(result, h('p', { class: 'bad-text' }, t('dt.pick_files'))); input.focus(); return; }
    previewBtn.disabled = true;
    commitBtn.disabled = true;
    checked = null;
    mount(result, ui.loading());
    try {
      const res = await ctx.apiForm('/import?dry_run=1', form());
      checked = [...input.files];
      mount(result, h('div', { class: 'ok-box', 'data-preview': 'ok' },
        h('p', { class: 'ok-text' }, t('dt.preview_ok')), rowsTable(res.imported || {}, t('dt.would_import'))));
      commitBtn.disabled = false;
      commitBtn.focus();
    } catch (e) {
      mount(result, e.status === 400 || e.status === 422 ? errorsTable(e) : ui.errorBox(e));
    } finally {
      previewBtn.disabled = false;
    }
  }

  async function commit() {
    if (!checked || checked.length !== input.files.length || checked.some((f, i) => f !== input.files[i])) { commitBtn.disabled = true; return; }
    const ok = await ui.confirmBox(t('dt.commit_confirm', { n: checked.length }), t('dt.commit'));
    if (!ok) return;
    commitBtn.disabled = true;
    try {
      const res = await ctx.apiForm('/import', form());
      mount(result, h('div', { 'data-imported': 'ok' }, h('p', { class: 'ok-text' }, t('dt.imported')), rowsTable(res.imported || {}, t('dt.imported_rows'))));
      ui.toast(t('dt.imported'));
      checked = null;
    } catch (e) {
      mount(result, e.status === 400 ? errorsTable(e) : ui.errorBox(e));
    }
  }

  mount(el,
    h('section', { class: 'panel' },
      h('h2', {}, t('dt.import_title')),
      h('p', { class: 'muted' }, t('dt.import_intro')),
      h('div', { class: 'field' }, h('label', { for: 'import-files' }, t('dt.files')), input,
        h('small', { class: 'help' }, t('dt.files_help'))),
      h('div', { class: 'actions' }, previewBtn, commitBtn),
      result));
}

// ---- export ---------------------------------------------------------------------------------

// Every record of a list as one CSV file. The API answers at most 10000 records a request, so
// larger tables come in pages whose header lines (after the first) are dropped. (The page size
// can be lowered for a test through sessionStorage 'bangfu.exportPage'.)
async function exportAll(ctx, entity) {
  const PAGE = Number(sessionStorage.getItem('bangfu.exportPage')) || 10000;
  const total = (await ctx.api('GET', `/${entity}?limit=1`)).total;
  const parts = ['\uFEFF'];
  for (let off = 0; off === 0 || off < total; off += PAGE) {
    const res = await fetch(`/api/v1/${entity}?format=csv&limit=${PAGE}&offset=${off}`,
      { headers: { Accept: 'text/csv' }, credentials: 'same-origin' });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    const text = (await res.text()).replace(/^\uFEFF/, '');
    parts.push(off === 0 ? text : text.replace(/^[^\n]*\n/, ''));
  }
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob(parts, { type: 'text/csv;charset=utf-8' }));
  a.download = `${entity}.csv`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

function exportTab(el, ctx) {
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const reader = may(ctx.user, 'reports');
  const btn = (get, file, label) => h('button', { type: 'button', 'data-export': file,
    onclick: async (e) => {
      e.target.disabled = true;
      try { await get(); } catch (err) { ui.toast(err.message, 'bad'); } finally { e.target.disabled = false; }
    } }, label);
  mount(el,
    h('section', { class: 'panel' },
      h('h2', {}, t('dt.export_title')),
      h('p', { class: 'muted' }, reader ? t('dt.export_intro') : t('dt.export_intro_scoped')),
      h('ul', { class: 'export-list' }, ENTITIES.map((x) => h('li', {},
        btn(() => exportAll(ctx, x), `${x}.csv`, t('dt.entity_' + x)), ' ', h('span', { class: 'muted small' }, `${x}.csv`))))),
    reader ? h('section', { class: 'panel' },
      h('h2', {}, t('dt.reports_title')),
      h('ul', { class: 'export-list' }, REPORTS.filter((r) => REPORTS_CSV.includes(r)).map((r) => h('li', {},
        btn(() => ctx.downloadCsv(`/reports/${r}`, `report-${r}.csv`), `report-${r}.csv`, t('dt.report_' + r)), ' ',
        btn(() => ctx.downloadCsv(`/reports/${r}`, `report-${r}.xlsx`, 'xlsx'), `report-${r}.xlsx`, 'XLSX'))))) : null);
}

// ---- audit ----------------------------------------------------------------------------------

// The columns that differ between before and after: [{key, before, after}].
function diff(before, after) {
  const keys = [...new Set([...Object.keys(before || {}), ...Object.keys(after || {})])];
  const show = (v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return keys.filter((k) => show((before || {})[k]) !== show((after || {})[k]))
    .map((k) => ({ key: k, before: show((before || {})[k]), after: show((after || {})[k]) }));
}

// The page of the record an audit row is about (while it exists), or null.
function auditHref(r) {
  if (!r.key || r.action === 'delete') return null;
  const path = { target: 'targets', unit: 'units', grp: 'groups', cadre: 'cadres' }[r.entity];
  if (path) return `#/${path}/${encodeURIComponent(r.key)}`;
  if (r.entity === 'member') return `#/groups/${encodeURIComponent(r.key.split(',')[0])}`;
  return null;
}

async function auditTab(el, ctx, params) {
  const { t, ui } = ctx;
  const { h, mount } = ui;
  const f = { user: params.user || '', entity: params.entity || '', from: params.from || '', to: params.to || '' };
  const q = new URLSearchParams(Object.entries(f).filter(([, v]) => v));
  const res = await ctx.api('GET', '/audit' + (q.toString() ? '?' + q : ''));
  if (!ctx.current()) return;
  const form = h('form', { class: 'filters audit-filters', onsubmit: (e) => {
    e.preventDefault();
    const p = new URLSearchParams({ tab: 'audit' });
    for (const k of ['user', 'entity', 'from', 'to']) if (form.elements[k].value) p.set(k, form.elements[k].value);
    ctx.navigate('#/data?' + p);
  } },
  h('label', {}, t('au.user'), h('input', { name: 'user', value: f.user, autocomplete: 'off' })),
  h('label', {}, t('au.entity'), h('select', { name: 'entity' }, h('option', { value: '' }, t('ui.all')),
    AUDIT_ENTITIES.map((x) => h('option', { value: x, selected: x === f.entity }, t('au.e_' + x))))),
  h('label', {}, t('au.from'), h('input', { type: 'date', name: 'from', value: f.from })),
  h('label', {}, t('au.to'), h('input', { type: 'date', name: 'to', value: f.to })),
  h('button', { type: 'submit', class: 'primary' }, t('au.apply')));
  const items = res.items.slice().reverse();   // newest first
  const changes = (r) => {
    if (r.action === 'import') return h('span', { class: 'small' }, Object.entries(r.after || {}).map(([k, v]) => `${k}: ${v}`).join(', '));
    const d = r.action === 'create' ? diff({}, r.after) : r.action === 'delete' ? diff(r.before, {}) : diff(r.before, r.after);
    return h('dl', { class: 'diff' }, d.map((x) => [h('dt', {}, x.key),
      h('dd', {}, x.before !== '' ? h('del', {}, x.before) : null, x.before !== '' && x.after !== '' ? ' → ' : null, x.after !== '' ? h('ins', {}, x.after) : null)]));
  };
  const tbl = ui.table({
    rows: items,
    columns: [
      { key: 'time', label: t('au.time'), render: (r) => h('time', { datetime: r.time }, r.time.replace('T', ' ').replace(/\.\d+Z$/, 'Z')) },
      { key: 'user', label: t('au.user') },
      { key: 'action', label: t('au.action'), render: (r) => t('au.a_' + r.action) },
      { key: 'entity', label: t('au.entity'), render: (r) => t('au.e_' + r.entity) },
      { key: 'key', label: t('au.key'), render: (r) => {
        const href = auditHref(r);
        return href ? h('a', { href }, h('code', {}, r.key)) : h('code', {}, r.key || '');
      } },
      { key: 'change', label: t('au.change'), render: changes },
      { key: 'address', label: t('au.address'), class: 'small' },
    ],
  });
  mount(el, h('section', { class: 'panel audit' },
    h('h2', {}, t('au.title')),
    h('p', { class: 'muted' }, t('au.intro', { n: res.total })),
    form, tbl));
}
