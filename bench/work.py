#!/usr/bin/env python3
"""bench/work.py: the work report benchmark behind `make bench` (after bench/run, which generates
the national data set into build/bench/national, the work in its work/ folder: 12 tasks, 14,220
needs, 100,000 commitments, 1,000,000 resource entries, 20,000 policies). It
  1. makes build/bench/work.db: `bangfu init --empty`, `bangfu import` of the registry (2,844
     targets, 30,000 units, 300,000 cadres), then `bangfu import` of the work's CSV files (one
     transaction, timed: the triggers of schema v4 keep the running sums as the rows go in), and
     an admin account;
  2. starts the release build `build/bangfu serve` and signs in;
  3. times cold answers (each with another as_of, so none comes from the answer cache) of
     GET /api/v1/reports/work?by=prefecture and ?by=target, one client, BENCH_WORK_COLD (8)
     each: the report computed from the sums;
  4. runs `wrk -t2 -c16 -dBENCH_WORK_DURATION (10s) --latency` against each of the two URLs (the
     aim: p99 <= 100 ms under 16 concurrent clients), with `Accept-Encoding: gzip` as browsers
     send it (the answer is compressed once, when computed) and without;
  5. the peer, in the same run: the sqlite3 shell's GROUP BY over the base tables (commitment,
     resource joined to target) for the same sums, timed as a whole process, and checks that
     every row's commitments by status, overdue, per measure target and delivered values and
     resources per kind (count and exact sum) equal the report's;
  6. prints the figures with the load average (/proc/loadavg) before each.
Nothing is written to docs/: copy the figures to docs/performance.md by hand. The machine is
shared: compare figures of one run, and repeat.
Usage: python3 bench/work.py   (BENCH_WORK_REUSE=1 keeps the database of the last run)"""
import csv
import io
import json
import os
import shutil
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as B  # noqa: E402

B.set_name("bench/work")
WDATA = os.path.join(B.DATA, "work")
DB = os.path.join(B.WORK, "work.db")
AS_OF = "2025-06-30"
ROUND = "2023-2026"
DURATION = os.environ.get("BENCH_WORK_DURATION", "10s")
COLD = int(os.environ.get("BENCH_WORK_COLD", "8"))
STATUSES = ["planned", "in_progress", "delivered", "confirmed", "dropped"]
KINDS = ["funds", "investment", "project", "enterprise", "talent", "training"]

# The peer: the same sums by GROUP BY over the base tables. {g} is the row's key: t.prefecture
# or t.adcode.
PEER_SQL = """
SELECT 'S', {g}, c.status, count(*) FROM commitment c JOIN target t ON t.adcode = c.target
  WHERE c.round = '{r}' GROUP BY 2, 3;
SELECT 'O', {g}, '', count(*) FROM commitment c JOIN target t ON t.adcode = c.target
  WHERE c.round = '{r}' AND c.status IN ('planned', 'in_progress') AND c.due < '{d}' GROUP BY 2;
SELECT 'M', {g}, c.measure, count(*), sum(c.target_value), sum(c.delivered_value)
  FROM commitment c JOIN target t ON t.adcode = c.target
  WHERE c.round = '{r}' AND c.status <> 'dropped' GROUP BY 2, 3;
SELECT 'R', {g}, r.kind, count(*), sum(r.amount) FROM resource r JOIN target t
  ON t.adcode = r.target WHERE r.round = '{r}' GROUP BY 2, 3;
"""



def make_db():
    B.rm_db(DB)
    print("bench/work: importing the registry %s into %s" % (B.DATA, DB))
    B.run(B.BANGFU, "--db", DB, "init", "--empty")
    B.run(B.BANGFU, "--db", DB, "import", *B.REGISTRY_FILES)
    print("bench/work: importing the work (%s) with bangfu import, load %s" % (WDATA, B.load()))
    t0 = time.time()
    B.run(B.BANGFU, "--db", DB, "import", WDATA)
    secs = time.time() - t0
    counts = B.run("sqlite3", DB, "SELECT (SELECT count(*) FROM commitment), (SELECT count(*) "
                   "FROM resource), (SELECT count(*) FROM policy), (SELECT count(*) FROM need)"
                   ).strip()
    print("  loaded commitments|resources|policies|needs = %s in %.1f s (triggers keep the "
          "running sums as rows go in)" % (counts, secs))
    B.add_admin(DB)


def get(port, cookie, path):
    """One request on a new connection (the server closes idle ones), timed to its last byte."""
    c = B.Client(port)
    c.cookie = cookie
    status, _, body, ms = c.request("GET", path)
    c.conn.close()
    if status != 200:
        B.die("GET %s answered HTTP %d: %s" % (path, status, body[:300]))
    return json.loads(body), ms, len(body)


def peer(by):
    g = "t.prefecture" if by == "prefecture" else "t.adcode"
    sql = PEER_SQL.format(g=g, r=ROUND, d=AS_OF)
    t0 = time.time()
    out = B.run("sqlite3", "-csv", DB, sql)
    secs = time.time() - t0
    rows = {}
    for rec in csv.reader(io.StringIO(out)):
        kind, key = rec[0], rec[1]
        r = rows.setdefault(key, {"status": {}, "overdue": 0, "measures": {}, "res": {}})
        if kind == "S":
            r["status"][rec[2]] = int(rec[3])
        elif kind == "O":
            r["overdue"] = int(rec[3])
        elif kind == "M":
            r["measures"][rec[2]] = (int(rec[3]), int(rec[4]), int(rec[5]))
        else:
            r["res"][rec[2]] = (int(rec[3]), int(rec[4]))
    return rows, secs


def compare(report, rows):
    """The number of rows whose sums differ between the report and the peer."""
    bad = 0
    seen = set()
    for it in report["items"]:
        p = rows.get(it["key"], {"status": {}, "overdue": 0, "measures": {}, "res": {}})
        seen.add(it["key"])
        ok = all(it[s] == p["status"].get(s, 0) for s in STATUSES) and it["overdue"] == p["overdue"]
        ok = ok and {m["measure"]: (m["commitments"], m["target_value"], m["delivered_value"])
                     for m in it["measures"]} == p["measures"]
        ok = ok and all(it[k] == p["res"].get(k, (0, 0))[1] for k in KINDS)
        ok = ok and it["resource_entries"] == sum(n for n, _ in p["res"].values())
        if not ok:
            bad += 1
            if bad <= 3:
                print("  differs: %s report %s peer %s" % (it["key"], json.dumps(it)[:300], p))
    bad += len(set(rows) - seen)
    return bad


def main():
    if not os.access(B.BANGFU, os.X_OK):
        B.die(B.BANGFU + " is missing: run `make` first (or `make bench`)")
    for tool in ("sqlite3", "wrk"):
        if not shutil.which(tool):
            B.die(tool + " is missing: run scripts/install-deps")
    if not os.path.exists(os.path.join(WDATA, "resources.csv")):
        B.die(WDATA + " is missing: run sh bench/run first (it generates the data set)")
    os.makedirs(B.WORK, exist_ok=True)
    if not (os.environ.get("BENCH_WORK_REUSE") and os.path.exists(DB)):
        make_db()
    print("bench/work: " + B.machine())
    srv, port = B.serve(DB, "work-serve.log")
    try:
        cookie = B.Client(port).login().cookie
        results = {}
        for by in ("prefecture", "target"):
            path = "/api/v1/reports/work?by=%s&as_of=%s" % (by, AS_OF)
            la = B.load()
            cold = [get(port, cookie, "/api/v1/reports/work?by=%s&as_of=2025-06-%02d" %
                        (by, d + 1))[1] for d in range(COLD)]
            report, first, size = get(port, cookie, path)
            lw = B.load()
            lat, rps, n = B.wrk(port, cookie, path, DURATION, gzip=True)
            lw2 = B.load()
            lat2, rps2, n2 = B.wrk(port, cookie, path, DURATION)
            lp = B.load()
            rows, psecs = peer(by)
            bad = compare(report, rows)
            tot_ok = report["total"]["commitments"] == sum(sum(r["status"].values())
                                                           for r in rows.values())
            results[by] = (lat, rps, n, cold, size, psecs, bad, tot_ok)
            print("by=%s: %d rows, %d bytes of JSON" % (by, len(report["items"]), size))
            print("  cold (computed from the sums, another as_of each): median %.1f ms, max %.1f "
                  "ms over %d; load %s" % (statistics.median(cold), max(cold), COLD, la))
            print("  wrk -t2 -c16 -d%s, Accept-Encoding: gzip (as browsers send): p50 %.2f ms, p90 "
                  "%.2f ms, p99 %.2f ms, %.0f req/s (%d requests); load %s" %
                  (DURATION, lat[50], lat[90], lat[99], rps, n, lw))
            print("  wrk -t2 -c16 -d%s, no gzip (%d bytes each): p50 %.2f ms, p90 %.2f ms, p99 "
                  "%.2f ms, %.0f req/s (%d requests); load %s" %
                  (DURATION, size, lat2[50], lat2[90], lat2[99], rps2, n2, lw2))
            print("  peer: sqlite3 GROUP BY over commitment and resource: %.0f ms (whole "
                  "process); load %s" % (psecs * 1000, lp))
            print("  sums equal the peer's: %s (%d rows differ; totals %s)" %
                  ("yes" if bad == 0 and tot_ok else "NO", bad, "equal" if tot_ok else "DIFFER"))
        ok = all(r[6] == 0 and r[7] for r in results.values())
        aim = all(r[0][99] <= 100 for r in results.values())
        print("bench/work: p99 <= 100 ms: %s; sums match the peer: %s" %
              ("met" if aim else "NOT met", "yes" if ok else "NO"))
        if not ok:
            sys.exit(1)
    finally:
        B.stop(srv)


if __name__ == "__main__":
    main()
