// can: what the signed-in user may do, from the capabilities GET /api/v1/session returns (the
// server computes them with core/access and its route table). Pages ask these, never role
// names: the policy lives on the server alone.
//   may(user, 'check')        whether it may call an endpoint beyond the records (check,
//                             reports, import, audit, users, plans, plan)
//   reads(user, 'cadres')     which records of a kind it reads: 'none', 'unit', 'target', 'all'
//   writes(user, 'cadres')    which it writes, in the same words
//   rotationWindow(user)      days before a term's end in which its unit names a successor
//                             (the server's --rotation-window), 0 when not offered
//   cycle(user, 'decide')     what it may do in the reporting cycle (reports, periods)
export function may(user, action) {
  return !!(user && user.can && user.can.actions && user.can.actions[action]);
}

function scope(user, kind, what) {
  const r = user && user.can && user.can.records && user.can.records[kind];
  return (r && r[what]) || 'none';
}

export function reads(user, kind) { return scope(user, kind, 'read'); }
export function writes(user, kind) { return scope(user, kind, 'write'); }

export function rotationWindow(user) {
  const r = user && user.can && user.can.rotation;
  return (r && Number(r.window)) || 0;
}

// cycle(user, 'decide'): what the session may do in the reporting cycle (docs/cycle.md): 'read'
// gives the scope ('none' when the server has no cycle), the others are booleans (create,
// submit, decide, reopen, periods_edit).
export function cycle(user, what) {
  const c = user && user.can && user.can.cycle;
  if (what === 'read') return (c && c.read) || 'none';
  return !!(c && c[what]);
}

// caps(user, 'assessments'): what the session says the user may do with a part of the
// programme beyond the records, e.g. {read: 'unit', create: false, grade: false} for the
// assessments; {} when the server offers no such part.
export function caps(user, part) {
  return (user && user.can && user.can[part]) || {};
}
