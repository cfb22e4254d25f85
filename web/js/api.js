// api: the one way the web UI talks to the server (JSON under /api/v1). Keeps the CSRF token
// of the session, sends it on every write, and turns error answers into ApiError.
// Never holds business rules: whatever the UI shows, the API returned.

const BASE = '/api/v1';
let csrf = null;
let authLost = null;

// An error answer: {status, code, message, messageZh, field, details}; messageZh is the
// server's Chinese message when it gave one; details is the whole error
// object (e.g. details.errors, the FILE:LINE lines of an import), retryAfter in seconds (429).
export class ApiError extends Error {
  constructor(status, err, retryAfter) {
    super((err && err.message) || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = (err && err.code) || (status === 0 ? 'network' : 'http_' + status);
    this.field = (err && err.field) || null;
    this.messageZh = (err && err.message_zh) || null;
    this.details = err || {};
    this.retryAfter = retryAfter;
  }
}

// The CSRF token from POST or GET /api/v1/session (app.js and the login page set it).
export function setCsrf(token) { csrf = token || null; }

// fn(error) is called when an answer says the session is gone (401 outside signing in).
export function onAuthLost(fn) { authLost = fn; }

// fn() is called after every successful write (POST, PATCH, DELETE, an upload): app.js drops
// the cached record lists, so no page shows what was just changed as it was.
let wrote = null;
export function onWrite(fn) { wrote = fn; }

function url(path) {
  return path.startsWith('/api/') ? path : BASE + (path.startsWith('/') ? path : '/' + path);
}

async function send(method, path, headers, body) {
  const write = !['GET', 'HEAD'].includes(method);
  if (write && !csrf && !/\/session$/.test(path)) {
    try { setCsrf((await send('GET', '/session', {})).csrf); } catch { /* the write will say */ }
  }
  if (write && csrf) headers['X-CSRF-Token'] = csrf;
  let res;
  try {
    res = await fetch(url(path), { method, headers, body, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(0, { code: 'network', message: String(e.message || e) });
  }
  return res;
}

async function answer(res, path, method) {
  const type = res.headers.get('Content-Type') || '';
  if (res.ok) {
    if (method && !['GET', 'HEAD'].includes(method) && wrote) wrote();
    if (res.status === 204) return null;
    return type.includes('json') ? res.json() : res.text();
  }
  let err = null;
  try { err = type.includes('json') ? (await res.json()).error : null; } catch { /* none */ }
  const e = new ApiError(res.status, err, Number(res.headers.get('Retry-After')) || null);
  if (res.status === 401 && !/\/session$/.test(path) && authLost) authLost(e);
  throw e;
}

// api('GET', '/targets?limit=10') → the parsed JSON (null for 204); body is sent as JSON.
// path is under /api/v1 ('/targets' or 'targets'); a full '/api/v1/...' path works too.
export async function api(method, path, body) {
  const headers = { Accept: 'application/json' };
  let payload;
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await send(method.toUpperCase(), path, headers, payload);
  return answer(res, path, method.toUpperCase());
}

// A multipart upload (POST), e.g. apiForm('/import', formData) with CSV files.
export async function apiForm(path, formData) {
  const res = await send('POST', path, { Accept: 'application/json' }, formData);
  return answer(res, path, 'POST');
}

// The CSV of a list or report ('?format=csv' is added), saved as filename; format 'xlsx'
// downloads the spreadsheet instead.
export async function downloadCsv(path, filename, format = 'csv') {
  const p = path + (path.includes('?') ? '&' : '?') + 'format=' + format;
  const res = await send('GET', p, { Accept: format === 'xlsx' ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' });
  if (!res.ok) await answer(res, p);
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename || (path.split('?')[0].split('/').pop() + '.' + format);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 10000);
}

// Every item of a list, following offset (limit at most 10000 per request).
export async function apiAll(path) {
  const sep = path.includes('?') ? '&' : '?';
  let items = [];
  for (;;) {
    const r = await api('GET', `${path}${sep}limit=10000&offset=${items.length}`);
    items = items.concat(r.items);
    if (!r.items.length || items.length >= r.total) return items;
  }
}
