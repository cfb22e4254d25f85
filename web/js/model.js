// model: the records a page needs, read from the API list endpoints (only what the signed-in
// role may read: the API filters) and joined in the browser for display: a target's group,
// a group's lead and members, cadres per group and unit. Cached for a few seconds so moving
// between pages does not refetch; invalidate() after a write.
import { apiAll } from './api.js';
import { today } from './ui.js';

let cache = null;          // a promise of the joined records (shared while in flight)
let cachedAt = 0;
const TTL = 20000;

export function invalidate() { cache = null; }

// The round running today (start ≤ today ≤ end), else the latest by start.
export function currentRound(rounds, day = today()) {
  const sorted = rounds.slice().sort((a, b) => (a.start < b.start ? 1 : -1));
  return sorted.find((r) => r.start <= day && day <= r.end) || sorted[0] || null;
}

// A cadre on post on day: started, and not yet left.
export function onPost(c, day = today()) {
  return c.start <= day && !(c.actual_end && c.actual_end <= day);
}

// Everything joined: {rounds, round, targets, units, groups, members, cadres, indicators,
//   target(adcode), unit(code), group(id), groupOf(adcode) (this round's), membersOf(groupId)
//   (lead first), cadresOf(groupId), cadresOfUnit(code), groupsOfUnit(code),
//   indicatorsOf(scope), latest(scope, name)}
export function load(force) {
  if (!force && cache && Date.now() - cachedAt < TTL) return cache;
  cachedAt = Date.now();
  const p = fetchAll();
  cache = p;
  p.catch(() => { if (cache === p) cache = null; });
  return p;
}

async function fetchAll() {
  const [rounds, targets, units, groups, members, cadres, indicators] = await Promise.all(
    ['rounds', 'targets', 'units', 'groups', 'members', 'cadres', 'indicators'].map((p) => apiAll('/' + p)));
  const by = (rows, key) => new Map(rows.map((r) => [r[key], r]));
  const multi = (rows, key) => {
    const m = new Map();
    for (const r of rows) { if (!m.has(r[key])) m.set(r[key], []); m.get(r[key]).push(r); }
    return m;
  };
  const round = currentRound(rounds);
  const tmap = by(targets, 'adcode'), umap = by(units, 'code'), gmap = by(groups, 'id');
  const membersBy = multi(members, 'group'), cadresBy = multi(cadres, 'group');
  const cadresByUnit = multi(cadres, 'unit'), membersByUnit = multi(members, 'unit');
  const indBy = multi(indicators, 'scope');
  const groupBy = new Map();
  for (const g of groups) if (!round || g.round === round.name) groupBy.set(g.target, g);
  const roleOrder = (m) => (m.role === 'lead' ? 0 : 1);
  return {
    rounds, round, targets, units, groups, members, cadres, indicators,
    target: (a) => tmap.get(a), unit: (c) => umap.get(c), group: (id) => gmap.get(id),
    groupOf: (adcode) => groupBy.get(adcode) || null,
    membersOf: (gid) => (membersBy.get(gid) || []).slice().sort((a, b) => roleOrder(a) - roleOrder(b) || (a.unit < b.unit ? -1 : 1)),
    leadOf: (gid) => (membersBy.get(gid) || []).find((m) => m.role === 'lead') || null,
    cadresOf: (gid) => cadresBy.get(gid) || [],
    cadresOfUnit: (code) => cadresByUnit.get(code) || [],
    membershipsOf: (code) => membersByUnit.get(code) || [],
    indicatorsOf: (scope) => indBy.get(scope) || [],
    latest: (scope, name) => (indBy.get(scope) || []).filter((i) => i.name === name)
      .sort((a, b) => b.year - a.year)[0] || null,
  };
}
