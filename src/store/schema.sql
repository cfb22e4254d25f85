-- bangfu schema, version 1. Column names are the CSV column names of docs/data-format.md.
-- Dates are ISO text (YYYY-MM-DD); flags are 0/1; lists are ';'-separated words.
CREATE TABLE round (
  name        TEXT PRIMARY KEY,
  start       TEXT NOT NULL CHECK (date(start) IS start),
  "end"       TEXT NOT NULL CHECK (date("end") IS "end"),
  cycle_years INTEGER NOT NULL CHECK (cycle_years BETWEEN 1 AND 10),
  note        TEXT,
  CHECK ("end" > start)
);
CREATE TABLE target (
  adcode     TEXT PRIMARY KEY CHECK (length(adcode) = 6 AND adcode NOT GLOB '*[^0-9]*'),
  name_zh    TEXT NOT NULL,
  name_en    TEXT,
  prefecture TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('county', 'autonomous_county', 'county_city', 'district')),
  old_area   INTEGER NOT NULL CHECK (old_area IN (0, 1)),
  classes    TEXT,
  region     TEXT,
  lon        REAL CHECK (lon BETWEEN -180 AND 180),
  lat        REAL CHECK (lat BETWEEN -90 AND 90),
  verified   INTEGER NOT NULL CHECK (verified IN (0, 1)),
  note       TEXT
);
CREATE TABLE unit (
  code      TEXT PRIMARY KEY,
  name_zh   TEXT NOT NULL UNIQUE,
  name_en   TEXT,
  category  TEXT NOT NULL CHECK (category IN ('party', 'legislature', 'judiciary', 'government',
              'institution', 'mass_org', 'central_unit', 'university', 'provincial_soe',
              'central_soe', 'finance')),
  capacity  INTEGER NOT NULL CHECK (capacity IN (1, 2)),
  strengths TEXT,
  verified  INTEGER NOT NULL CHECK (verified IN (0, 1)),
  note      TEXT
);
CREATE TABLE grp (
  id       TEXT PRIMARY KEY,
  round    TEXT NOT NULL REFERENCES round(name),
  target   TEXT NOT NULL REFERENCES target(adcode),
  verified INTEGER NOT NULL CHECK (verified IN (0, 1)),
  note     TEXT
);
CREATE INDEX grp_round ON grp(round);
CREATE INDEX grp_target ON grp(target);
CREATE TABLE member (
  "group" TEXT NOT NULL REFERENCES grp(id) ON DELETE CASCADE,
  unit    TEXT NOT NULL REFERENCES unit(code),
  role    TEXT NOT NULL CHECK (role IN ('lead', 'member')),
  note    TEXT,
  PRIMARY KEY ("group", unit)
);
CREATE INDEX member_unit ON member(unit);
CREATE TABLE cadre (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  unit        TEXT NOT NULL REFERENCES unit(code),
  "group"     TEXT NOT NULL REFERENCES grp(id),
  rank        TEXT NOT NULL CHECK (rank IN ('division', 'middle', 'section')),
  post        TEXT NOT NULL,
  start       TEXT NOT NULL CHECK (date(start) IS start),
  planned_end TEXT NOT NULL CHECK (date(planned_end) IS planned_end AND planned_end >= start),
  actual_end  TEXT CHECK (actual_end IS NULL OR (date(actual_end) IS actual_end AND actual_end >= start)),
  predecessor TEXT REFERENCES cadre(id),
  verified    INTEGER NOT NULL CHECK (verified IN (0, 1)),
  note        TEXT
);
CREATE INDEX cadre_group ON cadre("group");
CREATE INDEX cadre_unit ON cadre(unit);
CREATE INDEX cadre_predecessor ON cadre(predecessor);
-- scope is a target adcode or 'province'; store_dangling() checks the adcodes, since a
-- foreign key cannot allow the one extra value.
CREATE TABLE indicator (
  scope   TEXT NOT NULL,
  name    TEXT NOT NULL,
  year    INTEGER NOT NULL CHECK (year BETWEEN 1949 AND 2100),
  value   REAL NOT NULL,
  unit    TEXT,
  quality TEXT NOT NULL CHECK (quality IN ('official', 'approx', 'estimate', 'illustrative')),
  source  TEXT,
  PRIMARY KEY (scope, name, year)
);
