-- bangfu schema, version 6: the rest of the reporting cycle (issue 12 §5-§7). This file is the
-- session's migration: each part below has its own section, appended by the module that owns it.
-- (No database at version 6 exists outside development yet; until a release ships, a section may
-- still change. After that, changes go into schema7.sql.)
--
-- §7 assessments (store/assess.c): the section follows.
-- The office assesses each group (never a person) at each year's end of its round (kind 'year'
-- with the year) and at the round's end (kind 'round', no year); docs/cycle.md. The evidence
-- (commitments due, resources, policies, reports on time, indicators since the baseline) is
-- computed from the work when an assessment is read, and frozen here as JSON when it is
-- graded. No rank is stored, and nothing here orders groups by grade.
CREATE TABLE assessment (
  id        INTEGER PRIMARY KEY,
  "group"   TEXT NOT NULL REFERENCES grp(id),
  kind      TEXT NOT NULL CHECK (kind IN ('year', 'round')),
  year      INTEGER CHECK ((kind = 'year' AND year BETWEEN 1949 AND 2100) OR
                           (kind = 'round' AND year IS NULL)),
  grade     TEXT CHECK (grade IN ('优秀', '良好', '一般', '较差')), -- NULL: not graded yet
  comment   TEXT NOT NULL DEFAULT '',
  evidence  TEXT,                       -- JSON, frozen when graded (NULL: computed on read)
  created   TEXT NOT NULL,
  account   TEXT,
  graded    TEXT,                       -- when and by whom it was last graded
  graded_by TEXT
);
CREATE UNIQUE INDEX assessment_once ON assessment("group", kind, IFNULL(year, 0));
--
-- §5 inbox and e-mail digests (store/inbox.c): the section follows.
-- An account's e-mail address for its digest (NULL: none; written by the account itself or an
-- admin). No CR, LF or angle brackets: it goes into a mail's header.
ALTER TABLE account ADD COLUMN email TEXT CHECK (email IS NULL OR (length(email) BETWEEN 3 AND 254
  AND email LIKE '_%@_%' AND email NOT GLOB '*[<>" ,;' || char(9, 10, 13) || ']*'));
-- One row per digest sent or tried: an account gets one digest a day at most (the partial
-- unique index), and a failure is kept with its reason.
CREATE TABLE digest_log (
  id      INTEGER PRIMARY KEY,
  account TEXT NOT NULL REFERENCES account(name) ON DELETE CASCADE,
  day     TEXT NOT NULL CHECK (date(day) IS day),   -- the day it is the digest of
  time    TEXT NOT NULL,                            -- UTC, when it was sent or tried
  email   TEXT NOT NULL,
  items   INTEGER NOT NULL CHECK (items >= 0),      -- inbox items it listed
  status  TEXT NOT NULL CHECK (status IN ('sent', 'failed')),
  error   TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX digest_log_sent ON digest_log(account, day) WHERE status = 'sent';
CREATE INDEX digest_log_account ON digest_log(account, day);
-- The inbox's look-ups, each scoped to one account's unit or target (docs/cycle.md).
CREATE INDEX inbox_report_status ON group_report(status, submitted);
CREATE INDEX inbox_commitment_unit ON commitment(unit, status, due);
CREATE INDEX inbox_commitment_target ON commitment(target, status, due);
CREATE INDEX inbox_cadre_unit_end ON cadre(unit, planned_end);
--
-- §6 rotations (store/succession.c): the section follows, if it needs one.
-- The rotations need no table (a successor is a cadre naming its predecessor). The reporting
-- cycle's list at national size (bench/cycle.py, docs/performance.md): a prefecture's groups
-- found by index, and a period's reports by status and group read from the index alone.
CREATE INDEX target_prefecture ON target(prefecture);
DROP INDEX group_report_period;
CREATE INDEX group_report_period ON group_report(period, status, "group");
