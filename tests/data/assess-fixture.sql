-- The assessment's hand-computed fixture (tests/api/1860-assessments.t, tests/cli/0980): on
-- top of tests/data/work-fixture.sql (loaded first), the work of 廉江市 440881 (group
-- G2023-440881, round 2023-2026 from 2023-11-16 to 2026-12-31): commitment #2 delivered
-- 2024-05-20 and confirmed 2024-06-10; four more commitments due in 2024; two more resources
-- on the edges of 2024; a second policy in 2025; the group's reports on 2024Q1 (submitted on
-- time), 2024Q2 (late) and 2024Q4 (a draft, never submitted); and the target's own GDP series
-- with the province's (all other indicators of 440881 removed, the province's GDP replaced),
-- so that every figure of the test is this file's. Invented (示例), illustrative = 1.
UPDATE commitment SET delivered_on = '2024-05-20', confirmed_on = '2024-06-10' WHERE id = 2;
INSERT INTO commitment (id, round, target, unit, task, title, measure, target_value,
                        delivered_value, due, status, reason, delivered_on, confirmed_on,
                        created, illustrative) VALUES
  (8, '2023-2026', '440881', 'U048', 'A1', '培训基地', '人次', 100, 60, '2024-09-30', 'delivered', '', '2024-10-05', NULL, '2024-01-02T00:00:00Z', 1),
  (9, '2023-2026', '440881', 'U132', 'C1', '义诊', '人次', 50, 0, '2024-11-30', 'in_progress', '', NULL, NULL, '2024-01-02T00:00:00Z', 1),
  (10, '2023-2026', '440881', 'U111', 'A1', '种植基地', '亩', 80, 80, '2024-06-30', 'confirmed', '', '2024-06-20', '2025-01-15', '2024-01-02T00:00:00Z', 1),
  (11, '2023-2026', '440881', 'U048', 'B1', '路灯', '个', 10, 0, '2024-08-31', 'dropped', '改由县里建设', NULL, NULL, '2024-01-02T00:00:00Z', 1);
INSERT INTO resource (id, round, kind, amount, target, unit, task, date, created, illustrative) VALUES
  (8, '2023-2026', 'funds', 234567, '440881', 'U048', 'A1', '2024-12-31', '2024-12-31T00:00:00Z', 1),
  (9, '2023-2026', 'funds', 1, '440881', 'U048', 'A1', '2025-01-01', '2025-01-01T00:00:00Z', 1);
INSERT INTO policy (id, round, unit, title, doc_no, date, sector, created, illustrative) VALUES
  (2, '2023-2026', 'U111', '关于支持廉江市产业发展的通知', '粤示例〔2025〕2号', '2025-02-01', '产业', '2025-02-01T00:00:00Z', 1);
INSERT INTO policy_target (policy, target) VALUES (2, '440881');
INSERT INTO group_report ("group", period, status, created, updated, submitted, submitted_by)
  SELECT 'G2023-440881', id, 'approved', '2024-04-01T00:00:00Z', '2024-04-08T09:00:00Z', '2024-04-08T09:00:00Z', 'boss'
  FROM period WHERE round = '2023-2026' AND name = '2024Q1';
INSERT INTO group_report ("group", period, status, created, updated, submitted, submitted_by)
  SELECT 'G2023-440881', id, 'submitted', '2024-07-01T00:00:00Z', '2024-07-15T09:00:00Z', '2024-07-15T09:00:00Z', 'boss'
  FROM period WHERE round = '2023-2026' AND name = '2024Q2';
INSERT INTO group_report ("group", period, status, created, updated)
  SELECT 'G2023-440881', id, 'draft', '2025-01-02T00:00:00Z', '2025-01-02T00:00:00Z'
  FROM period WHERE round = '2023-2026' AND name = '2024Q4';
DELETE FROM indicator WHERE scope = '440881';
DELETE FROM indicator WHERE scope = 'province' AND name = 'gdp';
INSERT INTO indicator (scope, name, year, value, unit, quality, source) VALUES
  ('440881', 'gdp', 2021, 390, '100m_yuan', 'illustrative', '示例'),
  ('440881', 'gdp', 2022, 400, '100m_yuan', 'illustrative', '示例'),
  ('440881', 'gdp', 2023, 420, '100m_yuan', 'illustrative', '示例'),
  ('440881', 'gdp', 2024, 460, '100m_yuan', 'illustrative', '示例'),
  ('province', 'gdp', 2022, 100000, '100m_yuan', 'illustrative', '示例'),
  ('province', 'gdp', 2023, 105000, '100m_yuan', 'illustrative', '示例'),
  ('province', 'gdp', 2024, 110000, '100m_yuan', 'illustrative', '示例');
UPDATE meta SET value = value + 1 WHERE key IN ('work_generation', 'generation');
