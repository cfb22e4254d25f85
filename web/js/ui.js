// ui: small building blocks for the pages: an element builder, a sortable and filterable table,
// formatting, a modal form with labelled fields, error and empty states, a chart loader.
// No page logic and no API calls here.
import { t, locale } from './i18n.js';

// h('a', {href: '#/x', class: 'btn', onclick: fn}, 'text', child, [more]) → an element.
// Attributes: class, text, html is never supported (no innerHTML of data); on* get listeners;
// dataset via data-*; boolean true sets the attribute empty, false/null/undefined skips it.
export function h(tag, attrs, ...children) {
  const el = tag === 'svg' || (attrs && attrs.svg)
    ? document.createElementNS('http://www.w3.org/2000/svg', tag)
    : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false || k === 'svg') continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'class') el.setAttribute('class', Array.isArray(v) ? v.filter(Boolean).join(' ') : v);
    else if (k === 'style' && typeof v === 'object') Object.assign(el.style, v);
    else if (k === 'value' && 'value' in el) el.value = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled') el[k] = !!v;
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

// SVG elements: s('rect', {x: 1}).
export function s(tag, attrs, ...children) { return h(tag, { ...(attrs || {}), svg: true }, ...children); }

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// Empties el and puts children in.
export function mount(el, ...children) { el.replaceChildren(); append(el, children); return el; }

// ---- formatting -------------------------------------------------------------------------

export function num(v, digits) {
  if (v === null || v === undefined || v === '' || Number.isNaN(Number(v))) return '–';
  const o = digits === undefined ? {} : { minimumFractionDigits: digits, maximumFractionDigits: digits };
  return Number(v).toLocaleString(locale(), o);
}
export function pct(v, digits = 1) { return v === null || v === undefined ? '–' : num(v, digits) + '%'; }
export function date(v) { return v || '–'; }
// Days from today (local) to an ISO date; negative when past.
export function daysUntil(iso) {
  if (!iso) return null;
  const d = new Date(iso + 'T00:00:00'), now = new Date();
  now.setHours(0, 0, 0, 0);
  return Math.round((d - now) / 86400000);
}
export function today() {
  const d = new Date();
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

// ---- states ---------------------------------------------------------------------------

export function loading() { return h('p', { class: 'loading', role: 'status' }, t('ui.loading')); }
export function empty(text) { return h('p', { class: 'empty' }, text || t('ui.empty')); }

// An error as a box a user can read: the message, the field, and an import's lines.
export function errorBox(err) {
  const status = err && err.status;
  let title = t('ui.error');
  if (status === 403) title = t('ui.forbidden');
  else if (status === 404) title = t('ui.not_found');
  else if (status === 0) title = t('ui.network');
  const lines = (err && err.details && Array.isArray(err.details.errors)) ? err.details.errors : [];
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, title),
    err && err.messageZh ? h('p', {}, err.messageZh) : null,
    err && err.message ? h('p', { class: err.messageZh ? 'muted' : null }, err.message) : null,
    err && err.field ? h('p', { class: 'muted' }, t('ui.field'), ': ', err.field) : null,
    lines.length ? h('ul', { class: 'error-lines' }, lines.slice(0, 200).map((l) => h('li', {}, l))) : null);
}

// The page a role may not see (a 403 answer, or a route outside the role).
export function notAllowed() {
  return h('section', { class: 'panel notice', role: 'alert' },
    h('h1', {}, t('ui.forbidden')), h('p', {}, t('ui.forbidden_text')));
}

// ---- table ------------------------------------------------------------------------------

// table({columns, rows, filters, search, onRow, caption, empty, rowKey}) → element.
// columns: [{key, label, sort (true or compare fn), render(row) → node|text, value(row) for
//   sorting and searching, class, align: 'num'}];
// filters: [{key, label, options: [{value, label}], match(row, value)}] shown as labelled
//   selects (default match: String(row[key]) === value, or row[key] split by ';' contains it);
// search: true (or a label) adds a text box matching every column's text;
// onRow(row, event): rows become focusable and open with a click or Enter;
// rowClass(row) → a class for the row (e.g. 'overdue').
// The returned element has .update(rows) and .rows() (the rows shown, in order).
export function table(opts) {
  const { columns, filters = [], onRow } = opts;
  let rows = opts.rows || [];
  let sortKey = opts.sort || null, sortDir = opts.sortDir || 1;
  const state = {};
  const body = h('tbody');
  const count = h('span', { class: 'count', role: 'status' });
  const heads = columns.map((c) => {
    if (!c.sort) return h('th', { scope: 'col', class: c.align === 'num' ? 'num' : null }, c.label);
    const btn = h('button', { type: 'button', class: 'sort', onclick: () => sortBy(c.key) }, c.label,
      h('span', { class: 'arrow', 'aria-hidden': 'true' }));
    return h('th', { scope: 'col', 'data-key': c.key, class: c.align === 'num' ? 'num' : null }, btn);
  });
  const valueOf = (c, r) => (c.value ? c.value(r) : r[c.key]);
  const textOf = (c, r) => {
    const v = c.text ? c.text(r) : valueOf(c, r);
    return v === null || v === undefined ? '' : String(v);
  };
  const matches = (f, r, v) => {
    if (f.match) return f.match(r, v);
    const x = r[f.key];
    if (x === null || x === undefined) return false;
    return String(x) === v || String(x).split(';').includes(v);
  };
  function sortBy(key) {
    sortDir = sortKey === key ? -sortDir : 1;
    sortKey = key;
    draw();
  }
  function shown() {
    let out = rows.filter((r) => filters.every((f) => !state[f.key] || matches(f, r, state[f.key])));
    const q = (state.__q || '').trim().toLowerCase();
    if (q) out = out.filter((r) => columns.some((c) => textOf(c, r).toLowerCase().includes(q)));
    const c = columns.find((x) => x.key === sortKey);
    if (c) {
      const cmp = typeof c.sort === 'function' ? c.sort : (a, b) => {
        const x = valueOf(c, a), y = valueOf(c, b);
        if (x === y) return 0;
        if (x === null || x === undefined || x === '') return 1;
        if (y === null || y === undefined || y === '') return -1;
        return typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN');
      };
      out = out.slice().sort((a, b) => sortDir * cmp(a, b));
    }
    return out;
  }
  function draw() {
    const list = shown();
    heads.forEach((th, i) => {
      const c = columns[i];
      if (!c.sort) return;
      th.setAttribute('aria-sort', c.key === sortKey ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
    });
    body.replaceChildren(...list.map((r) => {
      const tr = h('tr', { class: opts.rowClass ? opts.rowClass(r) : null }, columns.map((c) => {
        const v = c.render ? c.render(r) : valueOf(c, r);
        return h('td', { class: [c.align === 'num' && 'num', c.class], 'data-label': c.label },
          v === null || v === undefined || v === '' ? '–' : v);
      }));
      if (onRow) {
        tr.tabIndex = 0;
        tr.classList.add('clickable');
        tr.addEventListener('click', (e) => { if (!e.target.closest('a,button,input,select')) onRow(r, e); });
        tr.addEventListener('keydown', (e) => { if (e.key === 'Enter' && e.target === tr) onRow(r, e); });
      }
      return tr;
    }));
    if (!list.length) body.append(h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, opts.empty || t('ui.empty'))));
    count.textContent = t('ui.rows', { n: list.length, total: rows.length });
    wrap.shownRows = list;
  }
  const bar = h('div', { class: 'filters' },
    opts.search ? h('label', {}, typeof opts.search === 'string' ? opts.search : t('ui.search'),
      h('input', { type: 'search', oninput: (e) => { state.__q = e.target.value; draw(); } })) : null,
    filters.map((f) => h('label', {}, f.label,
      h('select', { 'data-filter': f.key, onchange: (e) => { state[f.key] = e.target.value; draw(); } },
        h('option', { value: '' }, t('ui.all')),
        f.options.map((o) => h('option', { value: o.value }, o.label))))),
    count);
  const wrap = h('div', { class: 'table-wrap' }, bar,
    h('div', { class: 'scroll' },
      h('table', { class: 'data' }, opts.caption ? h('caption', {}, opts.caption) : null,
        h('thead', {}, h('tr', {}, heads)), body)));
  wrap.update = (r) => { rows = r; draw(); };
  wrap.rows = () => wrap.shownRows;
  draw();
  return wrap;
}

// Options for a filter from the distinct values of rows[key] (';' lists split), labelled by fn.
export function optionsOf(rows, key, label = (v) => v) {
  const set = new Set();
  for (const r of rows) for (const v of String(r[key] ?? '').split(';')) if (v !== '') set.add(v);
  return [...set].sort((a, b) => String(label(a)).localeCompare(String(label(b)), 'zh-CN'))
    .map((v) => ({ value: v, label: label(v) }));
}

// ---- modal and form ---------------------------------------------------------------------

// modal({title, body, actions}) → {el, close}; a <dialog> (Escape closes), focus inside.
export function modal({ title, body, onClose }) {
  const id = 'dlg-' + Math.random().toString(36).slice(2);
  const dlg = h('dialog', { class: 'modal', 'aria-labelledby': id },
    h('div', { class: 'modal-head' }, h('h2', { id }, title),
      h('button', { type: 'button', class: 'icon', 'aria-label': t('ui.close'), onclick: () => close() }, '×')),
    body);
  function close() { dlg.close(); }
  dlg.addEventListener('close', () => { dlg.remove(); if (onClose) onClose(); });
  document.body.append(dlg);
  dlg.showModal();
  return { el: dlg, close };
}

// A field: {name, label, type: text|number|date|select|textarea|checkbox|password|file,
//   options: [{value, label}], value, required, help, placeholder, min, max, step, multiple}.
function field(f) {
  const id = 'f-' + f.name + '-' + Math.random().toString(36).slice(2, 7);
  let input;
  const common = { id, name: f.name, required: !!f.required, 'aria-describedby': id + '-msg' };
  if (f.type === 'select') {
    input = h('select', common,
      f.required ? null : h('option', { value: '' }, '–'),
      (f.options || []).map((o) => h('option', { value: o.value, selected: String(o.value) === String(f.value ?? '') }, o.label)));
  } else if (f.type === 'textarea') {
    input = h('textarea', { ...common, rows: f.rows || 3, placeholder: f.placeholder }, f.value ?? '');
  } else if (f.type === 'checkbox') {
    input = h('input', { ...common, type: 'checkbox', checked: !!Number(f.value) || f.value === true });
  } else {
    input = h('input', { ...common, type: f.type || 'text', value: f.value ?? '', placeholder: f.placeholder,
      min: f.min, max: f.max, step: f.step, multiple: f.multiple, autocomplete: f.autocomplete, accept: f.accept });
  }
  return h('div', { class: ['field', f.type === 'checkbox' && 'check'], 'data-field': f.name },
    h('label', { for: id }, f.label, f.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    input,
    f.help ? h('small', { class: 'help' }, f.help) : null,
    h('small', { class: 'field-msg', id: id + '-msg', 'aria-live': 'polite' }));
}

// The values of a form built by form(): {name: value}; empty text → null; checkbox → 0/1;
// number → Number; file → the FileList.
export function formValues(formEl) {
  const out = {};
  for (const el of formEl.querySelectorAll('input,select,textarea')) {
    if (!el.name) continue;
    if (el.type === 'checkbox') out[el.name] = el.checked ? 1 : 0;
    else if (el.type === 'file') out[el.name] = el.files;
    else if (el.type === 'number') out[el.name] = el.value === '' ? null : Number(el.value);
    else out[el.name] = el.value === '' ? null : el.value;
  }
  return out;
}

// form({fields, submitLabel, onSubmit(values), onCancel}) → <form>. onSubmit may throw an
// ApiError: its message shows above the buttons and the field it names is marked.
export function form({ fields, submitLabel, onSubmit, onCancel, cancelLabel }) {
  const msg = h('div', { class: 'form-error', 'aria-live': 'assertive' });
  const submit = h('button', { type: 'submit', class: 'primary' }, submitLabel || t('ui.save'));
  const f = h('form', { class: 'form', novalidate: true },
    fields.map(field), msg,
    h('div', { class: 'actions' }, submit,
      onCancel ? h('button', { type: 'button', onclick: onCancel }, cancelLabel || t('ui.cancel')) : null));
  f.addEventListener('submit', async (e) => {
    e.preventDefault();
    msg.replaceChildren();
    f.querySelectorAll('[aria-invalid]').forEach((x) => x.removeAttribute('aria-invalid'));
    f.querySelectorAll('.field-msg').forEach((x) => { x.textContent = ''; });
    const missing = fields.filter((x) => x.required && x.type !== 'checkbox' && !f.elements[x.name].value);
    if (missing.length) {
      for (const x of missing) markField(f, x.name, t('ui.required'));
      f.elements[missing[0].name].focus();
      return;
    }
    submit.disabled = true;
    try {
      await onSubmit(formValues(f));
    } catch (err) {
      if (err && err.field && f.elements[err.field]) {
        markField(f, err.field, err.messageZh || err.message);
        f.elements[err.field].focus();
      }
      msg.replaceChildren(errorBox(err));
    } finally {
      submit.disabled = false;
    }
  });
  return f;
}

function markField(f, name, text) {
  const el = f.elements[name];
  if (!el) return;
  el.setAttribute('aria-invalid', 'true');
  const m = f.querySelector(`[data-field="${CSS.escape(name)}"] .field-msg`);
  if (m) m.textContent = text;
}

// openForm({title, fields, submitLabel, onSubmit}) → Promise of onSubmit's result, or null when
// cancelled. The dialog stays open while onSubmit throws (the error shows in it).
export function openForm({ title, fields, submitLabel, onSubmit }) {
  return new Promise((resolve) => {
    let done = false;
    const m = modal({ title, body: h('div'), onClose: () => { if (!done) resolve(null); } });
    const f = form({
      fields, submitLabel,
      onSubmit: async (v) => { const r = await onSubmit(v); done = true; m.close(); resolve(r); },
      onCancel: () => m.close(),
    });
    m.el.querySelector('div:last-child').replaceWith(f);
    const first = f.querySelector('input,select,textarea');
    if (first) first.focus();
  });
}

// Asks yes or no in a dialog; resolves true or false.
export function confirmBox(text, okLabel) {
  return new Promise((resolve) => {
    let ok = false;
    const yes = h('button', { type: 'button', class: 'primary', onclick: () => { ok = true; m.close(); } }, okLabel || t('ui.ok'));
    const m = modal({
      title: t('ui.confirm'),
      body: h('div', {}, h('p', {}, text), h('div', { class: 'actions' }, yes,
        h('button', { type: 'button', onclick: () => m.close() }, t('ui.cancel')))),
      onClose: () => resolve(ok),
    });
    yes.focus();
  });
}

// A short message at the bottom of the screen, read out by screen readers.
export function toast(text, kind) {
  let box = document.getElementById('toasts');
  if (!box) { box = h('div', { id: 'toasts', 'aria-live': 'polite' }); document.body.append(box); }
  const el = h('div', { class: ['toast', kind] }, text);
  box.append(el);
  setTimeout(() => el.remove(), 5000);
}

// ---- charts -----------------------------------------------------------------------------

let echartsLoad = null;
// ECharts (embedded as /vendor/echarts.min.js, a classic script), loaded on first use.
export function loadECharts() {
  if (!echartsLoad) {
    echartsLoad = new Promise((resolve, reject) => {
      if (window.echarts) { resolve(window.echarts); return; }
      const sc = h('script', { src: '/vendor/echarts.min.js', async: true });
      sc.onload = () => resolve(window.echarts);
      sc.onerror = () => { echartsLoad = null; reject(new Error('echarts')); };
      document.head.append(sc);
    });
  }
  return echartsLoad;
}

// A chart in el with the ECharts option; resizes with the window; returns the instance.
export async function chart(el, option) {
  const echarts = await loadECharts();
  if (!el.isConnected) return null;
  const c = echarts.init(el, null, { renderer: 'svg' });
  c.setOption(option);
  const ro = new ResizeObserver(() => { if (el.isConnected) c.resize(); else { ro.disconnect(); c.dispose(); } });
  ro.observe(el);
  return c;
}
