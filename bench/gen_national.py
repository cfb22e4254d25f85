#!/usr/bin/env python3
"""gen_national.py DIR: writes a national-size bangfu data set into DIR for `make bench`.

SYNTHETIC DATA: every record below is invented for benchmarking (verified=0, quality
`illustrative`). The adcodes, names, pairings and cadres are not real and must never be
imported into a production database or cited.

Size (the issue's "national" scale): 1 round, 2,844 targets, 30,000 units, one group per
target (1 lead + members, ~31,500 memberships), 300,000 cadres, and pop_resident /
land_area indicators for every target and the province. The files follow
docs/data-format.md exactly (UTF-8, `\\n`, rows sorted by key, no field needs quoting).

Consistency, so that `bangfu check --as-of 2025-06-30` mostly passes:
- every target has exactly one group (S3); each group has one lead and >= 1 member (S5);
- every unit is used at least once, and at most `capacity` times (S8);
- cadres form rotation chains per (group, unit, post): the lead unit has one chain of
  division-level cadres, a member unit two chains of middle/section-level cadres, so on any
  day of the round the quota holds (S6); each cadre's successor names it as predecessor, terms
  are far below the 3-year cycle and lie inside the round (S7), and the chains of a group are
  phase-shifted so their departures are spread out (rotation continuity, S7);
- a few predecessor links (about 1 chain in 300) are deliberately left out, so `check` has
  some violations (term: "left and no successor") to report.

The groups' work (docs/work.md) goes into DIR/work/: 12 tasks (3 domains), 14,220 needs (5 per
target), 100,000 commitments, 1,000,000 resource entries and 20,000 policies, each by a unit of
the target's group (policies: for its groups' targets), dates within the round, statuses in
their rules (delivered and confirmed with evidence, dropped with a reason), money in integer
yuan. Drawn with a random generator of its own, so the registry's files do not change with it.

It also writes plan-needs.csv, a needs table for `bangfu plan --round 2023-2026 --needs` under
which the round is feasible (docs/planner.md, "Planning at national size").

Python 3 standard library only; fixed seed, so the output is byte-for-byte reproducible.
"""
import csv
import datetime as dt
import os
import random
import sys

SEED = 20231116
N_TARGETS = 2844
N_UNITS = 30000
N_CADRES = 300000
N_EXTRA_MEMBERSHIPS = 1500      # second groups for capacity-2 units
SHARE_CAPACITY_2 = 0.15
BROKEN_LINK_EVERY = 300         # about one chain in this many loses a predecessor link

ROUND = "2023-2026"
ROUND_START = dt.date(2023, 11, 16)
ROUND_END = dt.date(2026, 12, 31)
CYCLE_YEARS = 3
DATA_DATE = dt.date(2025, 6, 30)  # cadres whose term ended before it have actual_end set

PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44,
             45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65]
KINDS = [("county", "县", "County", 60), ("autonomous_county", "自治县", "Autonomous County", 5),
         ("county_city", "市", "City", 15), ("district", "区", "District", 20)]
CLASSES = ["coastal", "mountain", "agricultural", "ecological", "industrial", "tourism"]
REGIONS = ["北部生态发展区", "沿海经济带东翼", "沿海经济带西翼", ""]
CATEGORIES = ["party", "legislature", "judiciary", "government", "institution", "mass_org",
              "central_unit", "university", "provincial_soe", "central_soe", "finance"]
STRENGTHS = ["industry", "agriculture", "marine", "tourism", "ecology", "planning",
             "education", "health", "finance", "digital", "business_env"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志海文斌宁晓波辉鹏飞俊峰"
LEAD_POSTS = ["县委副书记", "县委常委、副县长", "市委副书记"]
MEMBER_POSTS = ["县发展和改革局副局长", "县农业农村局副局长", "县工业和信息化局副局长",
                "县教育局副局长", "县卫生健康局副局长", "县文化广电旅游体育局副局长",
                "镇党委副书记", "县商务局副局长", "县自然资源局副局长", "县乡村振兴局副局长"]
NOTE = "synthetic benchmark data"

WORK_SEED = 20261202
N_NEEDS_PER_TARGET = 5
N_COMMITMENTS = 100000
N_RESOURCES = 1000000
N_POLICIES = 20000
TASKS = [("A%d" % i, "industry", "培育壮大特色产业") for i in range(1, 5)] + \
        [("B%d" % i, "urban_rural", "加强城乡建设规划") for i in range(1, 5)] + \
        [("C%d" % i, "public_services", "提升基本公共服务") for i in range(1, 5)]
MEASURES = ["亩", "家", "个", "项", "人", "人次", "户", "万元", "公里", "平方米", "吨", "场", "所",
            "套"]
STATUSES = [("planned", 25), ("in_progress", 35), ("delivered", 15), ("confirmed", 20),
            ("dropped", 5)]
RES_KINDS = [("funds", 30), ("investment", 15), ("project", 20), ("enterprise", 10),
             ("talent", 10), ("training", 15)]


NEEDS_HEADER = ["condition", "value"] + STRENGTHS + ["note"]


def need_row(cond, value, weights, note):
    return [cond, value] + [weights.get(d, "") for d in STRENGTHS] + [note]


NEEDS_ROWS = [
    need_row("*", 0, {"planning": 1, "education": 1, "health": 1, "finance": 0.5,
                      "digital": 0.5, "business_env": 1}, "synthetic benchmark table: every target"),
    need_row("class=coastal", 0, {"industry": 1, "marine": 3, "tourism": 1}, "coastal"),
    need_row("class=mountain", 0.25, {"industry": 1, "agriculture": 1, "tourism": 2, "ecology": 2},
             "mountain"),
    need_row("class=ecological", 0, {"agriculture": 1, "tourism": 1, "ecology": 2}, "ecological"),
    need_row("class=agricultural", 0, {"industry": 1, "agriculture": 3}, "agricultural"),
    need_row("class=industrial", 0, {"industry": 3, "planning": 1, "finance": 1, "digital": 1,
                                     "business_env": 1}, "industrial"),
    need_row("class=tourism", 0, {"tourism": 3, "ecology": 1}, "tourism"),
    need_row("old_area=1", 0.5, {}, "districts marked old_area"),
    need_row("pop_resident>=1000000", 0.25, {"education": 0.5, "health": 0.5},
             "a large population"),
    need_row("pop_density<100", 0.25, {"agriculture": 0.5, "ecology": 0.5}, "sparsely populated"),
    need_row("set:continuity", 4, {}, ""),
    need_row("set:continuity_role", 2, {}, ""),
    need_row("set:member_cost", 2, {}, "a member's cost"),
    need_row("set:keep", 100, {}, ""),
    need_row("set:stability", 0, {}, "0: the plan is free to move any unit (so that units "
             "with the same strengths, category and capacity are interchangeable)"),
    need_row("set:member_min", 1, {}, ""),
    need_row("set:member_max", 12, {}, "room for every unit (min 1 each)"),
] + [need_row("set:bonus_%d" % k, b, {}, "") for k, b in
     enumerate([6, 3, 1, 0.5, 0.25, 0, 0, 0, 0, 0, 0, 0], 1)] + [
    need_row("lead:" + c, w, {}, "") for c, w in
    [("party", 3), ("government", 3), ("legislature", 2), ("judiciary", 2),
     ("central_unit", 1.5), ("provincial_soe", 2), ("central_soe", 1.5), ("finance", 1),
     ("institution", 1)]]


def write(folder, name, header, rows):
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def pick_list(rng, words, most):
    return ";".join(sorted(rng.sample(words, rng.randint(0, most)), key=words.index))


def main(folder):
    rng = random.Random(SEED)
    os.makedirs(folder, exist_ok=True)

    # rounds
    write(folder, "rounds.csv", ["name", "start", "end", "cycle_years", "note"],
          [[ROUND, ROUND_START.isoformat(), ROUND_END.isoformat(), CYCLE_YEARS,
            "synthetic round for the benchmark"]])

    # targets: unique synthetic adcodes PPCCDD with DD != 00
    candidates = [p * 10000 + c * 100 + d for p in PROVINCES for c in range(1, 21)
                  for d in range(1, 41)]
    adcodes = sorted("%06d" % x for x in rng.sample(candidates, N_TARGETS))
    weights = [k[3] for k in KINDS]
    targets = []
    for a in adcodes:
        kind, suf_zh, suf_en, _ = rng.choices(KINDS, weights)[0]
        targets.append([
            a, "示例%s%s" % (a, suf_zh), "Synthetic %s %s" % (suf_en, a), "示例%s市" % a[:4],
            kind, 1 if kind == "district" else 0, pick_list(rng, CLASSES, 2),
            rng.choice(REGIONS), "%.3f" % rng.uniform(74.0, 134.0),
            "%.3f" % rng.uniform(18.5, 53.0), 0, NOTE])
    write(folder, "targets.csv", ["adcode", "name_zh", "name_en", "prefecture", "kind",
                                  "old_area", "classes", "region", "lon", "lat", "verified",
                                  "note"], targets)

    # units
    codes = ["U%05d" % i for i in range(1, N_UNITS + 1)]
    capacity = {}
    units = []
    for i, code in enumerate(codes, 1):
        capacity[code] = 2 if rng.random() < SHARE_CAPACITY_2 else 1
        units.append([code, "示例帮扶单位%05d" % i, "Synthetic Unit %05d" % i,
                      rng.choice(CATEGORIES), capacity[code], pick_list(rng, STRENGTHS, 3), 0,
                      ""])
    write(folder, "units.csv", ["code", "name_zh", "name_en", "category", "capacity",
                                "strengths", "verified", "note"], units)

    # groups and members: one group per target; each unit at least once, within capacity
    groups = ["G-" + a for a in adcodes]
    write(folder, "groups.csv", ["id", "round", "target", "verified", "note"],
          [[g, ROUND, a, 0, ""] for g, a in zip(groups, adcodes)])
    order = codes[:]
    rng.shuffle(order)
    members = {g: [] for g in groups}           # group -> [(unit, role)]
    for i, g in enumerate(groups):
        members[g].append((order[i], "lead"))
    for i, u in enumerate(order[len(groups):]):
        members[groups[i % len(groups)]].append((u, "member"))
    twice = [u for u in order if capacity[u] == 2]
    for u in twice[:N_EXTRA_MEMBERSHIPS]:
        while True:
            g = rng.choice(groups)
            if all(u != x for x, _ in members[g]):
                members[g].append((u, "member"))
                break
    member_rows = sorted([g, u, role, ""] for g in groups for u, role in members[g])
    write(folder, "members.csv", ["group", "unit", "role", "note"], member_rows)

    # cadres: rotation chains. Lead: 1 chain (division); member: 2 chains (middle/section).
    chains = []                                 # (group, unit, rank, phase index, of)
    for g in groups:
        ms = sorted(members[g])
        slots = [(u, "division") for u, r in ms if r == "lead"]
        for u, r in ms:
            if r == "member":
                slots += [(u, rng.choice(("middle", "section"))) for _ in range(2)]
        for j, (u, rank) in enumerate(slots):
            chains.append((g, u, rank, j, len(slots)))
    base, extra = divmod(N_CADRES, len(chains))
    longer = set(rng.sample(range(len(chains)), extra))
    span = (ROUND_END - ROUND_START).days
    days = [(ROUND_START + dt.timedelta(d)).isoformat() for d in range(span + 1)]
    data_day = (DATA_DATE - ROUND_START).days
    rows = []
    nid = 0
    for ci, (g, u, rank, j, nslots) in enumerate(chains):
        k = base + (ci in longer)               # cadres in this chain
        f = 0.5 + (j + 0.5) / nslots            # phase in (0.5, 1.5): spreads departures
        cuts = [0] + [int((i + f) * span / k) for i in range(k - 1)] + [span + 1]
        posts = LEAD_POSTS if rank == "division" else MEMBER_POSTS
        post = rng.choice(posts)
        broken = rng.randrange(BROKEN_LINK_EVERY) == 0
        prev = ""
        for i in range(k):
            nid += 1
            cid = "C%06d" % nid
            s, e = cuts[i], cuts[i + 1] - 1
            name = rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)
            pred = prev
            if broken and i > 0 and s <= data_day <= e:
                pred = ""                       # deliberate gap: predecessor not named
            rows.append([cid, name, u, g, rank, post, days[s], days[e],
                         days[e] if e < data_day else "", pred, 0, ""])
            prev = cid
    write(folder, "cadres.csv", ["id", "name", "unit", "group", "rank", "post", "start",
                                 "planned_end", "actual_end", "predecessor", "verified",
                                 "note"], rows)

    # indicators: pop_resident 2022/2023 and land_area 2023 per target and for the province
    ind = []
    tot = {"pop_resident": {2022: 0, 2023: 0}, "land_area": {2023: 0.0}}
    for a in adcodes:
        pop = rng.randint(80000, 1500000)
        area = round(rng.uniform(300.0, 5000.0), 2)
        p22 = int(pop * rng.uniform(0.98, 1.02))
        ind.append([a, "land_area", 2023, "%.2f" % area, "km2", "illustrative", NOTE])
        ind.append([a, "pop_resident", 2022, p22, "persons", "illustrative", NOTE])
        ind.append([a, "pop_resident", 2023, pop, "persons", "illustrative", NOTE])
        tot["pop_resident"][2022] += p22
        tot["pop_resident"][2023] += pop
        tot["land_area"][2023] += area
    ind.append(["province", "land_area", 2023, "%.2f" % (tot["land_area"][2023] * 1.6), "km2",
                "illustrative", NOTE])
    for y in (2022, 2023):
        ind.append(["province", "pop_resident", y, int(tot["pop_resident"][y] * 2.5),
                    "persons", "illustrative", NOTE])
    write(folder, "indicators.csv", ["scope", "name", "year", "value", "unit", "quality",
                                     "source"], ind)
    # the planner's needs table (bangfu plan --round 2023-2026 --needs plan-needs.csv): the
    # bundled table's rows (no gdp row: the data set has no GDP) with room for every unit:
    # 30,000 units of minimum 1 need 2,844 x (1 + member_max) >= 30,000 places, so
    # member_max is 12 (the bundled 3 would leave the round infeasible)
    write(folder, "plan-needs.csv", NEEDS_HEADER, NEEDS_ROWS)
    work(os.path.join(folder, "work"), adcodes, groups, members)
    print("gen_national: wrote %s: %d targets, %d units, %d groups, %d memberships, "
          "%d cadres, %d indicators" % (folder, len(targets), len(units), len(groups),
                                        len(member_rows), len(rows), len(ind)))


def work(folder, adcodes, groups, members):
    """The groups' work at national size into folder (docs/work.md's CSV files)."""
    rng = random.Random(WORK_SEED)
    os.makedirs(folder, exist_ok=True)
    span = (ROUND_END - ROUND_START).days
    day = lambda: (ROUND_START + dt.timedelta(rng.randrange(span + 1))).isoformat()
    units_of = {a: [u for u, _ in sorted(members[g])] for a, g in zip(adcodes, groups)}
    write(folder, "tasks.csv", ["round", "code", "domain", "domain_zh", "name_zh", "name_en",
                                "article_wording", "classes", "direction", "verified", "note"],
          [[ROUND, c, d, dz, "示例任务%s" % c, "Synthetic task %s" % c, "", "", "", 0, NOTE]
           for c, d, dz in TASKS])
    needs, need_of = [], {}
    for a in adcodes:
        for _ in range(N_NEEDS_PER_TARGET):
            task = rng.choice(TASKS)[0]
            needs.append([len(needs) + 1, ROUND, a, task, "示例需求%d" % (len(needs) + 1), "",
                          rng.randint(1, 3), 1])
            need_of.setdefault(a, []).append((len(needs), task))
    write(folder, "needs.csv", ["id", "round", "target", "task", "title", "detail", "priority",
                                "illustrative"], needs)
    st_words, st_weights = zip(*STATUSES)
    rows = []
    for i in range(1, N_COMMITMENTS + 1):
        a = rng.choice(adcodes)
        unit = rng.choice(units_of[a])
        need, task = rng.choice(need_of[a]) if rng.random() < 0.5 else ("", rng.choice(TASKS)[0])
        status = rng.choices(st_words, st_weights)[0]
        tv = rng.randint(1, 5000)
        dv = {"planned": 0, "in_progress": rng.randint(0, tv), "delivered": tv,
              "confirmed": tv, "dropped": 0}[status]
        due = day()
        done = status in ("delivered", "confirmed")
        rows.append([i, ROUND, a, unit, task, need, "示例帮扶事项%d" % i, rng.choice(MEASURES), tv,
                     dv, due, status, "示例交付说明" if done else "", "",
                     "示例放弃原因" if status == "dropped" else "", due if done else "",
                     due if status == "confirmed" else "", "", 1])
    write(folder, "commitments.csv", ["id", "round", "target", "unit", "task", "need", "title",
                                      "measure", "target_value", "delivered_value", "due",
                                      "status", "evidence", "evidence_link", "reason",
                                      "delivered_on", "confirmed_on", "confirmed_by",
                                      "illustrative"], rows)
    kinds, kind_weights = zip(*RES_KINDS)
    rows = []
    for i in range(1, N_RESOURCES + 1):
        a = rng.choice(adcodes)
        kind = rng.choices(kinds, kind_weights)[0]
        amount = rng.randint(10000, 50000000) if kind in ("funds", "investment") else \
            rng.randint(1, 500)
        rows.append([i, ROUND, kind, amount, a, rng.choice(units_of[a]),
                     rng.choice(TASKS)[0] if rng.random() < 0.7 else "", "", day(),
                     "示例文号%d" % i, 1])
    write(folder, "resources.csv", ["id", "round", "kind", "amount", "target", "unit", "task",
                                    "commitment", "date", "source", "illustrative"], rows)
    groups_of = {}
    for a, g in zip(adcodes, groups):
        for u, _ in members[g]:
            groups_of.setdefault(u, []).append(a)
    units = sorted(groups_of)
    rows = []
    for i in range(1, N_POLICIES + 1):
        u = rng.choice(units)
        rows.append([i, ROUND, u, "示例政策文件%d" % i, "示例〔2024〕%d号" % i, day(),
                     rng.choice(["农业", "工业", "教育", "卫生", "交通"]),
                     ";".join(sorted(set(rng.sample(groups_of[u], 1)))),
                     ";".join(sorted(rng.sample([t[0] for t in TASKS], rng.randint(1, 2)))),
                     "", 1])
    write(folder, "policies.csv", ["id", "round", "unit", "title", "doc_no", "date", "sector",
                                   "targets", "tasks", "link", "illustrative"], rows)


if __name__ == "__main__":
    # gen_national.py DIR [TARGETS UNITS CADRES]: a smaller data set of the same kind (for
    # tests); the default is the national size above
    if len(sys.argv) not in (2, 5):
        sys.exit("usage: gen_national.py DIR [TARGETS UNITS CADRES]")
    if len(sys.argv) == 5:
        N_TARGETS, N_UNITS, N_CADRES = (int(x) for x in sys.argv[2:5])
        N_EXTRA_MEMBERSHIPS = N_UNITS // 20
        scale = N_TARGETS / 2844.0              # the work in proportion to the targets
        N_COMMITMENTS = max(1, int(N_COMMITMENTS * scale))
        N_RESOURCES = max(1, int(N_RESOURCES * scale))
        N_POLICIES = max(1, int(N_POLICIES * scale))
    main(sys.argv[1])
