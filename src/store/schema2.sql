-- bangfu schema, version 2: accounts, sessions, the audit trail and a change counter.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO meta (key, value) VALUES ('generation', 1);
CREATE TABLE account (
  name          TEXT PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
  role          TEXT NOT NULL CHECK (role IN ('admin', 'planner', 'unit', 'county', 'auditor')),
  unit          TEXT REFERENCES unit(code),
  target        TEXT REFERENCES target(adcode),
  password_hash TEXT NOT NULL,
  disabled      INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  created       TEXT NOT NULL,
  CHECK ((role = 'unit') = (unit IS NOT NULL)),
  CHECK ((role = 'county') = (target IS NOT NULL))
);
-- Only a hash of the session token is stored: a copy of the database opens no session.
CREATE TABLE session (
  token_hash TEXT PRIMARY KEY,
  account    TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
  csrf       TEXT NOT NULL,
  created    INTEGER NOT NULL,
  last_seen  INTEGER NOT NULL,
  address    TEXT
);
CREATE INDEX session_account ON session(account);
-- Each row's hash is SHA-256 over the previous row's hash and this row's fields, so an edited
-- or deleted row breaks the chain (`bangfu audit verify`).
CREATE TABLE audit (
  id        INTEGER PRIMARY KEY,
  time      TEXT NOT NULL,
  account   TEXT,
  address   TEXT,
  action    TEXT NOT NULL,
  entity    TEXT NOT NULL,
  key       TEXT,
  before    TEXT,
  after     TEXT,
  hash      TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit(entity, key);
CREATE INDEX audit_account ON audit(account);
