// i18n: the labels of the UI in Chinese (default) and English. One catalogue per language
// (web/i18n/zh.js, en.js); the choice is remembered in localStorage.
import zh from '../i18n/zh.js';
import en from '../i18n/en.js';

const catalogues = { zh, en };
const KEY = 'bangfu.lang';
let lang = 'zh';
try { lang = catalogues[localStorage.getItem(KEY)] ? localStorage.getItem(KEY) : 'zh'; } catch { /* private mode */ }

// t('nav.overview') → '总览'; t('x.count', {n: 3}) fills {n}. A missing key falls back to
// Chinese, then to the key itself (so a missing label shows, not a blank).
export function t(key, vars) {
  let s = catalogues[lang][key] ?? catalogues.zh[key] ?? key;
  if (vars) s = s.replace(/\{(\w+)\}/g, (m, k) => (vars[k] ?? m));
  return s;
}

// t with a fallback: the label of an enum value or code, e.g. tv('rank', 'section').
export function tv(prefix, value) {
  if (value === null || value === undefined || value === '') return '';
  const k = `${prefix}.${value}`;
  const s = catalogues[lang][k] ?? catalogues.zh[k];
  return s ?? String(value);
}

export function getLang() { return lang; }

export function setLang(l) {
  if (!catalogues[l]) return;
  lang = l;
  try { localStorage.setItem(KEY, l); } catch { /* private mode */ }
  document.documentElement.lang = l === 'zh' ? 'zh-CN' : 'en';
}

// The record's name in the chosen language (name_zh / name_en), Chinese when English is empty.
export function nameOf(rec) {
  if (!rec) return '';
  return (lang === 'en' && rec.name_en) ? rec.name_en : (rec.name_zh || rec.name || '');
}

// Locale for numbers and dates.
export function locale() { return lang === 'zh' ? 'zh-CN' : 'en-GB'; }
