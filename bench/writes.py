#!/usr/bin/env python3
"""bench/writes.py: the write benchmark behind `make bench` (after bench/run, which generates the
national data set into build/bench/national). It
  1. imports the national data set (2,844 targets, 30,000 units, 300,000 cadres) into a fresh
     database build/bench/writes.db and adds an admin account;
  2. starts the release build `build/bangfu serve --listen 127.0.0.1:0` and signs in over HTTP
     (session cookie and CSRF token, as the web UI does);
  3. measures, each request timed by the client from send to the last byte of the answer, on one
     kept-alive connection:
     (a) PATCH /api/v1/cadres/{id} {"post": ...}: one cadre per request, BENCH_WRITES_N (300)
         requests over random cadres, after one unmeasured warm-up (its server loads the snapshot);
     (b) GET /api/v1/cadres/{id} right after each PATCH of (a)'s last 50: the next read after a
         write (a reload of the whole registry after each write would show here);
     (c) POST /api/v1/changes with 500 cadre updates (post), BENCH_WRITES_BATCHES (5) times;
  4. the peer, in the same run: the sqlite3 shell on a copy of the database (same pragmas as
     bangfu's store) doing the same 500 UPDATEs in one transaction (and one UPDATE alone), the
     whole process timed;
  5. prints p50/p99/max and whether the aims are met (PATCH p99 <= 20 ms, batch of 500 <= 1 s).
Nothing is written to docs/: copy the figures to docs/performance.md by hand. The machine is shared:
compare figures of one run, and repeat.
Usage: python3 bench/writes.py   (from anywhere; BENCH_WRITES_REUSE=1 keeps the database of the
       last run instead of importing again, for quick repeats)"""
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from benchlib import (BANGFU, DATA, PRAGMAS, REGISTRY_FILES, WORK, Client, add_admin,  # noqa: E402
                      cpu_ms, die, machine, pct, rm_db, run, serve, set_name, stop)

DB = os.path.join(WORK, "writes.db")
PEER = os.path.join(WORK, "writes-peer.db")
N = int(os.environ.get("BENCH_WRITES_N", "300"))
BATCHES = int(os.environ.get("BENCH_WRITES_BATCHES", "5"))
BATCH = 500


def cadre_ids():
    ids = []
    with open(os.path.join(DATA, "cadres.csv"), encoding="utf-8") as f:
        next(f)
        for line in f:
            ids.append(line.split(",", 1)[0])
    return ids


def peer_time(sql):
    """Runs the sqlite3 shell on a fresh copy of the database; the whole process, timed."""
    rm_db(PEER)
    shutil.copyfile(DB, PEER)
    t0 = time.perf_counter()
    p = subprocess.run(["sqlite3", PEER], input=".bail on\n" + PRAGMAS + "\n" + sql,
                       capture_output=True, text=True)
    ms = (time.perf_counter() - t0) * 1000.0
    if p.returncode != 0:
        die("the sqlite3 peer failed: " + p.stderr[:300])
    return ms


def sql_quote(s):
    return "'" + s.replace("'", "''") + "'"


def main():
    set_name("bench/writes")
    if not os.access(BANGFU, os.X_OK):
        die(BANGFU + " is missing: run `make` first (or `make bench`)")
    if not shutil.which("sqlite3"):
        die("the sqlite3 shell (Debian package 'sqlite3') is missing: run scripts/install-deps")
    if not os.path.exists(os.path.join(DATA, "cadres.csv")):
        die(DATA + " is missing: run sh bench/run first (it generates the data set)")
    os.makedirs(WORK, exist_ok=True)
    if not (os.environ.get("BENCH_WRITES_REUSE") and os.path.exists(DB)):
        rm_db(DB)
        print("bench/writes: importing %s into %s" % (DATA, DB))
        run(BANGFU, "--db", DB, "init", "--empty")
        run(BANGFU, "--db", DB, "import", *REGISTRY_FILES)
        add_admin(DB)
    ids = cadre_ids()
    rng = random.Random(20261202)

    srv, port = serve(DB, "writes-serve.log", timeout=60)
    try:
        c = Client(port)
        c.login()
        t0 = time.perf_counter()
        st, _, payload, ms = c.request("PATCH", "/api/v1/cadres/" + ids[0], {"post": "warm-up"})
        if st != 200:
            die("PATCH answered HTTP %d: %s" % (st, payload[:300]))
        warm = ms

        patch, read_after = [], []
        c0 = cpu_ms(srv.pid)
        for i in range(N):
            cid = rng.choice(ids)
            st, _, payload, ms = c.request("PATCH", "/api/v1/cadres/" + cid,
                                           {"post": "副县长 %d" % i})
            if st != 200:
                die("PATCH %s answered HTTP %d: %s" % (cid, st, payload[:300]))
            patch.append(ms)
            if i >= N - 50:
                st, _, payload, ms = c.request("GET", "/api/v1/cadres/" + cid)
                if st != 200 or ("副县长 %d" % i) not in payload.decode():
                    die("GET %s after its PATCH answered HTTP %d: %s" % (cid, st, payload[:300]))
                read_after.append(ms)

        c1 = cpu_ms(srv.pid)
        batch, batch_ids = [], []
        for b in range(BATCHES):
            chosen = rng.sample(ids, BATCH)
            batch_ids.append(chosen)
            changes = [{"op": "update", "entity": "cadres", "key": cid,
                        "record": {"post": "批量 %d-%d" % (b, k)}} for k, cid in enumerate(chosen)]
            st, _, payload, ms = c.request("POST", "/api/v1/changes", {"changes": changes})
            if st != 200:
                die("POST /api/v1/changes answered HTTP %d: %s" % (st, payload[:300]))
            if json.loads(payload)["applied"] != BATCH:
                die("POST /api/v1/changes did not apply %d changes" % BATCH)
            batch.append(ms)
        c2 = cpu_ms(srv.pid)
        total = time.perf_counter() - t0
    finally:
        stop(srv)

    # the peer: the same UPDATEs (the bench's last batch and one of (a)'s) through the sqlite3 shell
    upd = "".join("UPDATE cadre SET post = %s WHERE id = %s;\n" % (sql_quote("批量 %d" % k), sql_quote(cid))
                  for k, cid in enumerate(batch_ids[-1]))
    peer_batch = [peer_time("BEGIN IMMEDIATE;\n" + upd + "COMMIT;\n") for _ in range(BATCHES)]
    peer_one = [peer_time("BEGIN IMMEDIATE;\nUPDATE cadre SET post = 'x' WHERE id = %s;\nCOMMIT;\n"
                          % sql_quote(rng.choice(ids))) for _ in range(BATCHES)]
    rm_db(PEER)

    print()
    print("machine: " + machine())
    print("data:    %s: %d cadres; server: build/bangfu serve, one kept-alive connection, "
          "signed in" % (DATA, len(ids)))
    print("first PATCH (the server loads its snapshot once): %.0f ms; whole run %.1f s" % (warm, total))
    print()
    print("%-52s %6s %9s %9s %9s" % ("request", "n", "p50 ms", "p99 ms", "max ms"))
    for name, xs in (("(a) PATCH /api/v1/cadres/{id}, one cadre", patch),
                     ("(b) GET /api/v1/cadres/{id} right after its PATCH", read_after),
                     ("(c) POST /api/v1/changes, 500 cadre updates", batch),
                     ("peer: sqlite3 shell, the 500 UPDATEs, one txn", peer_batch),
                     ("peer: sqlite3 shell, one UPDATE, one txn", peer_one)):
        print("%-52s %6d %9.1f %9.1f %9.1f" % (name, len(xs), pct(xs, 50), pct(xs, 99), max(xs)))
    print()
    print("server CPU time: %.1f ms per PATCH (with its GET for the last 50), %.0f ms per batch of 500"
          % ((c1 - c0) / N, (c2 - c1) / BATCHES))
    print("ratio batch of 500, bangfu/sqlite3 (medians): %.2f" % (
        statistics.median(batch) / statistics.median(peer_batch)))
    print("aims: PATCH p99 <= 20 ms: %s (%.1f ms); batch of 500 <= 1 s: %s (max %.0f ms)" % (
        "met" if pct(patch, 99) <= 20 else "MISSED", pct(patch, 99),
        "met" if max(batch) <= 1000 else "MISSED", max(batch)))


if __name__ == "__main__":
    main()
