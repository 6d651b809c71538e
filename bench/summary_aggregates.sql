-- What `sciatica-journal summary --json` reports for the whole history (no --from/--to),
-- computed by the sqlite3 command-line tool: the yardstick of bench/summary.py (issue 16.4:
-- the program must take at most twice as long as this).
--
-- The schema is the compact one of migration 0005: times are UTC seconds since 1970, local
-- dates are day numbers (Python's date.toordinal; julian day = number + 1721424.5), and
-- the short names (rungs, outcomes, ranges, zones, results, questions, measures) are small
-- integers whose names are in the `code` table (category, name, value).
--
-- The same work as the program, not less: every session of the period is read and judged
-- complete or not (rule 9: the dose minimums of resources/program.toml, the same CASE that
-- storage/dose_sql.py builds), then the counts per day, the days meeting the target, the
-- adherence, the pain means (every session's *before* scores: the period, its first and
-- its last 7 days), the outcome counts, the best range with the pelvis down, what each
-- exercise did, the first and latest symptom maps (extent per leg and their marks), every
-- red-flag screening with its "yes" answers, the last 60 sessions the advice is made from,
-- and the weekly measures (baseline vs latest). Rounding is SQLite's round(); the program
-- rounds in the domain (domain.rounding). The figures are printed, one result per line.
.mode list
.headers off

CREATE TEMP TABLE period AS
SELECT coalesce((SELECT min(local_date) FROM exercise_session), today) AS start_day,
       today AS end_day,
       (SELECT target_min FROM profile LIMIT 1) AS target_min,
       (SELECT target_max FROM profile LIMIT 1) AS target_max
FROM (SELECT CAST(julianday('now', 'localtime', 'start of day') - 1721424.5 AS INTEGER)
             AS today);

CREATE TEMP TABLE facts AS
SELECT s.id, s.started_at, s.local_date, r.name AS rung, s.back_pain_before AS back,
       s.leg_pain_before AS leg, o.name AS outcome, g.name AS range_reached,
       s.pelvis_stayed_down AS pelvis,
       (s.stopped_for_pain = 1 OR CASE r.name
            WHEN 'prone-lying' THEN coalesce(s.hold_seconds >= 30, 1)
            WHEN 'prone-prop' THEN coalesce(s.hold_seconds >= 30, 1)
            WHEN 'baby-press-up' THEN coalesce(s.reps_done >= 5, 1)
            WHEN 'full-press-up' THEN coalesce(s.reps_done >= 5, 1)
            WHEN 'press-up-overpressure' THEN coalesce(s.reps_done >= 5, 1)
            ELSE 1 END) AS complete
FROM exercise_session s
JOIN period p ON s.local_date BETWEEN p.start_day AND p.end_day
JOIN code r ON r.category = 'rung' AND r.value = s.rung
JOIN code o ON o.category = 'outcome' AND o.value = s.outcome
LEFT JOIN code g ON g.category = 'range' AND g.value = s.range_reached
ORDER BY s.started_at;

-- period, target
SELECT date(start_day + 1721424.5), date(end_day + 1721424.5), end_day - start_day + 1,
       target_min, target_max
FROM period;

-- sessions: total, days active, mean per day, days meeting the target, adherence, incomplete
WITH per_day AS (
    SELECT local_date, count(*) AS n FROM facts WHERE complete GROUP BY local_date
)
SELECT (SELECT count(*) FROM facts WHERE complete),
       (SELECT count(*) FROM per_day),
       round((SELECT count(*) FROM facts WHERE complete) * 1.0
             / (p.end_day - p.start_day + 1), 2),
       (SELECT count(*) FROM per_day WHERE n >= p.target_min),
       round((SELECT count(*) FROM per_day WHERE n >= p.target_min) * 100.0
             / (p.end_day - p.start_day + 1), 1),
       (SELECT count(*) FROM facts WHERE NOT complete)
FROM period p;

-- pain, back and leg: first week, last week, change, period mean, span in days
WITH edges AS (SELECT min(local_date) AS first_day, max(local_date) AS last_day FROM facts),
weeks AS (
    SELECT avg(CASE WHEN f.local_date <= e.first_day + 6 THEN f.back END) AS back_first,
           avg(CASE WHEN f.local_date >= e.last_day - 6 THEN f.back END) AS back_last,
           avg(f.back) AS back_all,
           avg(CASE WHEN f.local_date <= e.first_day + 6 THEN f.leg END) AS leg_first,
           avg(CASE WHEN f.local_date >= e.last_day - 6 THEN f.leg END) AS leg_last,
           avg(f.leg) AS leg_all,
           e.last_day - e.first_day + 1 AS span
    FROM facts f, edges e
)
SELECT round(back_first, 2), round(back_last, 2), round(back_last - back_first, 2),
       round(back_all, 2), round(leg_first, 2), round(leg_last, 2),
       round(leg_last - leg_first, 2), round(leg_all, 2), span
FROM weeks;

-- outcomes of the complete sessions
SELECT o.name, count(f.id)
FROM code o LEFT JOIN facts f ON f.outcome = o.name AND f.complete
WHERE o.category = 'outcome'
GROUP BY o.name ORDER BY o.value;

-- the best range reached with the pelvis down (complete sessions)
SELECT g.name FROM facts f JOIN code g ON g.category = 'range' AND g.name = f.range_reached
WHERE f.complete AND f.pelvis
ORDER BY g.value DESC LIMIT 1;

-- what each exercise did: sessions (complete) and outcomes, incomplete apart
SELECT rung, sum(complete),
       sum(complete AND outcome = 'centralized'), sum(complete AND outcome = 'abolished'),
       sum(complete AND outcome = 'better'), sum(complete AND outcome = 'no_change'),
       sum(complete AND outcome = 'worse'), sum(complete AND outcome = 'peripheralized'),
       sum(NOT complete)
FROM facts GROUP BY rung ORDER BY rung;

-- the first and the latest symptom map of the period: extent per leg, and their marks
SELECT * FROM (
    SELECT m.recorded_at, m.left_extent, m.right_extent, hex(m.marks)
    FROM symptom_map m, period p WHERE m.local_date BETWEEN p.start_day AND p.end_day
    ORDER BY m.recorded_at, m.id LIMIT 1
);
SELECT * FROM (
    SELECT m.recorded_at, m.left_extent, m.right_extent, hex(m.marks)
    FROM symptom_map m, period p WHERE m.local_date BETWEEN p.start_day AND p.end_day
    ORDER BY m.recorded_at DESC, m.id DESC LIMIT 1
);

-- every red-flag screening of the period, oldest first, with the questions answered "yes"
SELECT date(r.local_date + 1721424.5), datetime(r.answered_at, 'unixepoch'), z.name,
       c.name,
       (SELECT group_concat(q.name, ',') FROM red_flag_answer a
        JOIN code q ON q.category = 'question' AND q.value = a.question
        WHERE a.screen_id = r.id AND a.answer = 1)
FROM red_flag_screen r
JOIN period p ON r.local_date BETWEEN p.start_day AND p.end_day
JOIN code c ON c.category = 'result' AND c.value = r.result
JOIN code z ON z.category = 'zone' AND z.value = r.zone
ORDER BY r.answered_at, r.id;

-- the advice is made from the newest 60 sessions and their maps' extents
SELECT s.local_date, r.name, s.outcome, s.stopped_for_pain, s.range_reached,
       s.pelvis_stayed_down, b.left_extent, b.right_extent, a.left_extent, a.right_extent,
       s.back_pain_before, s.leg_pain_before, s.back_pain_after, s.leg_pain_after,
       s.reps_done, s.hold_seconds
FROM exercise_session s
JOIN code r ON r.category = 'rung' AND r.value = s.rung
LEFT JOIN symptom_map b ON b.id = s.map_before_id
LEFT JOIN symptom_map a ON a.id = s.map_after_id
ORDER BY s.started_at DESC LIMIT 60;

-- the weekly measures: responses, the first (baseline) and the latest score of each
WITH scored AS (
    SELECT r.measure, r.answered_at, sum(a.value) AS score
    FROM measure_response r JOIN measure_answer a ON a.response_id = r.id
    GROUP BY r.id
)
SELECT c.name, count(s.measure),
       (SELECT score FROM scored t WHERE t.measure = c.value ORDER BY answered_at LIMIT 1),
       (SELECT score FROM scored t WHERE t.measure = c.value ORDER BY answered_at DESC LIMIT 1)
FROM code c LEFT JOIN scored s ON s.measure = c.value
WHERE c.category = 'measure'
GROUP BY c.name;
