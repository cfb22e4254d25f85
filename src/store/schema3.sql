-- bangfu schema, version 3: the plans the planner made (bangfu plan, POST /api/v1/plans),
-- kept so that several can be compared side by side before one is applied.
CREATE TABLE plan (
  id         INTEGER PRIMARY KEY,
  round      TEXT NOT NULL REFERENCES round(name) ON DELETE CASCADE,
  created    TEXT NOT NULL,
  account    TEXT,
  kind       TEXT NOT NULL CHECK (kind IN ('plan', 'repair')),
  status     TEXT NOT NULL CHECK (status IN ('optimal', 'infeasible')),
  objective  REAL,
  score      REAL,
  summary    TEXT NOT NULL,  -- JSON: statistics (and the repair's difference)
  body       TEXT NOT NULL,  -- JSON: the whole plan, as app/plan_round returns it
  applied    TEXT,           -- when it was applied (UTC), NULL if never
  applied_by TEXT
);
CREATE INDEX plan_round ON plan(round);
