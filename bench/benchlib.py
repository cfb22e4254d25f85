"""bench/benchlib.py: what the Python benchmarks behind `make bench` share (bench/writes.py,
bench/work.py, bench/cycle.py): running a command or dying with its message, a fresh database,
`bangfu serve` on a free port with its access log drained, a signed-in HTTP client (session cookie
and CSRF token, as the web UI does), wrk's latency percentiles, the server's CPU time, and the
machine line each report starts with. A benchmark calls set_name() first so that its messages
say which one failed."""
import http.client
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BANGFU = os.path.join(ROOT, "build", "bangfu")
WORK = os.path.join(ROOT, "build", "bench")
DATA = os.path.join(WORK, "national")
# The registry's files by name: `bangfu import DATA` would bring its work/ subfolder along.
REGISTRY_FILES = [os.path.join(DATA, f + ".csv") for f in
                  ("rounds", "targets", "units", "groups", "members", "cadres", "indicators")]
# The bench account; the password passes the strength rules (it must not hold the user name).
USER, PASSWORD = "bench", "correct horse battery staple 42"
# bangfu's storage settings (src/store/store.c configure()), for the sqlite3 peers.
PRAGMAS = ("PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; "
           "PRAGMA cache_size = -65536; PRAGMA temp_store = MEMORY;")

_name = "bench"


def set_name(name):
    global _name
    _name = name


def die(msg):
    print("%s: %s" % (_name, msg), file=sys.stderr)
    sys.exit(2)


def run(*args, stdin=None):
    p = subprocess.run(args, input=stdin, capture_output=True, text=True)
    if p.returncode != 0:
        die("%s failed (%d): %s" % (" ".join(args[:4]), p.returncode, (p.stderr or p.stdout)[:500]))
    return p.stdout


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def rm_db(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def add_admin(db):
    run(BANGFU, "--db", db, "user", "add", USER, "--role", "admin", "--password-stdin",
        stdin=PASSWORD + "\n")


def pct(xs, p):
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100.0 * (len(xs) - 1))))]


def cpu_ms(pid):
    """User + system CPU time of process pid so far, in ms."""
    with open("/proc/%d/stat" % pid) as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / os.sysconf("SC_CLK_TCK")


def serve(db, logname, timeout=120):
    """Starts `bangfu serve` on a free port; returns (process, port). The access log goes on
    stderr: a thread drains it into WORK/logname so that the server never blocks on it."""
    log = open(os.path.join(WORK, logname), "w")
    srv = subprocess.Popen([BANGFU, "--db", db, "serve", "--listen", "127.0.0.1:0"],
                           stdout=log, stderr=subprocess.PIPE, text=True)
    port = None
    t_end = time.time() + timeout
    while port is None and time.time() < t_end:
        line = srv.stderr.readline()
        if not line:
            break
        log.write(line)
        m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if m:
            port = int(m.group(1))
    if port is None:
        srv.terminate()
        die("bangfu serve did not start (see %s)" % log.name)
    threading.Thread(target=lambda: shutil.copyfileobj(srv.stderr, log), daemon=True).start()
    return srv, port


def stop(srv):
    srv.terminate()
    srv.wait(timeout=30)


class Client:
    """One kept-alive connection; request() times each answer from send to its last byte."""

    def __init__(self, port):
        self.port = port
        self.conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)
        self.cookie = self.csrf = None

    def request(self, method, path, body=None, headers=None):
        h = {"Content-Type": "application/json"}
        if self.cookie:
            h["Cookie"] = self.cookie
        if self.csrf:
            h["X-CSRF-Token"] = self.csrf
        h.update(headers or {})
        data = json.dumps(body, ensure_ascii=False).encode() if body is not None else None
        t0 = time.perf_counter()
        try:
            self.conn.request(method, path, body=data, headers=h)
            r = self.conn.getresponse()
        except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
            # the server closes a connection left idle (say, while wrk ran): a GET is asked
            # again on a new one; a write is not, since it may have been applied
            if method not in ("GET", "HEAD"):
                raise
            self.conn.close()
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=600)
            t0 = time.perf_counter()
            self.conn.request(method, path, body=data, headers=h)
            r = self.conn.getresponse()
        payload = r.read()
        ms = (time.perf_counter() - t0) * 1000.0
        return r.status, r.getheader("Set-Cookie"), payload, ms

    def login(self):
        st, cookie, payload, _ = self.request("POST", "/api/v1/session",
                                              {"username": USER, "password": PASSWORD})
        if st != 200:
            die("login failed (HTTP %d): %s" % (st, payload[:300]))
        self.cookie = cookie.split(";")[0]
        self.csrf = json.loads(payload)["csrf"]
        return self


def wrk(port, cookie, path, duration="10s", gzip=False, clients=16):
    """wrk with `clients` connections on path; returns ({50,90,99: ms}, requests/s, requests).
    Dies on any non-2xx answer or socket error."""
    extra = ["-H", "Accept-Encoding: gzip"] if gzip else []
    out = run("wrk", "-t2", "-c%d" % clients, "-d" + duration, "--latency",
              "-H", "Cookie: " + cookie, *extra, "http://127.0.0.1:%d%s" % (port, path))
    if re.search(r"Non-2xx|Socket errors", out):
        die("wrk saw errors on %s:\n%s" % (path, out))

    def ms(v):
        n, u = re.match(r"([0-9.]+)([a-z]+)", v).groups()
        return float(n) * {"us": 0.001, "ms": 1, "s": 1000, "m": 60000}[u]
    lat = {int(p): ms(v) for p, v in re.findall(r"^\s+(50|90|99)%\s+(\S+)", out, re.M)}
    rps = float(re.search(r"Requests/sec:\s+([0-9.]+)", out).group(1))
    n = int(re.search(r"(\d+) requests in", out).group(1))
    return lat, rps, n


def machine():
    """One line: CPUs, model, Debian release, SQLite, load."""
    cpu = open("/proc/cpuinfo").read()
    model = re.search(r"model name\s*:\s*(.*)", cpu)
    deb = "?"
    if os.path.exists("/etc/debian_version"):
        deb = open("/etc/debian_version").read().strip()
    return "%d CPU(s), %s, Debian %s, sqlite3 %s; load %s" % (
        os.cpu_count(), model.group(1) if model else "?", deb,
        run("sqlite3", "--version").split()[0], load())
