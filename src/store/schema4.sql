-- bangfu schema, version 4: the groups' work (issue 11, S11-S18). The task catalogue of each
-- round; what a county needs (需求清单); what a unit of its group commits to deliver and the
-- delivery, confirmed by the county (帮扶事项, 销号); the resources brought in (S18, money as
-- integer yuan); the policies units issue from their county as a sample (S15, 解剖麻雀).
-- Rows generated for demonstration carry illustrative = 1 (示例). docs/work.md is the contract.
CREATE TABLE task (
  round           TEXT NOT NULL REFERENCES round(name) ON DELETE CASCADE,
  code            TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 16),
  domain          TEXT NOT NULL CHECK (domain IN ('industry', 'urban_rural', 'public_services')),
  domain_zh       TEXT NOT NULL DEFAULT '',
  name_zh         TEXT NOT NULL CHECK (length(name_zh) BETWEEN 1 AND 100),
  name_en         TEXT NOT NULL DEFAULT '',
  article_wording TEXT NOT NULL DEFAULT '',  -- quoted from the source article
  classes         TEXT NOT NULL DEFAULT '',  -- target classes it suits (S12), ';'-separated
  direction       TEXT NOT NULL DEFAULT '',  -- one of the 4 directions of S16
  verified        INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)), -- 0: judgement
  note            TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (round, code)
);
CREATE TABLE need (
  id           INTEGER PRIMARY KEY,
  round        TEXT NOT NULL,
  target       TEXT NOT NULL REFERENCES target(adcode),
  task         TEXT NOT NULL,
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  detail       TEXT NOT NULL DEFAULT '',
  priority     INTEGER NOT NULL CHECK (priority BETWEEN 1 AND 3),
  created      TEXT NOT NULL,             -- UTC time
  account      TEXT,                      -- who wrote it (NULL: imported)
  illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
  FOREIGN KEY (round, task) REFERENCES task(round, code)
);
CREATE INDEX need_target ON need(target, round);
CREATE TABLE commitment (
  id              INTEGER PRIMARY KEY,
  round           TEXT NOT NULL,
  target          TEXT NOT NULL REFERENCES target(adcode),
  unit            TEXT NOT NULL REFERENCES unit(code),
  task            TEXT NOT NULL,
  need            INTEGER REFERENCES need(id),
  title           TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  measure         TEXT NOT NULL,           -- what is counted: 亩, 家, 万元, 人次 ... (core/work)
  target_value    INTEGER NOT NULL CHECK (target_value > 0),
  delivered_value INTEGER NOT NULL DEFAULT 0 CHECK (delivered_value >= 0),
  due             TEXT NOT NULL,           -- YYYY-MM-DD, within the round
  status          TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'delivered',
                                                  'confirmed', 'dropped')),
  evidence        TEXT NOT NULL DEFAULT '', -- what was delivered (text)
  evidence_link   TEXT NOT NULL DEFAULT '',
  reason          TEXT NOT NULL DEFAULT '', -- why dropped, or why the county sent it back
  delivered_on    TEXT,
  confirmed_on    TEXT,
  confirmed_by    TEXT,
  created         TEXT NOT NULL,
  account         TEXT,
  illustrative    INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
  FOREIGN KEY (round, task) REFERENCES task(round, code)
);
CREATE INDEX commitment_target ON commitment(target, round);
CREATE INDEX commitment_unit ON commitment(unit, round);
CREATE INDEX commitment_need ON commitment(need);
CREATE INDEX commitment_due ON commitment(status, due);
-- An attachment as evidence of a delivery (at most a few MB; the API bounds it).
CREATE TABLE evidence_file (
  id         INTEGER PRIMARY KEY,
  commitment INTEGER NOT NULL REFERENCES commitment(id) ON DELETE CASCADE,
  name       TEXT NOT NULL,
  mime       TEXT NOT NULL,
  size       INTEGER NOT NULL,
  data       BLOB NOT NULL,
  created    TEXT NOT NULL,
  account    TEXT
);
CREATE INDEX evidence_file_commitment ON evidence_file(commitment);
CREATE TABLE resource (
  id           INTEGER PRIMARY KEY,
  round        TEXT NOT NULL REFERENCES round(name),
  kind         TEXT NOT NULL CHECK (kind IN ('funds', 'investment', 'project', 'enterprise',
                                             'talent', 'training')),
  amount       INTEGER NOT NULL CHECK (amount > 0), -- yuan for funds and investment, else a count
  target       TEXT NOT NULL REFERENCES target(adcode),
  unit         TEXT NOT NULL REFERENCES unit(code),
  task         TEXT,
  commitment   INTEGER REFERENCES commitment(id),
  date         TEXT NOT NULL,
  source       TEXT NOT NULL DEFAULT '',   -- document number or note
  created      TEXT NOT NULL,
  account      TEXT,
  illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1)),
  FOREIGN KEY (round, task) REFERENCES task(round, code)
);
CREATE INDEX resource_target ON resource(target, round);
CREATE INDEX resource_unit ON resource(unit, round);
CREATE INDEX resource_commitment ON resource(commitment);
CREATE TABLE policy (
  id           INTEGER PRIMARY KEY,
  round        TEXT NOT NULL REFERENCES round(name),
  unit         TEXT NOT NULL REFERENCES unit(code),
  title        TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  doc_no       TEXT NOT NULL DEFAULT '',   -- 文号
  date         TEXT NOT NULL,
  sector       TEXT NOT NULL DEFAULT '',
  link         TEXT NOT NULL DEFAULT '',
  created      TEXT NOT NULL,
  account      TEXT,
  illustrative INTEGER NOT NULL DEFAULT 0 CHECK (illustrative IN (0, 1))
);
CREATE INDEX policy_unit ON policy(unit, round);
CREATE TABLE policy_target (
  policy INTEGER NOT NULL REFERENCES policy(id) ON DELETE CASCADE,
  target TEXT NOT NULL REFERENCES target(adcode),
  PRIMARY KEY (policy, target)
) WITHOUT ROWID;
CREATE INDEX policy_target_target ON policy_target(target);
CREATE TABLE policy_task (
  policy INTEGER NOT NULL REFERENCES policy(id) ON DELETE CASCADE,
  round  TEXT NOT NULL,
  task   TEXT NOT NULL,
  PRIMARY KEY (policy, task),
  FOREIGN KEY (round, task) REFERENCES task(round, code)
) WITHOUT ROWID;
-- The work's own change counter: work writes move it (not the registry's 'generation', so
-- that a commitment changed does not reload the registry), and cached work answers key on it.
INSERT INTO meta (key, value) VALUES ('work_generation', 1);
-- ---- running sums for the work reports (owned by the report module) --------------------
