-- Empties the groups' work that `bangfu init` bundles (the task catalogue stays), so that a hand-computed fixture
-- (tests/data/work-fixture.sql) is all the work there is (tests/api/18xx-cycle-*.t).
DELETE FROM policy_task;
DELETE FROM policy_target;
DELETE FROM policy;
DELETE FROM resource;
DELETE FROM evidence_file;
DELETE FROM commitment;
DELETE FROM need;
