#!/usr/bin/env python3
"""bench/work_ab.py: two builds' cached work reports compared in one run, alternating, so that a
shared machine's load falls on both alike. For each round and build: `bangfu serve` on
build/bench/work.db (made by bench/work.py), sign in, ask each URL once (computed and cached),
then `wrk -t2 -c16 -d10s` on GET /api/v1/reports/work?by=prefecture and ?by=target, with
`Accept-Encoding: gzip` and without, printing p50/p90/p99, requests/s, the server's CPU time per
request (/proc/PID/stat; steadier than p99 under load) and the load average.
Usage: python3 bench/work_ab.py A_BINARY B_BINARY [ROUNDS (3)]"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import benchlib as B  # noqa: E402

B.set_name("bench/work_ab")
DB = os.path.join(B.WORK, "work.db")


def one(rnd, name, binary):
    B.BANGFU = binary
    srv, port = B.serve(DB, "work-ab-serve.log")
    try:
        c = B.Client(port).login()
        for by in ("prefecture", "target"):
            path = "/api/v1/reports/work?by=%s&as_of=2025-06-30" % by
            c.request("GET", path)
            for gz in (True, False):
                la = B.load()
                t0 = B.cpu_ms(srv.pid)
                lat, rps, n = B.wrk(port, c.cookie, path, "10s", gzip=gz)
                cpu = B.cpu_ms(srv.pid) - t0
                print("round %d %s by=%-10s %-7s p50 %.2f p90 %.2f p99 %.2f ms, %.0f req/s, "
                      "server CPU %.3f ms/req; load %s" % (rnd, name, by, "gzip" if gz else
                      "no-gzip", lat[50], lat[90], lat[99], rps, cpu / n, la), flush=True)
    finally:
        B.stop(srv)


def main():
    if len(sys.argv) < 3 or not os.path.exists(DB):
        B.die("usage: bench/work_ab.py A_BINARY B_BINARY [ROUNDS], after bench/work.py made "
              + DB)
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    print("bench/work_ab: " + B.machine())
    for rnd in range(1, rounds + 1):
        for name, binary in (("A", sys.argv[1]), ("B", sys.argv[2])):
            one(rnd, name, os.path.abspath(binary))


if __name__ == "__main__":
    main()
