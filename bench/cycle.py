#!/usr/bin/env python3
"""bench/cycle.py: the reporting cycle's benchmark behind `make bench` (issue 12 "Performance";
docs/cycle.md). After bench/run has generated the national data set into build/bench/national
(bench/gen_national.py: 2,844 targets, one group per target with 10 to 15 units, 300,000 cadres,
the round 2023-2026 and its work), it
  1. makes build/bench/cycle.db: `bangfu init --empty`, `bangfu import` of the registry and then
     of the work (as bench/work.py), `bangfu import` of two earlier rounds (2017-2019, 2020-2022:
     the same targets, groups G17-/G20- with the same units), so that bangfu cuts every round
     into its quarterly periods (12, 12 and 13);
  2. fills the reports of all three rounds in one transaction of Python's sqlite3, row for row
     as bangfu's API writes them (app/cycle): for every group and period a group_report created
     by the bench account, 10 paragraphs (report_contribution) of 10 of the group's units, the
     report submitted, and for each step its audit row in the hash chain (app/audit's SHA-256
     over the previous hash and the fields; `bangfu audit verify` checks the whole chain
     afterwards). Attachments are left out, as the issue says: 105,228 reports and 1,052,280
     paragraphs. Then bangfu itself approves every report but those of the last period and of
     156 groups in the one before (POST /api/v1/group-reports/approve, 10,000 at a time), so
     that approved reports hold the figures bangfu froze; 3,000 reports stay submitted;
  3. starts the release build `build/bangfu serve`, signs in as an admin (the office), and runs
     `wrk -t2 -c16 -dBENCH_CYCLE_DURATION (10s) --latency` on each of: the reports list with the
     filters the office uses (round and period; round, status and prefecture), one report (a
     submitted one: its figures counted from the work on read) and, when the server has it,
     GET /api/v1/inbox (issue 12 §5) for the office and for a unit. Aim: p99 <= 100 ms each;
  4. on a copy of the database, bulk approval of the 3,000 submitted reports in one request
     (POST /api/v1/group-reports/approve), timed by the client, BENCH_CYCLE_APPROVALS (3) times
     on fresh copies; aim: <= 2 s. The peer, in the same run, on another copy: the sqlite3 shell
     doing the equivalent in one transaction (UPDATE of the 3,000 reports with their figures
     counted in SQL as json_object(...) from the same tables, the same way, and an audit row per
     report with a sha3 hash of its fields), timed as a whole process;
  5. prints p50/p99 and whether each aim is met, with the load average before each step.
Nothing is written to docs/: copy the figures to docs/performance.md by hand. The machine is
shared: compare figures of one run, and repeat.
Usage: python3 bench/cycle.py   (BENCH_CYCLE_REUSE=1 keeps the database of the last run)"""
import hashlib
import json
import os
import shutil
import sqlite3
import sys
import time
from urllib.parse import quote

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as B  # noqa: E402

B.set_name("bench/cycle")
DB = os.path.join(B.WORK, "cycle.db")
WDATA = os.path.join(B.DATA, "work")
DURATION = os.environ.get("BENCH_CYCLE_DURATION", "10s")
APPROVALS = int(os.environ.get("BENCH_CYCLE_APPROVALS", "3"))
CONTRIBUTIONS = 10
BULK = 3000
ROUNDS = [("2017-2019", "2017-01-01", "2019-12-31", "G17"),
          ("2020-2022", "2020-01-01", "2022-12-31", "G20")]
CURRENT = "2023-2026"
UNIT_USER, UNIT_PASSWORD = "benchunit", "another long enough secret 7"
ADDRESS = "127.0.0.1"
PARAGRAPH = ("本季度本单位围绕组团帮扶任务，推进产业项目落地、招商引资和人才培训，"
             "协调资金与政策支持，帮助县里解决用地、用工和市场对接等实际问题；"
             "下一步将继续跟踪项目进度，做好台账和成效评估。")


def dumps(v):
    """jansson's JSON_COMPACT | JSON_SORT_KEYS, as app/audit writes before and after."""
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


class Chain:
    """Appends audit rows as app/audit does: hash = SHA-256 over the previous hash and each
    field, each followed by 0x1F (NULL as empty)."""

    def __init__(self, cur):
        self.cur = cur
        row = cur.execute("SELECT hash FROM audit ORDER BY id DESC LIMIT 1").fetchone()
        self.prev = row[0] if row else ""
        self.rows = []

    def add(self, when, action, key, before, after):
        b = dumps(before) if before is not None else None
        a = dumps(after) if after is not None else None
        h = hashlib.sha256()
        for p in (self.prev, when, B.USER, ADDRESS, action, "group_report", key, b, a):
            h.update((p or "").encode())
            h.update(b"\x1f")
        self.prev = h.hexdigest()
        self.rows.append((when, B.USER, ADDRESS, action, "group_report", key, b, a, self.prev))
        if len(self.rows) >= 50000:
            self.flush()

    def flush(self):
        self.cur.executemany("INSERT INTO audit (time, account, address, action, entity, key, "
                             "before, after, hash) VALUES (?,?,?,?,?,?,?,?,?)", self.rows)
        self.rows = []


def import_rounds():
    """Two earlier rounds, with the current round's groups and units, through bangfu import (so
    that bangfu cuts their periods in the same transaction)."""
    folder = os.path.join(B.WORK, "tmp", "cycle-rounds")
    shutil.rmtree(folder, ignore_errors=True)
    os.makedirs(folder)
    con = sqlite3.connect(DB)
    groups = con.execute("SELECT id, target FROM grp WHERE round = ? ORDER BY id",
                         (CURRENT,)).fetchall()
    members = con.execute("SELECT m.\"group\", m.unit, m.role FROM member m JOIN grp g ON "
                          "g.id = m.\"group\" WHERE g.round = ? ORDER BY 1, 2",
                          (CURRENT,)).fetchall()
    con.close()
    with open(os.path.join(folder, "rounds.csv"), "w") as f:
        f.write("name,start,end,cycle_years,note\n")
        for name, start, end, _ in ROUNDS:
            f.write("%s,%s,%s,3,synthetic earlier round for the benchmark\n" % (name, start, end))
    with open(os.path.join(folder, "groups.csv"), "w") as f:
        f.write("id,round,target,verified,note\n")
        for name, _, _, prefix in ROUNDS:
            for gid, target in groups:
                f.write("%s-%s,%s,%s,0,\n" % (prefix, target, name, target))
    with open(os.path.join(folder, "members.csv"), "w") as f:
        f.write("group,unit,role,note\n")
        for _, _, _, prefix in ROUNDS:
            for gid, unit, role in members:
                f.write("%s-%s,%s,%s,\n" % (prefix, gid.split("-", 1)[1], unit, role))
    B.run(B.BANGFU, "--db", DB, "import", folder)


def seed():
    """Every group's report for every period of the three rounds, with 10 paragraphs, submitted:
    one transaction, rows and audit rows as bangfu's API writes them."""
    con = sqlite3.connect(DB, isolation_level=None)
    cur = con.cursor()
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("BEGIN IMMEDIATE")
    chain = Chain(cur)
    units = {}
    for g, u in cur.execute("SELECT \"group\", unit FROM member ORDER BY \"group\", role = "
                            "'member', unit"):
        units.setdefault(g, []).append(u)
    periods = cur.execute("SELECT p.id, p.round, p.\"end\" FROM period p ORDER BY p.start, "
                          "p.round").fetchall()
    groups = {}
    for gid, rnd in cur.execute("SELECT id, round FROM grp ORDER BY id"):
        groups.setdefault(rnd, []).append(gid)
    n = 0
    t0 = time.time()
    clock = 1700000000.0  # the rows' times: a second apart per report, in order
    for pid, rnd, end in periods:
        reports, contribs = [], []
        for gid in groups.get(rnd, []):
            n += 1
            clock += 1.0
            when = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(clock))
            reports.append((n, gid, pid, when + "Z", when + "Z", when + "Z"))
            chain.add(when + ".000Z", "create", str(n), None,
                      {"group": gid, "period": pid, "status": "draft"})
            for u in units[gid][:CONTRIBUTIONS]:
                contribs.append((n, u, PARAGRAPH, when + "Z"))
                chain.add(when + ".100Z", "contribute", "%d/%s" % (n, u), None,
                          {"text": PARAGRAPH, "unit": u})
            chain.add(when + ".200Z", "submit", str(n), {"status": "draft"},
                      {"figures": None, "reason": None, "status": "submitted"})
        cur.executemany("INSERT INTO group_report (id, \"group\", period, status, created, "
                        "account, updated, submitted, submitted_by) VALUES "
                        "(?, ?, ?, 'submitted', ?, 'bench', ?, ?, 'bench')", reports)
        cur.executemany("INSERT INTO report_contribution (report, unit, text, updated, account) "
                        "VALUES (?, ?, ?, ?, 'bench')", contribs)
    chain.flush()
    cur.execute("COMMIT")
    con.close()
    print("  %d reports, %d paragraphs, %d audit rows in one transaction: %.1f s"
          % (n, n * CONTRIBUTIONS, n * (CONTRIBUTIONS + 2), time.time() - t0))


def approve_history(port):
    """bangfu approves every report but the 3,000 left for the bulk approval: those of the
    current round's last period and of the first 156 groups in the period before."""
    con = sqlite3.connect(DB)
    last = con.execute("SELECT id FROM period WHERE round = ? ORDER BY start DESC LIMIT 2",
                       (CURRENT,)).fetchall()
    keep = [r[0] for r in con.execute(
        "SELECT id FROM group_report WHERE period = ? ORDER BY id", (last[0][0],))]
    keep += [r[0] for r in con.execute(
        "SELECT id FROM group_report WHERE period = ? ORDER BY id LIMIT ?",
        (last[1][0], BULK - len(keep)))]
    keep_set = set(keep)
    todo = [r[0] for r in con.execute("SELECT id FROM group_report WHERE status = 'submitted' "
                                      "ORDER BY id") if r[0] not in keep_set]
    con.close()
    c = B.Client(port).login()
    t0 = time.time()
    for i in range(0, len(todo), 10000):
        st, _, payload, _ = c.request("POST", "/api/v1/group-reports/approve",
                                      {"ids": todo[i:i + 10000]})
        if st != 200:
            B.die("approving the history failed (HTTP %d): %s" % (st, payload[:300]))
    print("  bangfu approved %d reports (10,000 a request): %.1f s" % (len(todo),
                                                                       time.time() - t0))


def make_db():
    B.rm_db(DB)
    print("bench/cycle: importing the registry and the work of %s into %s, load %s"
          % (B.DATA, DB, B.load()))
    B.run(B.BANGFU, "--db", DB, "init", "--empty")
    B.run(B.BANGFU, "--db", DB, "import", *B.REGISTRY_FILES)
    B.run(B.BANGFU, "--db", DB, "import", WDATA)
    import_rounds()
    B.add_admin(DB)
    con = sqlite3.connect(DB)
    unit = con.execute("SELECT m.unit FROM member m JOIN grp g ON g.id = m.\"group\" WHERE "
                       "g.round = ? AND m.role = 'lead' ORDER BY g.id LIMIT 1",
                       (CURRENT,)).fetchone()[0]
    con.close()
    B.run(B.BANGFU, "--db", DB, "user", "add", UNIT_USER, "--role", "unit", "--unit", unit,
          "--password-stdin", stdin=UNIT_PASSWORD + "\n")
    print("bench/cycle: filling the reports, load %s" % B.load())
    seed()
    srv, port = B.serve(DB, "cycle-serve.log")
    try:
        approve_history(port)
    finally:
        B.stop(srv)
    out = B.run(B.BANGFU, "--db", DB, "audit", "verify")
    print("  bangfu audit verify: %s" % out.strip().splitlines()[-1])


def bulk_ids(db):
    con = sqlite3.connect(db)
    ids = [r[0] for r in con.execute("SELECT id FROM group_report WHERE status = 'submitted' "
                                     "ORDER BY id")]
    con.close()
    if len(ids) != BULK:
        B.die("expected %d submitted reports, found %d" % (BULK, len(ids)))
    return ids


def fresh_copy(name):
    path = os.path.join(B.WORK, name)
    B.rm_db(path)
    con = sqlite3.connect(DB)
    dst = sqlite3.connect(path)
    con.backup(dst)  # SQLite's online backup: the same pages, WAL folded in
    dst.close()
    con.close()
    return path


# The peer: the same approval in the sqlite3 shell, one transaction: each report's figures
# counted from the same tables with the same conditions as store/cycle.c, frozen as JSON, the
# status and decision set, and one audit row per report (sha3 over its fields: the shell has
# no SHA-256; the chain's order dependence is left out).
PEER_SQL = """
BEGIN IMMEDIATE;
CREATE TEMP TABLE ids(id INTEGER PRIMARY KEY);
INSERT INTO ids VALUES %s;
CREATE TEMP TABLE fig AS
SELECT r.id AS id, json_object(
  'commitments', (SELECT json_object('created', IFNULL(sum(substr(created, 1, 10) BETWEEN p.start AND p."end"), 0),
      'delivered', IFNULL(sum(delivered_on BETWEEN p.start AND p."end"), 0),
      'confirmed', IFNULL(sum(confirmed_on BETWEEN p.start AND p."end"), 0),
      'open_due', IFNULL(sum(status IN ('planned', 'in_progress') AND due <= p."end"), 0))
    FROM commitment WHERE target = g.target AND round = g.round),
  'delivered_values', (SELECT json_group_array(json_object('measure', measure, 'commitments', n, 'value', v))
    FROM (SELECT measure, count(*) n, sum(delivered_value) v FROM commitment WHERE target = g.target
      AND round = g.round AND delivered_on BETWEEN p.start AND p."end" GROUP BY measure ORDER BY measure)),
  'resources', (SELECT json_group_object(kind, json_object('entries', n, 'sum', s))
    FROM (SELECT kind, count(*) n, sum(amount) s FROM resource WHERE target = g.target
      AND date BETWEEN p.start AND p."end" AND round = g.round GROUP BY kind ORDER BY kind)),
  'policies', (SELECT count(*) FROM policy_target pt JOIN policy y ON y.id = pt.policy
    WHERE pt.target = g.target AND y.round = g.round AND y.date BETWEEN p.start AND p."end"),
  'cadres', (SELECT json_object('arrived', IFNULL(sum(start BETWEEN p.start AND p."end"), 0),
      'left', IFNULL(sum(IFNULL(actual_end, planned_end) BETWEEN p.start AND p."end"), 0),
      'on_post', IFNULL(sum(start <= p."end" AND IFNULL(actual_end, planned_end) >= p."end"), 0))
    FROM cadre WHERE "group" = g.id)) AS figures
FROM ids JOIN group_report r ON r.id = ids.id JOIN grp g ON g.id = r."group"
  JOIN period p ON p.id = r.period;
UPDATE group_report SET status = 'approved', figures = (SELECT figures FROM fig WHERE fig.id = group_report.id),
  decided = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now'), decided_by = 'bench',
  updated = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now')
  WHERE id IN (SELECT id FROM ids) AND status = 'submitted';
INSERT INTO audit (time, account, address, action, entity, key, before, after, hash)
  SELECT strftime('%%Y-%%m-%%dT%%H:%%M:%%fZ', 'now'), 'bench', 'local', 'approve', 'group_report', id,
    '{"status":"submitted"}', json_object('figures', json(figures), 'reason', NULL, 'status', 'approved'),
    hex(sha3(id || figures, 256)) FROM fig;
COMMIT;
SELECT changes();
"""


def check_approved(path, ids, who, also):
    """Dies unless every report of ids is approved in the database at path (and matches the
    SQL condition also)."""
    con = sqlite3.connect(path)
    n = con.execute("SELECT count(*) FROM group_report WHERE status = 'approved'%s AND id IN "
                    "(%s)" % (also, ",".join(map(str, ids)))).fetchone()[0]
    con.close()
    if n != len(ids):
        B.die("%s approved %d of %d" % (who, n, len(ids)))


def peer(ids):
    path = fresh_copy("cycle-peer.db")
    sql = B.PRAGMAS + PEER_SQL % ",".join("(%d)" % i for i in ids)
    t0 = time.perf_counter()
    B.run("sqlite3", path, stdin=sql)
    secs = time.perf_counter() - t0
    check_approved(path, ids, "the peer", "")
    return secs


def approval(ids):
    """Bulk approval of the 3,000 on a fresh copy, timed by the client; returns seconds."""
    path = fresh_copy("cycle-approve.db")
    srv, port = B.serve(path, "cycle-approve-serve.log")
    try:
        c = B.Client(port).login()
        st, _, payload, ms = c.request("POST", "/api/v1/group-reports/approve", {"ids": ids})
        if st != 200:
            B.die("bulk approval failed (HTTP %d): %s" % (st, payload[:300]))
    finally:
        B.stop(srv)
    check_approved(path, ids, "bangfu", " AND figures IS NOT NULL")
    return ms / 1000.0


def verdict(ok):
    return "met" if ok else "MISSED"


def main():
    if not os.path.exists(B.BANGFU):
        B.die("build bangfu first (make)")
    if not os.path.exists(os.path.join(B.DATA, "groups.csv")):
        B.die("no national data set in %s: run bench/run first (make bench)" % B.DATA)
    print("bench/cycle: " + B.machine())
    if not (os.environ.get("BENCH_CYCLE_REUSE") == "1" and os.path.exists(DB)):
        make_db()
    ids = bulk_ids(DB)
    con = sqlite3.connect(DB)
    counts = con.execute("SELECT (SELECT count(*) FROM group_report), (SELECT count(*) FROM "
                         "report_contribution), (SELECT count(*) FROM period), (SELECT count(*) "
                         "FROM grp)").fetchone()
    cur_period, cur_name = con.execute("SELECT id, name FROM period WHERE round = ? ORDER BY start "
                                       "DESC LIMIT 1 OFFSET 1", (CURRENT,)).fetchone()
    pref = con.execute("SELECT prefecture FROM target ORDER BY adcode LIMIT 1").fetchone()[0]
    one = ids[len(ids) // 2]
    con.close()
    print("  %d reports, %d paragraphs, %d periods, %d groups (3 rounds); %d submitted"
          % (counts + (len(ids),)))
    results = []
    srv, port = B.serve(DB, "cycle-serve.log")
    try:
        admin = B.Client(port).login()
        unit = B.Client(port)
        st, cookie, payload, _ = unit.request("POST", "/api/v1/session",
                                              {"username": UNIT_USER, "password": UNIT_PASSWORD})
        if st != 200:
            B.die("unit sign-in failed (HTTP %d)" % st)
        unit_cookie = cookie.split(";")[0]
        urls = [("reports list: round + period (%s), 50 a page" % cur_name, admin.cookie,
                 "/api/v1/group-reports?round=%s&period=%d&limit=50" % (CURRENT, cur_period)),
                ("reports list: round + status + prefecture", admin.cookie,
                 "/api/v1/group-reports?round=%s&status=approved&prefecture=%s&limit=50"
                 % (CURRENT, quote(pref))),
                ("one report (submitted: figures counted on read)", admin.cookie,
                 "/api/v1/group-reports/%d" % one)]
        st, _, _, _ = admin.request("GET", "/api/v1/inbox")
        if st == 200:
            urls += [("inbox: the office", admin.cookie, "/api/v1/inbox"),
                     ("inbox: a lead unit", unit_cookie, "/api/v1/inbox")]
        else:
            print("  GET /api/v1/inbox answers %d: not on this build, left out" % st)
        for what, cookie, path in urls:
            st, _, payload, ms = admin.request("GET", path, headers={"Cookie": cookie})
            if st != 200:
                B.die("%s: HTTP %d %s" % (path, st, payload[:200]))
            print("\n%s\n  GET %s (%d bytes, first answer %.1f ms), load %s"
                  % (what, path, len(payload), ms, B.load()))
            lat, rps, n = B.wrk(port, cookie, path, DURATION, gzip=True)
            ok = lat[99] <= 100
            print("  wrk -c16 %s: p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  %.0f req/s (%d)  aim "
                  "p99 <= 100 ms: %s" % (DURATION, lat[50], lat[90], lat[99], rps, n, verdict(ok)))
            results.append(ok)
    finally:
        B.stop(srv)
    print("\nbulk approval of %d submitted reports (one request, one transaction), load %s"
          % (len(ids), B.load()))
    times = []
    for i in range(APPROVALS):
        times.append(approval(ids))
        print("  bangfu POST /api/v1/group-reports/approve: %.2f s" % times[-1])
    p = peer(ids)
    best = min(times)
    ok = max(times) <= 2.0
    results.append(ok)
    print("  peer, sqlite3 shell, the same UPDATE with figures in SQL and audit rows: %.2f s"
          % p)
    print("  bangfu median %.2f s, best %.2f s; ratio bangfu/peer %.2f; aim <= 2 s: %s"
          % (sorted(times)[len(times) // 2], best, best / p if p else 0, verdict(ok)))
    print("\nbench/cycle: %s, load %s" % ("every aim met" if all(results) else "SOME AIM MISSED",
                                          B.load()))


if __name__ == "__main__":
    main()
