-- Each running-sum table of the work reports (schema v4's last section) against a GROUP BY
-- over its base table: the number of rows that differ, either way (0 when the triggers kept
-- the sums right). Used by tests/api/1700-work-report.t and bench/work.py.
SELECT 'status_unit', count(*) FROM (
  SELECT * FROM (SELECT round, target, unit, status, n FROM work_sum_status_unit
    EXCEPT SELECT round, target, unit, status, count(*) FROM commitment GROUP BY 1, 2, 3, 4)
  UNION ALL SELECT * FROM (SELECT round, target, unit, status, count(*) FROM commitment
    GROUP BY 1, 2, 3, 4 EXCEPT SELECT round, target, unit, status, n FROM work_sum_status_unit));
SELECT 'status_task', count(*) FROM (
  SELECT * FROM (SELECT round, target, task, status, n FROM work_sum_status_task
    EXCEPT SELECT round, target, task, status, count(*) FROM commitment GROUP BY 1, 2, 3, 4)
  UNION ALL SELECT * FROM (SELECT round, target, task, status, count(*) FROM commitment
    GROUP BY 1, 2, 3, 4 EXCEPT SELECT round, target, task, status, n FROM work_sum_status_task));
SELECT 'measure_unit', count(*) FROM (
  SELECT * FROM (SELECT round, target, unit, measure, n, target_value, delivered_value,
      confirmed_value FROM work_sum_measure_unit
    EXCEPT SELECT round, target, unit, measure, count(*), sum(target_value),
      sum(delivered_value), sum(CASE status WHEN 'confirmed' THEN delivered_value ELSE 0 END)
      FROM commitment WHERE status <> 'dropped' GROUP BY 1, 2, 3, 4)
  UNION ALL SELECT * FROM (SELECT round, target, unit, measure, count(*), sum(target_value),
      sum(delivered_value), sum(CASE status WHEN 'confirmed' THEN delivered_value ELSE 0 END)
      FROM commitment WHERE status <> 'dropped' GROUP BY 1, 2, 3, 4
    EXCEPT SELECT round, target, unit, measure, n, target_value, delivered_value,
      confirmed_value FROM work_sum_measure_unit));
SELECT 'measure_task', count(*) FROM (
  SELECT * FROM (SELECT round, target, task, measure, n, target_value, delivered_value,
      confirmed_value FROM work_sum_measure_task
    EXCEPT SELECT round, target, task, measure, count(*), sum(target_value),
      sum(delivered_value), sum(CASE status WHEN 'confirmed' THEN delivered_value ELSE 0 END)
      FROM commitment WHERE status <> 'dropped' GROUP BY 1, 2, 3, 4)
  UNION ALL SELECT * FROM (SELECT round, target, task, measure, count(*), sum(target_value),
      sum(delivered_value), sum(CASE status WHEN 'confirmed' THEN delivered_value ELSE 0 END)
      FROM commitment WHERE status <> 'dropped' GROUP BY 1, 2, 3, 4
    EXCEPT SELECT round, target, task, measure, n, target_value, delivered_value,
      confirmed_value FROM work_sum_measure_task));
SELECT 'resource_unit', count(*) FROM (
  SELECT * FROM (SELECT round, target, unit, kind, n, amount FROM work_sum_resource_unit
    EXCEPT SELECT round, target, unit, kind, count(*), sum(amount) FROM resource
      GROUP BY 1, 2, 3, 4)
  UNION ALL SELECT * FROM (SELECT round, target, unit, kind, count(*), sum(amount) FROM resource
      GROUP BY 1, 2, 3, 4
    EXCEPT SELECT round, target, unit, kind, n, amount FROM work_sum_resource_unit));
SELECT 'resource_task', count(*) FROM (
  SELECT * FROM (SELECT round, target, task, kind, n, amount FROM work_sum_resource_task
    EXCEPT SELECT round, target, IFNULL(task, ''), kind, count(*), sum(amount) FROM resource
      GROUP BY 1, 2, 3, 4)
  UNION ALL SELECT * FROM (SELECT round, target, IFNULL(task, ''), kind, count(*), sum(amount)
      FROM resource GROUP BY 1, 2, 3, 4
    EXCEPT SELECT round, target, task, kind, n, amount FROM work_sum_resource_task));
SELECT 'status_target', count(*) FROM (
  SELECT * FROM (SELECT round, target, status, n FROM work_sum_status_target
    EXCEPT SELECT round, target, status, count(*) FROM commitment GROUP BY 1, 2, 3)
  UNION ALL SELECT * FROM (SELECT round, target, status, count(*) FROM commitment
    GROUP BY 1, 2, 3 EXCEPT SELECT round, target, status, n FROM work_sum_status_target));
SELECT 'measure_target', count(*) FROM (
  SELECT * FROM (SELECT round, target, measure, n, target_value, delivered_value,
      confirmed_value FROM work_sum_measure_target
    EXCEPT SELECT round, target, measure, count(*), sum(target_value), sum(delivered_value),
      sum(CASE status WHEN 'confirmed' THEN delivered_value ELSE 0 END)
      FROM commitment WHERE status <> 'dropped' GROUP BY 1, 2, 3)
  UNION ALL SELECT * FROM (SELECT round, target, measure, count(*), sum(target_value),
      sum(delivered_value), sum(CASE status WHEN 'confirmed' THEN delivered_value ELSE 0 END)
      FROM commitment WHERE status <> 'dropped' GROUP BY 1, 2, 3
    EXCEPT SELECT round, target, measure, n, target_value, delivered_value, confirmed_value
      FROM work_sum_measure_target));
SELECT 'resource_target', count(*) FROM (
  SELECT * FROM (SELECT round, target, kind, n, amount FROM work_sum_resource_target
    EXCEPT SELECT round, target, kind, count(*), sum(amount) FROM resource GROUP BY 1, 2, 3)
  UNION ALL SELECT * FROM (SELECT round, target, kind, count(*), sum(amount) FROM resource
      GROUP BY 1, 2, 3 EXCEPT SELECT round, target, kind, n, amount FROM work_sum_resource_target));
