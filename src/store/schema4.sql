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
-- The key's columns come first: SQLite 3.40 (Debian 12) reports a false "NULL value in
-- policy_task.round" in PRAGMA integrity_check (so backup and restore refuse the database) when
-- a non-key column precedes a key column of a WITHOUT ROWID table.
CREATE TABLE policy_task (
  policy INTEGER NOT NULL REFERENCES policy(id) ON DELETE CASCADE,
  task   TEXT NOT NULL,
  round  TEXT NOT NULL,
  PRIMARY KEY (policy, task),
  FOREIGN KEY (round, task) REFERENCES task(round, code)
) WITHOUT ROWID;
-- The work's own change counter: work writes move it (not the registry's 'generation', so
-- that a commitment changed does not reload the registry), and cached work answers key on it.
INSERT INTO meta (key, value) VALUES ('work_generation', 1);
-- ---- running sums for the work reports (owned by the report module) --------------------
-- Kept by the triggers below, so that a report reads a few thousand rows of these tables and
-- never scans the 100,000 commitments or the 1,000,000 resources. The granularity is the
-- smallest that answers every `by=` of GET /api/v1/reports/work, and a unit's or county's
-- scope (a set of targets), from one table: target with unit (by group and unit: a group is
-- its units' rows for its target), target with task (by task and domain) and target alone (by
-- target, prefecture and class). For Guangdong (62 targets, 3 to 5 units each, 12 tasks) that
-- is hundreds of rows; at national size (2,844 targets, 30,000 units, 100,000 commitments,
-- 1,000,000 resources) 14,000 to 17,000 rows per table by target, 70,000 to 210,000 by unit or
-- task (docs/performance.md). A row whose count
-- falls to 0 is deleted, so each table equals a GROUP BY over its base table. Overdue depends
-- on the day and is counted by query (commitment_open, an index the query covers).
-- Commitments by status: how many.
CREATE TABLE work_sum_status_unit (
  round TEXT NOT NULL, target TEXT NOT NULL, unit TEXT NOT NULL, status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (round, target, unit, status)
) WITHOUT ROWID;
CREATE TABLE work_sum_status_task (
  round TEXT NOT NULL, target TEXT NOT NULL, task TEXT NOT NULL, status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (round, target, task, status)
) WITHOUT ROWID;
-- Commitments by measure, dropped ones left out: how many, their target values, the values
-- delivered (any status) and the values the county confirmed (status confirmed).
CREATE TABLE work_sum_measure_unit (
  round TEXT NOT NULL, target TEXT NOT NULL, unit TEXT NOT NULL, measure TEXT NOT NULL,
  n INTEGER NOT NULL, target_value INTEGER NOT NULL, delivered_value INTEGER NOT NULL,
  confirmed_value INTEGER NOT NULL,
  PRIMARY KEY (round, target, unit, measure)
) WITHOUT ROWID;
CREATE TABLE work_sum_measure_task (
  round TEXT NOT NULL, target TEXT NOT NULL, task TEXT NOT NULL, measure TEXT NOT NULL,
  n INTEGER NOT NULL, target_value INTEGER NOT NULL, delivered_value INTEGER NOT NULL,
  confirmed_value INTEGER NOT NULL,
  PRIMARY KEY (round, target, task, measure)
) WITHOUT ROWID;
-- Resources by kind: how many entries and their exact integer sum (yuan or a count). A
-- resource without a task counts under task ''.
CREATE TABLE work_sum_resource_unit (
  round TEXT NOT NULL, target TEXT NOT NULL, unit TEXT NOT NULL, kind TEXT NOT NULL,
  n INTEGER NOT NULL, amount INTEGER NOT NULL,
  PRIMARY KEY (round, target, unit, kind)
) WITHOUT ROWID;
CREATE TABLE work_sum_resource_task (
  round TEXT NOT NULL, target TEXT NOT NULL, task TEXT NOT NULL, kind TEXT NOT NULL,
  n INTEGER NOT NULL, amount INTEGER NOT NULL,
  PRIMARY KEY (round, target, task, kind)
) WITHOUT ROWID;
-- The same summed over the units, for the reports by target, prefecture and class and a
-- county's summary (a tenth of the rows at national size: 2,844 targets).
CREATE TABLE work_sum_status_target (
  round TEXT NOT NULL, target TEXT NOT NULL, status TEXT NOT NULL, n INTEGER NOT NULL,
  PRIMARY KEY (round, target, status)
) WITHOUT ROWID;
CREATE TABLE work_sum_measure_target (
  round TEXT NOT NULL, target TEXT NOT NULL, measure TEXT NOT NULL,
  n INTEGER NOT NULL, target_value INTEGER NOT NULL, delivered_value INTEGER NOT NULL,
  confirmed_value INTEGER NOT NULL,
  PRIMARY KEY (round, target, measure)
) WITHOUT ROWID;
CREATE TABLE work_sum_resource_target (
  round TEXT NOT NULL, target TEXT NOT NULL, kind TEXT NOT NULL,
  n INTEGER NOT NULL, amount INTEGER NOT NULL,
  PRIMARY KEY (round, target, kind)
) WITHOUT ROWID;
-- The open commitments by due day, with what the overdue count groups by (index only).
CREATE INDEX commitment_open ON commitment(round, status, due, target, unit, task);

CREATE TRIGGER work_sum_commitment_insert AFTER INSERT ON commitment BEGIN
  INSERT INTO work_sum_status_unit VALUES (NEW.round, NEW.target, NEW.unit, NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO work_sum_measure_unit
    SELECT NEW.round, NEW.target, NEW.unit, NEW.measure, 1, NEW.target_value, NEW.delivered_value,
           CASE NEW.status WHEN 'confirmed' THEN NEW.delivered_value ELSE 0 END
    WHERE NEW.status <> 'dropped'
    ON CONFLICT DO UPDATE SET n = n + 1, target_value = target_value + excluded.target_value,
      delivered_value = delivered_value + excluded.delivered_value,
      confirmed_value = confirmed_value + excluded.confirmed_value;
  INSERT INTO work_sum_status_task VALUES (NEW.round, NEW.target, NEW.task, NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO work_sum_measure_task
    SELECT NEW.round, NEW.target, NEW.task, NEW.measure, 1, NEW.target_value, NEW.delivered_value,
           CASE NEW.status WHEN 'confirmed' THEN NEW.delivered_value ELSE 0 END
    WHERE NEW.status <> 'dropped'
    ON CONFLICT DO UPDATE SET n = n + 1, target_value = target_value + excluded.target_value,
      delivered_value = delivered_value + excluded.delivered_value,
      confirmed_value = confirmed_value + excluded.confirmed_value;
  INSERT INTO work_sum_status_target VALUES (NEW.round, NEW.target, NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO work_sum_measure_target
    SELECT NEW.round, NEW.target, NEW.measure, 1, NEW.target_value, NEW.delivered_value,
           CASE NEW.status WHEN 'confirmed' THEN NEW.delivered_value ELSE 0 END
    WHERE NEW.status <> 'dropped'
    ON CONFLICT DO UPDATE SET n = n + 1, target_value = target_value + excluded.target_value,
      delivered_value = delivered_value + excluded.delivered_value,
      confirmed_value = confirmed_value + excluded.confirmed_value;
END;

CREATE TRIGGER work_sum_commitment_delete AFTER DELETE ON commitment BEGIN
  UPDATE work_sum_status_unit SET n = n - 1 WHERE round = OLD.round AND target = OLD.target AND unit = OLD.unit AND status = OLD.status;
  DELETE FROM work_sum_status_unit WHERE round = OLD.round AND target = OLD.target AND unit = OLD.unit AND status = OLD.status AND n = 0;
  UPDATE work_sum_measure_unit SET n = n - 1, target_value = target_value - OLD.target_value,
      delivered_value = delivered_value - OLD.delivered_value,
      confirmed_value = confirmed_value
        - CASE OLD.status WHEN 'confirmed' THEN OLD.delivered_value ELSE 0 END
    WHERE OLD.status <> 'dropped' AND round = OLD.round AND target = OLD.target AND unit = OLD.unit AND measure = OLD.measure;
  DELETE FROM work_sum_measure_unit WHERE round = OLD.round AND target = OLD.target AND unit = OLD.unit AND measure = OLD.measure AND n = 0;
  UPDATE work_sum_status_task SET n = n - 1 WHERE round = OLD.round AND target = OLD.target AND task = OLD.task AND status = OLD.status;
  DELETE FROM work_sum_status_task WHERE round = OLD.round AND target = OLD.target AND task = OLD.task AND status = OLD.status AND n = 0;
  UPDATE work_sum_measure_task SET n = n - 1, target_value = target_value - OLD.target_value,
      delivered_value = delivered_value - OLD.delivered_value,
      confirmed_value = confirmed_value
        - CASE OLD.status WHEN 'confirmed' THEN OLD.delivered_value ELSE 0 END
    WHERE OLD.status <> 'dropped' AND round = OLD.round AND target = OLD.target AND task = OLD.task AND measure = OLD.measure;
  DELETE FROM work_sum_measure_task WHERE round = OLD.round AND target = OLD.target AND task = OLD.task AND measure = OLD.measure AND n = 0;
  UPDATE work_sum_status_target SET n = n - 1 WHERE round = OLD.round AND target = OLD.target AND status = OLD.status;
  DELETE FROM work_sum_status_target WHERE round = OLD.round AND target = OLD.target AND status = OLD.status AND n = 0;
  UPDATE work_sum_measure_target SET n = n - 1, target_value = target_value - OLD.target_value,
      delivered_value = delivered_value - OLD.delivered_value,
      confirmed_value = confirmed_value
        - CASE OLD.status WHEN 'confirmed' THEN OLD.delivered_value ELSE 0 END
    WHERE OLD.status <> 'dropped' AND round = OLD.round AND target = OLD.target AND measure = OLD.measure;
  DELETE FROM work_sum_measure_target WHERE round = OLD.round AND target = OLD.target AND measure = OLD.measure AND n = 0;
END;

-- A change is the old row taken out and the new one put in (the same statements as above).

CREATE TRIGGER work_sum_commitment_update AFTER UPDATE OF round, target, unit, task, measure,
    target_value, delivered_value, status ON commitment BEGIN
  UPDATE work_sum_status_unit SET n = n - 1 WHERE round = OLD.round AND target = OLD.target AND unit = OLD.unit AND status = OLD.status;
  DELETE FROM work_sum_status_unit WHERE round = OLD.round AND target = OLD.target AND unit = OLD.unit AND status = OLD.status AND n = 0;
  UPDATE work_sum_measure_unit SET n = n - 1, target_value = target_value - OLD.target_value,
      delivered_value = delivered_value - OLD.delivered_value,
      confirmed_value = confirmed_value
        - CASE OLD.status WHEN 'confirmed' THEN OLD.delivered_value ELSE 0 END
    WHERE OLD.status <> 'dropped' AND round = OLD.round AND target = OLD.target AND unit = OLD.unit AND measure = OLD.measure;
  DELETE FROM work_sum_measure_unit WHERE round = OLD.round AND target = OLD.target AND unit = OLD.unit AND measure = OLD.measure AND n = 0;
  UPDATE work_sum_status_task SET n = n - 1 WHERE round = OLD.round AND target = OLD.target AND task = OLD.task AND status = OLD.status;
  DELETE FROM work_sum_status_task WHERE round = OLD.round AND target = OLD.target AND task = OLD.task AND status = OLD.status AND n = 0;
  UPDATE work_sum_measure_task SET n = n - 1, target_value = target_value - OLD.target_value,
      delivered_value = delivered_value - OLD.delivered_value,
      confirmed_value = confirmed_value
        - CASE OLD.status WHEN 'confirmed' THEN OLD.delivered_value ELSE 0 END
    WHERE OLD.status <> 'dropped' AND round = OLD.round AND target = OLD.target AND task = OLD.task AND measure = OLD.measure;
  DELETE FROM work_sum_measure_task WHERE round = OLD.round AND target = OLD.target AND task = OLD.task AND measure = OLD.measure AND n = 0;
  UPDATE work_sum_status_target SET n = n - 1 WHERE round = OLD.round AND target = OLD.target AND status = OLD.status;
  DELETE FROM work_sum_status_target WHERE round = OLD.round AND target = OLD.target AND status = OLD.status AND n = 0;
  UPDATE work_sum_measure_target SET n = n - 1, target_value = target_value - OLD.target_value,
      delivered_value = delivered_value - OLD.delivered_value,
      confirmed_value = confirmed_value
        - CASE OLD.status WHEN 'confirmed' THEN OLD.delivered_value ELSE 0 END
    WHERE OLD.status <> 'dropped' AND round = OLD.round AND target = OLD.target AND measure = OLD.measure;
  DELETE FROM work_sum_measure_target WHERE round = OLD.round AND target = OLD.target AND measure = OLD.measure AND n = 0;
  INSERT INTO work_sum_status_unit VALUES (NEW.round, NEW.target, NEW.unit, NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO work_sum_measure_unit
    SELECT NEW.round, NEW.target, NEW.unit, NEW.measure, 1, NEW.target_value, NEW.delivered_value,
           CASE NEW.status WHEN 'confirmed' THEN NEW.delivered_value ELSE 0 END
    WHERE NEW.status <> 'dropped'
    ON CONFLICT DO UPDATE SET n = n + 1, target_value = target_value + excluded.target_value,
      delivered_value = delivered_value + excluded.delivered_value,
      confirmed_value = confirmed_value + excluded.confirmed_value;
  INSERT INTO work_sum_status_task VALUES (NEW.round, NEW.target, NEW.task, NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO work_sum_measure_task
    SELECT NEW.round, NEW.target, NEW.task, NEW.measure, 1, NEW.target_value, NEW.delivered_value,
           CASE NEW.status WHEN 'confirmed' THEN NEW.delivered_value ELSE 0 END
    WHERE NEW.status <> 'dropped'
    ON CONFLICT DO UPDATE SET n = n + 1, target_value = target_value + excluded.target_value,
      delivered_value = delivered_value + excluded.delivered_value,
      confirmed_value = confirmed_value + excluded.confirmed_value;
  INSERT INTO work_sum_status_target VALUES (NEW.round, NEW.target, NEW.status, 1)
    ON CONFLICT DO UPDATE SET n = n + 1;
  INSERT INTO work_sum_measure_target
    SELECT NEW.round, NEW.target, NEW.measure, 1, NEW.target_value, NEW.delivered_value,
           CASE NEW.status WHEN 'confirmed' THEN NEW.delivered_value ELSE 0 END
    WHERE NEW.status <> 'dropped'
    ON CONFLICT DO UPDATE SET n = n + 1, target_value = target_value + excluded.target_value,
      delivered_value = delivered_value + excluded.delivered_value,
      confirmed_value = confirmed_value + excluded.confirmed_value;
END;

CREATE TRIGGER work_sum_resource_insert AFTER INSERT ON resource BEGIN
  INSERT INTO work_sum_resource_unit VALUES (NEW.round, NEW.target, NEW.unit, NEW.kind, 1, NEW.amount)
    ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
  INSERT INTO work_sum_resource_task VALUES (NEW.round, NEW.target, IFNULL(NEW.task, ''), NEW.kind, 1, NEW.amount)
    ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
  INSERT INTO work_sum_resource_target VALUES (NEW.round, NEW.target, NEW.kind, 1, NEW.amount)
    ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
END;

CREATE TRIGGER work_sum_resource_delete AFTER DELETE ON resource BEGIN
  UPDATE work_sum_resource_unit SET n = n - 1, amount = amount - OLD.amount
    WHERE round = OLD.round AND target = OLD.target AND unit = OLD.unit AND kind = OLD.kind;
  DELETE FROM work_sum_resource_unit WHERE round = OLD.round AND target = OLD.target AND unit = OLD.unit AND kind = OLD.kind AND n = 0;
  UPDATE work_sum_resource_task SET n = n - 1, amount = amount - OLD.amount
    WHERE round = OLD.round AND target = OLD.target AND task = IFNULL(OLD.task, '') AND kind = OLD.kind;
  DELETE FROM work_sum_resource_task WHERE round = OLD.round AND target = OLD.target AND task = IFNULL(OLD.task, '') AND kind = OLD.kind AND n = 0;
  UPDATE work_sum_resource_target SET n = n - 1, amount = amount - OLD.amount
    WHERE round = OLD.round AND target = OLD.target AND kind = OLD.kind;
  DELETE FROM work_sum_resource_target WHERE round = OLD.round AND target = OLD.target AND kind = OLD.kind AND n = 0;
END;

CREATE TRIGGER work_sum_resource_update AFTER UPDATE OF round, target, unit, task, kind, amount
    ON resource BEGIN
  UPDATE work_sum_resource_unit SET n = n - 1, amount = amount - OLD.amount
    WHERE round = OLD.round AND target = OLD.target AND unit = OLD.unit AND kind = OLD.kind;
  DELETE FROM work_sum_resource_unit WHERE round = OLD.round AND target = OLD.target AND unit = OLD.unit AND kind = OLD.kind AND n = 0;
  UPDATE work_sum_resource_task SET n = n - 1, amount = amount - OLD.amount
    WHERE round = OLD.round AND target = OLD.target AND task = IFNULL(OLD.task, '') AND kind = OLD.kind;
  DELETE FROM work_sum_resource_task WHERE round = OLD.round AND target = OLD.target AND task = IFNULL(OLD.task, '') AND kind = OLD.kind AND n = 0;
  UPDATE work_sum_resource_target SET n = n - 1, amount = amount - OLD.amount
    WHERE round = OLD.round AND target = OLD.target AND kind = OLD.kind;
  DELETE FROM work_sum_resource_target WHERE round = OLD.round AND target = OLD.target AND kind = OLD.kind AND n = 0;
  INSERT INTO work_sum_resource_unit VALUES (NEW.round, NEW.target, NEW.unit, NEW.kind, 1, NEW.amount)
    ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
  INSERT INTO work_sum_resource_task VALUES (NEW.round, NEW.target, IFNULL(NEW.task, ''), NEW.kind, 1, NEW.amount)
    ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
  INSERT INTO work_sum_resource_target VALUES (NEW.round, NEW.target, NEW.kind, 1, NEW.amount)
    ON CONFLICT DO UPDATE SET n = n + 1, amount = amount + excluded.amount;
END;
