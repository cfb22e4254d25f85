-- bangfu schema, version 5: the reporting cycle (issue 12 §1-§4, docs/cycle.md). Each round is
-- cut into periods (quarterly by default); each group reports once per period. A report's
-- figures are computed from the work at read time while it is a draft and frozen into it when
-- the office approves it; an approved report locks its period for its group's target (the
-- resources dated in it and the commitments' status changes dated in it) until an admin
-- reopens it with a reason. Member units add their paragraphs and attachments (files kept
-- here, recognised by content: PDF, DOCX, XLSX, JPEG, PNG).
-- How a round is cut: one row per round that has periods.
CREATE TABLE round_cycle (
  round    TEXT PRIMARY KEY REFERENCES round(name) ON DELETE CASCADE,
  kind     TEXT NOT NULL CHECK (kind IN ('monthly', 'quarterly', 'half_yearly', 'yearly')),
  due_days INTEGER NOT NULL CHECK (due_days BETWEEN 0 AND 366) -- due: this many days after the end
);
CREATE TABLE period (
  id     INTEGER PRIMARY KEY,
  round  TEXT NOT NULL REFERENCES round(name) ON DELETE CASCADE,
  name   TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 32), -- 2024Q1, 2024-03, 2024H1, 2024
  start  TEXT NOT NULL CHECK (date(start) IS start),
  "end"  TEXT NOT NULL CHECK (date("end") IS "end" AND "end" >= start),
  due    TEXT NOT NULL CHECK (date(due) IS due),
  UNIQUE (round, name)
);
CREATE INDEX period_round ON period(round, start);
CREATE TABLE group_report (
  id           INTEGER PRIMARY KEY,
  "group"      TEXT NOT NULL REFERENCES grp(id),
  period       INTEGER NOT NULL REFERENCES period(id),
  status       TEXT NOT NULL DEFAULT 'draft'
                 CHECK (status IN ('draft', 'submitted', 'returned', 'approved')),
  problems     TEXT NOT NULL DEFAULT '',  -- the lead unit's narrative: problems met
  next_steps   TEXT NOT NULL DEFAULT '',  -- and what comes next
  reason       TEXT NOT NULL DEFAULT '',  -- why it was last returned or reopened
  figures      TEXT,                      -- JSON, frozen at approval (NULL: computed on read)
  created      TEXT NOT NULL,
  account      TEXT,
  updated      TEXT NOT NULL,
  submitted    TEXT,                      -- when and by whom it was last submitted
  submitted_by TEXT,
  decided      TEXT,                      -- when and by whom last returned, approved, reopened
  decided_by   TEXT,
  UNIQUE ("group", period)
);
CREATE INDEX group_report_period ON group_report(period, status);
-- A member unit's paragraph (the lead unit's too, if it writes one).
CREATE TABLE report_contribution (
  report  INTEGER NOT NULL REFERENCES group_report(id) ON DELETE CASCADE,
  unit    TEXT NOT NULL REFERENCES unit(code),
  text    TEXT NOT NULL,
  updated TEXT NOT NULL,
  account TEXT,
  PRIMARY KEY (report, unit)
) WITHOUT ROWID;
CREATE TABLE report_attachment (
  id      INTEGER PRIMARY KEY,
  report  INTEGER NOT NULL REFERENCES group_report(id) ON DELETE CASCADE,
  unit    TEXT,                          -- the unit that attached it (NULL: the office)
  name    TEXT NOT NULL,
  mime    TEXT NOT NULL,
  size    INTEGER NOT NULL,
  data    BLOB NOT NULL,
  created TEXT NOT NULL,
  account TEXT
);
CREATE INDEX report_attachment_report ON report_attachment(report);
-- A report's figures by date (created, delivered, confirmed, dated) within a target.
CREATE INDEX resource_target_date ON resource(target, date);
CREATE INDEX commitment_delivered ON commitment(target, delivered_on);
CREATE INDEX commitment_confirmed ON commitment(target, confirmed_on);
CREATE INDEX policy_date ON policy(date);
