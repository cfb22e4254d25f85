-- A small, hand-computed work fixture for tests/api/1700-work-report.t (on top of the bundled
-- Guangdong data of `bangfu init` and its task catalogue, of which A1, B1, C1 are used): seven
-- commitments and seven resources on
-- 廉江市 440881 (group G2023-440881: U048 lead, U111, U132), 始兴县 440222 (U028, U052) and
-- 仁化县 440224 (U029). Invented (示例), illustrative = 1.
-- `bangfu init` also bundles illustrative work (data/guangdong/work/): the fixture replaces it
-- (keeping the task catalogue), so that every figure below is the fixture's; the sums'
-- triggers follow the deletes.
DELETE FROM policy_task; DELETE FROM policy_target; DELETE FROM policy; DELETE FROM resource;
DELETE FROM evidence_file; DELETE FROM commitment; DELETE FROM need;
INSERT INTO commitment (id, round, target, unit, task, title, measure, target_value,
                        delivered_value, due, status, reason, created, illustrative) VALUES
  (1, '2023-2026', '440881', 'U048', 'A1', '高标准农田', '亩', 300, 120, '2025-03-31', 'in_progress', '', '2024-01-02T00:00:00Z', 1),
  (2, '2023-2026', '440881', 'U111', 'A1', '引进企业', '家', 5, 5, '2024-12-31', 'confirmed', '', '2024-01-02T00:00:00Z', 1),
  (3, '2023-2026', '440881', 'U132', 'C1', '医护培训', '人次', 200, 0, '2026-06-30', 'planned', '', '2024-01-02T00:00:00Z', 1),
  (4, '2023-2026', '440881', 'U048', 'B1', '村道硬化', '亩', 50, 0, '2025-01-31', 'dropped', '并入省道项目', '2024-01-02T00:00:00Z', 1),
  (5, '2023-2026', '440222', 'U028', 'A1', '茶园改造', '亩', 100, 100, '2025-05-31', 'delivered', '', '2024-01-02T00:00:00Z', 1),
  (6, '2023-2026', '440222', 'U052', 'C1', '教师培训', '人次', 80, 10, '2025-06-01', 'planned', '', '2024-01-02T00:00:00Z', 1),
  (7, '2023-2026', '440224', 'U029', 'B1', '污水处理站', '个', 3, 1, '2026-01-31', 'in_progress', '', '2024-01-02T00:00:00Z', 1);
INSERT INTO resource (id, round, kind, amount, target, unit, task, date, created, illustrative) VALUES
  (1, '2023-2026', 'funds', 1000000, '440881', 'U048', 'A1', '2024-03-01', '2024-03-01T00:00:00Z', 1),
  (2, '2023-2026', 'investment', 25000000, '440881', 'U111', NULL, '2024-04-01', '2024-04-01T00:00:00Z', 1),
  (3, '2023-2026', 'training', 300, '440881', 'U132', 'C1', '2024-05-01', '2024-05-01T00:00:00Z', 1),
  (4, '2023-2026', 'funds', 2500000, '440222', 'U028', 'A1', '2024-03-01', '2024-03-01T00:00:00Z', 1),
  (5, '2023-2026', 'project', 2, '440222', 'U052', 'B1', '2024-06-01', '2024-06-01T00:00:00Z', 1),
  (6, '2023-2026', 'investment', 3000000, '440222', 'U028', NULL, '2024-07-01', '2024-07-01T00:00:00Z', 1),
  (7, '2023-2026', 'funds', 999999, '440224', 'U029', 'B1', '2024-08-01', '2024-08-01T00:00:00Z', 1);
INSERT INTO need (id, round, target, task, title, priority, created, illustrative) VALUES
  (1, '2023-2026', '440881', 'A1', '农田改造资金', 1, '2024-01-01T00:00:00Z', 1);
UPDATE commitment SET need = 1 WHERE id = 1;
INSERT INTO policy (id, round, unit, title, doc_no, date, sector, created, illustrative) VALUES
  (1, '2023-2026', 'U048', '关于支持廉江市统计能力建设的意见', '粤统〔2024〕1号', '2024-05-01', '统计', '2024-05-01T00:00:00Z', 1);
INSERT INTO policy_target (policy, target) VALUES (1, '440881');
UPDATE meta SET value = value + 1 WHERE key = 'work_generation';
