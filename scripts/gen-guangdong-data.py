#!/usr/bin/env python3
"""Generate the bundled Guangdong data set (data/guangdong/*.csv) for bangfu.

Reads the raw facts from ../shared/data/guangdong/ (relative to the repository root), writes the
seven CSV files of docs/data-format.md into data/guangdong/, then reads them back and verifies
the programme's constraints. Exits non-zero if a constraint fails.

Python 3 standard library only. Deterministic: fixed random seed, no clock, no network.
Published facts are marked verified=1; everything else (pairings except 廉江市's, all cadres,
all dates) is illustrative and marked verified=0. See data/guangdong/SOURCES.md.

The groups other than 廉江市's published one are formed by the planner: the script writes every
file but the groups, memberships and cadres (with 廉江's group) into a temporary folder, a
built bangfu imports them into a temporary database, runs `bangfu plan --round 2023-2026
--apply` with data/guangdong/plan-needs.csv and exports the groups and memberships; the script
then invents the cadres for those groups.

Usage: python3 scripts/gen-guangdong-data.py [--check-only] [--bangfu PATH]
       (PATH defaults to $BANGFU, else build/bangfu: build it first with `make`)
"""

import csv
import json
import datetime as dt
import os
import random
import re
import subprocess
import sys
import tempfile

SEED = 20231116  # the mobilisation meeting (动员会), 2023-11-16

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# the raw facts: $GUANGDONG_RAW, else ../shared/data/guangdong (a worktree elsewhere sets it)
RAW = os.environ.get("GUANGDONG_RAW") or \
    os.path.normpath(os.path.join(REPO, "..", "shared", "data", "guangdong"))
OUT = os.path.join(REPO, "data", "guangdong")

ROUND = "2023-2026"
ROUND_START = dt.date(2023, 11, 16)
ROUND_END = dt.date(2026, 12, 31)
CYCLE_YEARS = 3

LEAD_BATCH = (dt.date(2023, 12, 18), dt.date(2024, 1, 15))
SECOND_BATCH = (dt.date(2024, 4, 25), dt.date(2024, 11, 1))
ON_POST_FROM = dt.date(2024, 11, 1)       # every on-post cadre serves every day of
ON_POST_TO = dt.date(2026, 12, 15)        # [ON_POST_FROM, ON_POST_TO]
HIST_END = (dt.date(2024, 6, 1), dt.date(2024, 10, 15))
CONTINUITY_DAYS = 90
END_WINDOW = 90                           # bangfu's default --end-window: the round's last
END_EDGE = ROUND_END - dt.timedelta(days=END_WINDOW - 1)   # days, from END_EDGE to ROUND_END
TARGET_ON_POST = 190                      # must stay within 185..195
N_HISTORY = 7                             # must stay within 6..8

SRC_ARTICLE = "南方日报 2023-11-17 广东深入实施百千万工程 支持县域高质量发展 (动员会 2023-11-16)"
SRC_LIANJIANG = "published: 南方杂志 2024-05-29 县里来了工作队 (nfzz.net.cn)"

COLUMNS = {
    "rounds": ["name", "start", "end", "cycle_years", "note"],
    "targets": ["adcode", "name_zh", "name_en", "prefecture", "kind", "old_area", "classes",
                "region", "lon", "lat", "verified", "note"],
    "units": ["code", "name_zh", "name_en", "category", "capacity", "strengths", "verified", "note"],
    "groups": ["id", "round", "target", "verified", "note"],
    "members": ["group", "unit", "role", "note"],
    "cadres": ["id", "name", "unit", "group", "rank", "post", "start", "planned_end", "actual_end",
               "predecessor", "verified", "note"],
    "indicators": ["scope", "name", "year", "value", "unit", "quality", "source"],
}
KEYLEN = {"rounds": 1, "targets": 1, "units": 1, "groups": 1, "members": 2, "cadres": 1,
          "indicators": 3}

CLASSES = {"coastal", "mountain", "agricultural", "ecological", "industrial", "tourism"}
STRENGTHS = {"industry", "agriculture", "marine", "tourism", "ecology", "planning", "education",
             "health", "finance", "digital", "business_env"}
CATEGORIES = {"party", "legislature", "judiciary", "government", "institution", "mass_org",
              "central_unit", "university", "provincial_soe", "central_soe", "finance"}
KIND_MAP = {"县": "county", "自治县": "autonomous_county", "县级市": "county_city"}

# --------------------------------------------------------------------------------------------
# Judgement tables (documented in SOURCES.md)
# --------------------------------------------------------------------------------------------

# The 5 candidate old-area districts (README: no published source names them): unverified.
DISTRICTS = [
    # adcode, name_zh, name_en, prefecture, classes (judgement)
    ("440513", "潮阳区", "Chaoyang District, Shantou", "汕头市", ["coastal", "industrial"]),
    ("440514", "潮南区", "Chaonan District", "汕头市", ["coastal", "industrial"]),
    ("441402", "梅江区", "Meijiang District", "梅州市", ["mountain", "ecological"]),
    ("441403", "梅县区", "Meixian District", "梅州市", ["mountain", "ecological"]),
    ("441502", "城区", "Chengqu District, Shanwei", "汕尾市", ["coastal"]),
]

# Classes of the 12 珠三角核心区 counties that are not coastal (judgement, per county).
PRD_CLASSES = {
    "441223": ["mountain", "ecological"],   # 广宁县
    "441224": ["mountain", "ecological"],   # 怀集县
    "441225": ["mountain", "ecological"],   # 封开县
    "441226": ["mountain", "ecological"],   # 德庆县
    "441324": ["mountain", "ecological"],   # 龙门县
    "441284": ["industrial"],               # 四会市
    "440784": ["industrial"],               # 鹤山市
    "441322": ["industrial"],               # 博罗县
    "440783": ["tourism"],                  # 开平市 (碉楼, World Heritage); coastal flag unknown
}

# The 156 candidate units, in the order of units-candidates.csv: English name, strengths.
UNITS = [
    ("省委办公厅", "General Office of the CPC Guangdong Provincial Committee", "planning"),
    ("省委组织部", "Organization Department of the CPC Guangdong Provincial Committee", "planning;education"),
    ("省委宣传部", "Publicity Department of the CPC Guangdong Provincial Committee", "tourism;education"),
    ("省委统战部", "United Front Work Department of the CPC Guangdong Provincial Committee", "business_env;industry"),
    ("省委政法委", "Political and Legal Affairs Commission of the CPC Guangdong Provincial Committee", "business_env"),
    ("省委政策研究室", "Policy Research Office of the CPC Guangdong Provincial Committee", "planning"),
    ("省委网信办", "Cyberspace Affairs Commission Office of the CPC Guangdong Provincial Committee", "digital"),
    ("省委外办", "Foreign Affairs Office of the CPC Guangdong Provincial Committee", "business_env"),
    ("省委编办", "Guangdong Provincial Commission Office for Public Sector Reform", "business_env;planning"),
    ("省直机关工委", "Work Committee for Provincial Departments of the CPC Guangdong Provincial Committee", "planning"),
    ("省委老干部局", "Veteran Cadres Bureau of the CPC Guangdong Provincial Committee", "health"),
    ("省委台办", "Taiwan Affairs Office of the CPC Guangdong Provincial Committee", "business_env;agriculture"),
    ("省纪委监委机关", "Guangdong Provincial Commission for Discipline Inspection and Supervisory Commission", "business_env"),
    ("省委党校", "Party School of the CPC Guangdong Provincial Committee", "education;planning"),
    ("省委社会工作部", "Social Work Department of the CPC Guangdong Provincial Committee", "planning;health"),
    ("省委金融办", "Financial Affairs Office of the CPC Guangdong Provincial Committee", "finance"),
    ("省人大常委会办公厅", "General Office of the Standing Committee of the Guangdong Provincial People's Congress", "planning"),
    ("省政协办公厅", "General Office of the Guangdong Provincial Committee of the CPPCC", "planning"),
    ("省高级人民法院", "Guangdong High People's Court", "business_env"),
    ("省人民检察院", "Guangdong Provincial People's Procuratorate", "business_env;ecology"),
    ("省政府办公厅", "General Office of the People's Government of Guangdong Province", "planning;business_env"),
    ("省发展改革委", "Development and Reform Commission of Guangdong Province", "planning;industry"),
    ("省教育厅", "Department of Education of Guangdong Province", "education"),
    ("省科技厅", "Department of Science and Technology of Guangdong Province", "industry;digital"),
    ("省工业和信息化厅", "Department of Industry and Information Technology of Guangdong Province", "industry;digital"),
    ("省民族宗教委", "Ethnic and Religious Affairs Commission of Guangdong Province", "tourism;education"),
    ("省公安厅", "Public Security Department of Guangdong Province", "business_env"),
    ("省民政厅", "Department of Civil Affairs of Guangdong Province", "health"),
    ("省司法厅", "Department of Justice of Guangdong Province", "business_env"),
    ("省财政厅", "Department of Finance of Guangdong Province", "finance;planning"),
    ("省人力资源社会保障厅", "Department of Human Resources and Social Security of Guangdong Province", "education;business_env"),
    ("省自然资源厅", "Department of Natural Resources of Guangdong Province", "planning;marine;ecology"),
    ("省生态环境厅", "Department of Ecology and Environment of Guangdong Province", "ecology"),
    ("省住房城乡建设厅", "Department of Housing and Urban-Rural Development of Guangdong Province", "planning"),
    ("省交通运输厅", "Department of Transport of Guangdong Province", "planning"),
    ("省水利厅", "Department of Water Resources of Guangdong Province", "ecology;agriculture"),
    ("省农业农村厅", "Department of Agriculture and Rural Affairs of Guangdong Province", "agriculture;ecology"),
    ("省商务厅", "Department of Commerce of Guangdong Province", "industry;business_env"),
    ("省文化和旅游厅", "Department of Culture and Tourism of Guangdong Province", "tourism"),
    ("省卫生健康委", "Health Commission of Guangdong Province", "health"),
    ("省退役军人事务厅", "Department of Veterans Affairs of Guangdong Province", "business_env"),
    ("省应急管理厅", "Emergency Management Department of Guangdong Province", "planning"),
    ("省审计厅", "Audit Office of Guangdong Province", "finance"),
    ("省国资委", "State-owned Assets Supervision and Administration Commission of the Guangdong Provincial Government", "industry;finance"),
    ("省市场监管局", "Administration for Market Regulation of Guangdong Province", "business_env"),
    ("省广电局", "Radio and Television Administration of Guangdong Province", "digital;tourism"),
    ("省体育局", "Sports Bureau of Guangdong Province", "tourism;health"),
    ("省统计局", "Guangdong Provincial Bureau of Statistics", "digital;planning"),
    ("省医保局", "Healthcare Security Administration of Guangdong Province", "health"),
    ("省政务服务和数据管理局", "Government Service and Data Management Bureau of Guangdong Province", "digital;business_env"),
    ("省信访局", "Public Complaints and Proposals Bureau of Guangdong Province", "business_env"),
    ("省林业局", "Forestry Administration of Guangdong Province", "ecology;tourism"),
    ("省能源局", "Energy Administration of Guangdong Province", "industry"),
    ("省粮食和储备局", "Food and Strategic Reserves Administration of Guangdong Province", "agriculture"),
    ("省药监局", "Medical Products Administration of Guangdong Province", "health;industry"),
    ("省中医药局", "Administration of Traditional Chinese Medicine of Guangdong Province", "health;agriculture"),
    ("省监狱管理局", "Prison Administration Bureau of Guangdong Province", "business_env"),
    ("省机关事务管理局", "Government Offices Administration of Guangdong Province", "agriculture"),
    ("省人防办", "Civil Air Defense Office of Guangdong Province", "planning"),
    ("省港澳办", "Hong Kong and Macao Affairs Office of the People's Government of Guangdong Province", "business_env;industry"),
    ("省供销合作联社", "Guangdong Provincial Federation of Supply and Marketing Cooperatives", "agriculture"),
    ("省社会科学院", "Guangdong Academy of Social Sciences", "planning"),
    ("省科学院", "Guangdong Academy of Sciences", "industry;digital"),
    ("省农业科学院", "Guangdong Academy of Agricultural Sciences", "agriculture"),
    ("省地质局", "Guangdong Geological Bureau", "ecology;planning"),
    ("省档案馆", "Guangdong Provincial Archives", "education;tourism"),
    ("省参事室", "Counsellors' Office of the People's Government of Guangdong Province", "planning"),
    ("南方报业传媒集团", "Nanfang Media Group", "tourism;digital"),
    ("广东广播电视台", "Guangdong Radio and Television", "tourism;digital"),
    ("省总工会", "Guangdong Federation of Trade Unions", "education"),
    ("团省委", "Guangdong Provincial Committee of the Communist Youth League of China", "education"),
    ("省妇联", "Guangdong Women's Federation", "education;health"),
    ("省科协", "Guangdong Association for Science and Technology", "industry;education"),
    ("省文联", "Guangdong Federation of Literary and Art Circles", "tourism"),
    ("省作协", "Guangdong Writers Association", "tourism;education"),
    ("省侨联", "Guangdong Federation of Returned Overseas Chinese", "business_env;tourism"),
    ("省残联", "Guangdong Disabled Persons' Federation", "health"),
    ("省红十字会", "Red Cross Society of China Guangdong Branch", "health"),
    ("省贸促会", "Guangdong Council for the Promotion of International Trade", "business_env;industry"),
    ("省工商联", "Guangdong Federation of Industry and Commerce", "industry;business_env"),
    ("省社科联", "Guangdong Federation of Social Sciences", "planning"),
    ("中山大学", "Sun Yat-sen University", "education;health;planning"),
    ("华南理工大学", "South China University of Technology", "education;industry;planning"),
    ("暨南大学", "Jinan University", "education;health"),
    ("华南师范大学", "South China Normal University", "education"),
    ("华南农业大学", "South China Agricultural University", "education;agriculture"),
    ("广东工业大学", "Guangdong University of Technology", "education;industry"),
    ("广州中医药大学", "Guangzhou University of Chinese Medicine", "education;health"),
    ("南方医科大学", "Southern Medical University", "education;health"),
    ("广东外语外贸大学", "Guangdong University of Foreign Studies", "education;business_env"),
    ("广东财经大学", "Guangdong University of Finance and Economics", "education;finance"),
    ("广东海洋大学", "Guangdong Ocean University", "education;marine"),
    ("广东药科大学", "Guangdong Pharmaceutical University", "education;health"),
    ("广东医科大学", "Guangdong Medical University", "education;health"),
    ("广东技术师范大学", "Guangdong Polytechnic Normal University", "education;digital"),
    ("汕头大学", "Shantou University", "education;health"),
    ("广东石油化工学院", "Guangdong University of Petrochemical Technology", "education;industry"),
    ("仲恺农业工程学院", "Zhongkai University of Agriculture and Engineering", "education;agriculture"),
    ("广东金融学院", "Guangdong University of Finance", "education;finance"),
    ("广东第二师范学院", "Guangdong University of Education", "education"),
    ("广东恒健投资控股有限公司", "Guangdong Hengjian Investment Holding Co., Ltd.", "finance;industry"),
    ("广东省广晟控股集团有限公司", "Guangdong Rising Holdings Group Co., Ltd.", "industry"),
    ("广东粤海控股集团有限公司", "Guangdong Holdings Limited", "ecology;industry"),
    ("广东省广物控股集团有限公司", "Guangdong Guangwu Holding Group Co., Ltd.", "industry;business_env"),
    ("广东省广新控股集团有限公司", "Guangdong Guangxin Holdings Group Ltd.", "industry"),
    ("广东省能源集团有限公司", "Guangdong Energy Group Co., Ltd.", "industry"),
    ("广东省交通集团有限公司", "Guangdong Provincial Communication Group Co., Ltd.", "planning;industry"),
    ("广东省铁路建设投资集团有限公司", "Guangdong Railway Construction Investment Group Co., Ltd.", "planning"),
    ("广东省旅游控股集团有限公司", "Guangdong Tourism Holdings Group Co., Ltd.", "tourism"),
    ("广东省建筑工程集团控股有限公司", "Guangdong Construction Engineering Group Holdings Co., Ltd.", "planning;industry"),
    ("广东省港航集团有限公司", "Guangdong Port and Shipping Group Co., Ltd.", "marine;industry"),
    ("广东省机场管理集团有限公司", "Guangdong Airport Authority", "tourism;planning"),
    ("广东省环保集团有限公司", "Guangdong Environmental Protection Group Co., Ltd.", "ecology"),
    ("广东粤财投资控股有限公司", "Guangdong Yuecai Investment Holdings Co., Ltd.", "finance"),
    ("广东省粤科金融集团有限公司", "Guangdong Yueke Financial Group Co., Ltd.", "finance;industry"),
    ("广东省出版集团有限公司", "Guangdong Publishing Group Co., Ltd.", "education"),
    ("广东省广播电视网络股份有限公司", "Guangdong Provincial Radio and Television Network Co., Ltd.", "digital"),
    ("广东省储备粮管理集团有限公司", "Guangdong Grain Reserve Management Group Co., Ltd.", "agriculture"),
    ("广东省盐业集团有限公司", "Guangdong Salt Industry Group Co., Ltd.", "industry;marine"),
    ("广东省丝绸纺织集团有限公司", "Guangdong Silk and Textile Group Co., Ltd.", "industry;agriculture"),
    ("国家税务总局广东省税务局", "Guangdong Provincial Tax Service, State Taxation Administration", "business_env;finance"),
    ("海关总署广东分署", "Guangdong Sub-Administration of the General Administration of Customs", "business_env"),
    ("中国人民银行广东省分行", "People's Bank of China Guangdong Branch", "finance"),
    ("国家金融监督管理总局广东监管局", "Guangdong Office of the National Financial Regulatory Administration", "finance"),
    ("中国证监会广东监管局", "Guangdong Office of the China Securities Regulatory Commission", "finance"),
    ("国家统计局广东调查总队", "Guangdong Survey Office of the National Bureau of Statistics", "digital"),
    ("广东省气象局", "Guangdong Meteorological Service", "agriculture;ecology"),
    ("广东省通信管理局", "Guangdong Communications Administration", "digital"),
    ("广东省邮政管理局", "Guangdong Postal Administration", "agriculture;business_env"),
    ("广东省消防救援总队", "Guangdong Fire and Rescue Corps", "planning"),
    ("广东省烟草专卖局", "Guangdong Tobacco Monopoly Administration", "agriculture;industry"),
    ("中国国家铁路集团有限公司广州局集团", "China Railway Guangzhou Group Co., Ltd.", "industry;planning"),
    ("中国南方电网有限责任公司", "China Southern Power Grid Co., Ltd.", "industry;digital"),
    ("广东电网有限责任公司", "Guangdong Power Grid Co., Ltd.", "industry"),
    ("中国广核集团有限公司", "China General Nuclear Power Group", "industry;marine"),
    ("中国南方航空集团有限公司", "China Southern Air Holding Company Limited", "tourism"),
    ("中国移动通信集团广东有限公司", "China Mobile Group Guangdong Co., Ltd.", "digital"),
    ("中国电信股份有限公司广东分公司", "China Telecom Corporation Limited Guangdong Branch", "digital"),
    ("中国联合网络通信有限公司广东省分公司", "China United Network Communications Co., Ltd. Guangdong Branch", "digital"),
    ("中国铁塔股份有限公司广东省分公司", "China Tower Corporation Limited Guangdong Branch", "digital"),
    ("中国邮政集团有限公司广东省分公司", "China Post Group Co., Ltd. Guangdong Branch", "agriculture;finance"),
    ("中国石化销售股份有限公司广东石油分公司", "Sinopec Sales Co., Ltd. Guangdong Petroleum Branch", "industry"),
    ("国家开发银行广东省分行", "China Development Bank Guangdong Branch", "finance;planning"),
    ("中国农业发展银行广东省分行", "Agricultural Development Bank of China Guangdong Branch", "finance;agriculture"),
    ("中国工商银行广东省分行", "Industrial and Commercial Bank of China Guangdong Branch", "finance"),
    ("中国农业银行广东省分行", "Agricultural Bank of China Guangdong Branch", "finance;agriculture"),
    ("中国银行广东省分行", "Bank of China Guangdong Branch", "finance"),
    ("中国建设银行广东省分行", "China Construction Bank Guangdong Branch", "finance"),
    ("交通银行广东省分行", "Bank of Communications Guangdong Branch", "finance"),
    ("广东农商联合银行", "Guangdong Rural Commercial Union Bank", "finance;agriculture"),
    ("中国人寿保险股份有限公司广东省分公司", "China Life Insurance Company Limited Guangdong Branch", "finance;health"),
    ("中国人民财产保险股份有限公司广东省分公司", "PICC Property and Casualty Company Limited Guangdong Branch", "finance;agriculture"),
    ("省政府发展研究中心", "Development Research Center of the People's Government of Guangdong Province", "planning"),
    ("省知识产权局", "Intellectual Property Administration of Guangdong Province", "business_env;industry"),
    ("广东省农垦总局", "Guangdong Agricultural Reclamation Bureau", "agriculture"),
    ("广东轻工职业技术大学", "Guangdong Industry Polytechnic University", "education;industry"),
]

PUBLISHED_UNITS = {
    "省统计局": "published: leads the 廉江市 group (南方杂志 2024-05-29 县里来了工作队; nfzz.net.cn)",
    "中国国家铁路集团有限公司广州局集团":
        "published: member of the 廉江市 group as 广铁集团 (南方杂志 2024-05-29 县里来了工作队; nfzz.net.cn)",
    "广东省港航集团有限公司":
        "published: member of the 廉江市 group (南方杂志 2024-05-29 县里来了工作队; nfzz.net.cn)",
}
CAP2_NOTE = "capacity 2 by judgement (economic department/strength)"

LIANJIANG = "440881"
LIANJIANG_LEAD = "省统计局"
LIANJIANG_MEMBERS = ["中国国家铁路集团有限公司广州局集团", "广东省港航集团有限公司"]
JIAOLING = "441427"

# Member-cadre posts by strength ({K} = 县 / 市 / 区 after the target's kind).
POSTS_BY_STRENGTH = {
    "industry": ["{K}工业园区管委会副主任", "{K}工业和信息化局副局长"],
    "agriculture": ["{K}农业农村局副局长", "镇党委副书记"],
    "marine": ["{K}自然资源局副局长", "{K}农业农村局副局长"],
    "tourism": ["{K}文化广电旅游体育局副局长"],
    "ecology": ["{K}林业局副局长", "镇党委副书记"],
    "planning": ["{K}住房城乡建设局副局长", "{K}发展改革局副局长"],
    "education": ["{K}教育局副局长"],
    "health": ["{K}卫生健康局副局长"],
    "finance": ["{K}财政局副局长", "{K}政府办副主任"],
    "digital": ["{K}政务服务数据管理局副局长"],
    "business_env": ["{K}市场监督管理局副局长", "{K}政务服务数据管理局副局长"],
}
# Posts that mirror the sending unit's own line (县级对口部门), tried first.
UNIT_POSTS = {
    "省委组织部": "{K}委组织部副部长", "省委宣传部": "{K}委宣传部副部长",
    "省委统战部": "{K}委统战部副部长", "省委政法委": "{K}委政法委副书记",
    "省委网信办": "{K}委网信办副主任", "省委社会工作部": "{K}委社会工作部副部长",
    "省委金融办": "{K}委金融办副主任", "省委办公厅": "{K}委办副主任",
    "省委政策研究室": "{K}委办副主任", "省直机关工委": "{K}委办副主任",
    "省纪委监委机关": "{K}纪委副书记", "省人大常委会办公厅": "{K}人大常委会办公室副主任",
    "省政协办公厅": "{K}政协办公室副主任", "省高级人民法院": "{K}人民法院副院长",
    "省人民检察院": "{K}人民检察院副检察长", "省政府办公厅": "{K}政府办副主任",
    "省公安厅": "{K}公安局副局长", "省司法厅": "{K}司法局副局长", "省民政厅": "{K}民政局副局长",
    "省人力资源社会保障厅": "{K}人力资源社会保障局副局长", "省审计厅": "{K}审计局副局长",
    "省退役军人事务厅": "{K}退役军人事务局副局长", "省应急管理厅": "{K}应急管理局副局长",
    "省水利厅": "{K}水务局副局长", "省交通运输厅": "{K}交通运输局副局长",
    "省统计局": "{K}统计局副局长", "省发展改革委": "{K}发展改革局副局长",
    "省商务厅": "{K}商务局副局长", "省财政厅": "{K}财政局副局长",
    "省住房城乡建设厅": "{K}住房城乡建设局副局长", "省农业农村厅": "{K}农业农村局副局长",
    "省文化和旅游厅": "{K}文化广电旅游体育局副局长", "省卫生健康委": "{K}卫生健康局副局长",
    "省医保局": "{K}医疗保障局副局长", "省市场监管局": "{K}市场监督管理局副局长",
    "团省委": "团{K}委副书记", "省妇联": "{K}妇联副主席", "省总工会": "{K}总工会副主席",
    "省科协": "{K}科协副主席", "省残联": "{K}残联副理事长", "省工商联": "{K}工商联副主席",
}
VICE_HEAD_CATEGORIES = {"provincial_soe", "central_soe", "finance", "university"}
POSTS_GENERIC = ["{K}委办副主任", "{K}政府办副主任", "{K}发展改革局副局长", "镇党委副书记"]
MIDDLE_CATEGORIES = {"provincial_soe", "central_soe", "finance", "university", "institution"}

# Invented names: surnames weighted roughly as in Guangdong; given names from gendered pools.
SURNAMES = {"陈": 9, "李": 7, "黄": 6, "张": 5, "梁": 4, "林": 4, "刘": 4, "吴": 3, "罗": 3,
            "杨": 3, "何": 3, "郑": 3, "谢": 3, "周": 3, "钟": 3, "曾": 3, "蔡": 2, "许": 2,
            "邓": 2, "冯": 2, "叶": 2, "赖": 2, "彭": 2, "卢": 2, "苏": 2, "潘": 2, "朱": 2,
            "温": 2, "王": 2, "赵": 1, "孙": 1, "胡": 1, "郭": 1, "高": 1, "徐": 1, "马": 1,
            "韩": 1, "唐": 1, "董": 1, "余": 1, "袁": 1, "古": 1, "邱": 1, "欧阳": 0.5, "司徒": 0.5}
GIVEN_M = "伟志明建国华军海强文辉斌勇杰涛鹏俊峰磊振永德锦泽荣瑞卫东彬晖坚宏毅锋雄冠健维炜铭茂旭翔锐凯智家浩宇韬博远亮源清"
GIVEN_F = "敏静丽芳燕婷红玲霞慧颖洁琳雪娟嘉晓思秋佳欣韵蕾凤梅萍莹媛诗雅婉薇倩桂丹晴"
NAME_BLOCKLIST = {"黄坤明", "王伟中", "马兴瑞", "林克庆", "张国华"}


# --------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------

def read_csv(name):
    with open(os.path.join(RAW, name), encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def num(text):
    """Write a number minimally: 19.81 not 19.810, integers without '.0'."""
    v = float(text)
    if v == int(v):
        return str(int(v))
    return repr(v)


def term_end(start):
    """A term is 3 years (S7) but ends with the round at the latest: the round's cadres are
    sent for the round and rotate with it."""
    return min(add_years_minus_day(start, CYCLE_YEARS), ROUND_END)


def add_years_minus_day(d, years):
    try:
        e = d.replace(year=d.year + years)
    except ValueError:           # 29 February
        e = dt.date(d.year + years, 3, 1)
    return e - dt.timedelta(days=1)


def rand_date(rng, lo, hi):
    return lo + dt.timedelta(days=rng.randint(0, (hi - lo).days))


def src_part(source, prefix):
    for part in source.split(" | "):
        if part.startswith(prefix + ":"):
            return part[len(prefix) + 1:].strip()
    return ""


def kind_word(kind):
    return {"county": "县", "autonomous_county": "县", "county_city": "市", "district": "区"}[kind]


def write_csv(name, rows, out_dir=OUT):
    cols = COLUMNS[name]
    k = KEYLEN[name]
    rows = sorted(rows, key=lambda r: tuple(str(r[c]) for c in cols[:k]))
    path = os.path.join(out_dir, name + ".csv")
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(cols)
        for r in rows:
            w.writerow(["" if r.get(c) is None else str(r[c]) for c in cols])
    return path


# --------------------------------------------------------------------------------------------
# the planner
# --------------------------------------------------------------------------------------------

def current_formation():
    """The bundled groups and memberships (data/guangdong/), if there are any and
    --fresh was not given: the formation in place for the planner."""
    if "--fresh" in sys.argv[1:] or not os.path.exists(os.path.join(OUT, "members.csv")):
        return None
    rd = lambda n: list(csv.DictReader(open(os.path.join(OUT, n), encoding="utf-8", newline="")))
    return rd("groups.csv"), rd("members.csv"), rd("cadres.csv")


def name_maker(rng, used):
    """A function that invents a cadre's name with rng: a surname by its frequency, one or two
    given names (不叠字), never one in used (which it extends) or in NAME_BLOCKLIST."""
    sn_list = list(SURNAMES)
    sn_weights = [SURNAMES[x] for x in sn_list]

    def new_name():
        while True:
            s = rng.choices(sn_list, sn_weights)[0]
            pool = GIVEN_M if rng.random() < 0.62 else GIVEN_F
            g = rng.choice(pool)
            if rng.random() < 0.82:
                g += rng.choice(pool)
            if len(g) == 2 and g[0] == g[1]:
                continue
            n = s + g
            if n not in used and n not in NAME_BLOCKLIST:
                used.add(n)
                return n
    return new_name


def member_post(u, rank, K, vice_head_used, taken, rng):
    """A member cadre's post in county K (县, 市 or 区): half the time 副K长 for a middle-rank
    unit of VICE_HEAD_CATEGORIES while the county has none, else the unit's own post, then
    the posts its strengths suggest, then the generic ones: the first not taken (镇党委副书记
    may be held by several, so there always is one)."""
    options = []
    if rank == "middle" and not vice_head_used \
            and u["category"] in VICE_HEAD_CATEGORIES and rng.random() < 0.5:
        options.append("副" + K + "长")
    if u["name_zh"] in UNIT_POSTS:
        options.append(UNIT_POSTS[u["name_zh"]])
    for st in u["strengths"].split(";"):
        options += POSTS_BY_STRENGTH[st]
    options += POSTS_GENERIC
    return next(p for p in (o.replace("{K}", K) for o in options)
                if p not in taken or p == "镇党委副书记")


def keep_cadres(in_place, comp, gid, tmap, umap):
    """The cadres when a formation was in place: a unit that keeps its role in its group keeps
    its cadres as they are (ids, names, dates); a unit new to a group (or in another role)
    sends new ones, invented as the fresh generation does (a division cadre as the lead's
    副书记 in the lead batch; one middle or section cadre as a member in the second batch), with
    ids after the largest in use. Cadres of units that left a group leave the data."""
    rng = random.Random(SEED + 1)
    old = in_place[2]
    role = {}
    for m in in_place[1]:
        role[(m["group"], m["unit"])] = m["role"]
    new_name = name_maker(rng, {c["name"] for c in old})

    kept, rotations_lost = [], {}
    for c in old:
        a = c["group"][len("G2023-"):]
        want = "lead" if comp[a]["lead"] == c["unit"] else \
            "member" if c["unit"] in comp[a]["members"] else None
        if want and role.get((c["group"], c["unit"])) == want:
            kept.append(dict(c))
        elif c["actual_end"]:   # a rotation leaves with its unit: a new member's cadre rotates
            rotations_lost[c["group"]] = rotations_lost.get(c["group"], 0) + 1
    lead_start = {c["group"]: c["start"] for c in kept if c["rank"] == "division"}
    seq = max(int(c["id"][1:]) for c in old)
    cadres = kept
    for a in sorted(tmap):
        g, K, G = comp[a], kind_word(tmap[a]["kind"]), gid[a]
        here = [c for c in kept if c["group"] == G]
        taken = {c["post"] for c in here}
        vice_head_used = ("副" + K + "长") in taken
        todo = [(g["lead"], "lead")] + [(m, "member") for m in g["members"]]
        for u_code, r in todo:
            if role.get((G, u_code)) == r:
                continue
            u, pred = umap[u_code], ""
            if r == "lead":
                rank, post, start = "division", K + "委副书记", rand_date(rng, *LEAD_BATCH)
                lead_start[G] = start.isoformat()
            else:
                rank = "middle" if u["category"] in MIDDLE_CATEGORIES else "section"
                post = member_post(u, rank, K, vice_head_used, taken, rng)
                vice_head_used |= post == "副" + K + "长"
                taken.add(post)
                start = rand_date(rng, *SECOND_BATCH)
                if rotations_lost.get(G) and G in lead_start:
                    # came with the lead, left early (HIST_END), replaced the next day
                    rotations_lost[G] -= 1
                    end = rand_date(rng, *HIST_END)
                    first = dt.date.fromisoformat(lead_start[G])
                    seq += 1
                    cadres.append({"id": "C%04d" % seq, "name": new_name(), "unit": u_code,
                                   "group": G, "rank": rank, "post": post,
                                   "start": first.isoformat(),
                                   "planned_end": term_end(first).isoformat(),
                                   "actual_end": end.isoformat(), "predecessor": "",
                                   "verified": 0, "note": "示例数据 illustrative"})
                    pred, start = "C%04d" % seq, end + dt.timedelta(days=1)
            seq += 1
            cadres.append({"id": "C%04d" % seq, "name": new_name(), "unit": u_code, "group": G,
                           "rank": rank, "post": post, "start": start.isoformat(),
                           "planned_end": term_end(start).isoformat(), "actual_end": "",
                           "predecessor": pred, "verified": 0, "note": "示例数据 illustrative"})
    return cadres


def found_module():
    """scripts/gen-indicators-found as a module (its file name has no .py)."""
    import importlib.machinery
    import importlib.util
    path = os.path.join(REPO, "scripts", "gen-indicators-found")
    loader = importlib.machinery.SourceFileLoader("gen_indicators_found", path)
    spec = importlib.util.spec_from_loader(loader.name, loader)
    mod = importlib.util.module_from_spec(spec)
    loader.exec_module(mod)
    return mod


def plan_groups(out, bangfu, code_of, tmap, in_place=None):
    """Forms the groups with `bangfu plan`: 廉江's published group fixed, every other pairing
    planned. Returns {adcode: {"lead": code, "members": [codes]}}."""
    published = {"lead": code_of[LIANJIANG_LEAD], "members": [code_of[z] for z in LIANJIANG_MEMBERS]}
    lj = "G2023-" + LIANJIANG
    with tempfile.TemporaryDirectory() as tmp:
        src, exp, db = (os.path.join(tmp, x) for x in ("in", "out", "plan.db"))
        os.makedirs(src)
        for name in ("rounds", "targets", "units", "indicators"):
            write_csv(name, out[name], src)
        groups = [{"id": lj, "round": ROUND, "target": LIANJIANG, "verified": 1,
                   "note": SRC_LIANJIANG}]
        members = [{"group": lj, "unit": published["lead"], "role": "lead", "note": ""}] + \
                  [{"group": lj, "unit": m, "role": "member", "note": ""} for m in published["members"]]
        if in_place:
            # the bundled formation is the one in place: among equally good formations the
            # planner keeps it (set:stability), so new data changes only the groups it must
            groups += [g for g in in_place[0] if g["id"] != lj]
            members += [m for m in in_place[1] if m["group"] != lj]
        write_csv("groups", groups, src)
        write_csv("members", members, src)

        def run(*args):
            r = subprocess.run([bangfu, "--db", db] + list(args), capture_output=True, text=True)
            if r.returncode != 0:
                raise SystemExit("bangfu %s failed:\n%s%s" % (" ".join(args), r.stdout, r.stderr))
            return r.stdout
        run("init", "--empty")
        run("import", src)
        plan = json.loads(run("plan", "--round", ROUND, "--needs",
                              os.path.join(OUT, "plan-needs.csv"), "--apply", "--format", "json"))
        if plan["status"] != "optimal":
            raise SystemExit("bangfu plan: the round is infeasible: %s" % plan.get("reason"))
        run("export", exp)
        with open(os.path.join(exp, "members.csv"), encoding="utf-8-sig", newline="") as f:
            rows = list(csv.DictReader(f))
    comp = {a: {"lead": None, "members": []} for a in tmap}
    for r in rows:
        a = r["group"][len("G2023-"):]
        if r["role"] == "lead":
            comp[a]["lead"] = r["unit"]
        else:
            comp[a]["members"].append(r["unit"])
    assert comp[LIANJIANG]["lead"] == published["lead"]
    assert sorted(comp[LIANJIANG]["members"]) == sorted(published["members"])
    print("planned by %s: objective %.2f, %d memberships, %d units twice" % (
        bangfu, plan["objective"], plan["statistics"]["memberships"],
        plan["statistics"]["units_twice"]))
    return comp


# --------------------------------------------------------------------------------------------
# build
# --------------------------------------------------------------------------------------------

def build(bangfu):
    rng = random.Random(SEED)
    raw_targets = read_csv("targets-57-counties.csv")
    cents = {r["adcode"]: r for r in read_csv("county-level-centroids-pop2020.csv")}
    cands = read_csv("units-candidates.csv")

    out = {}
    out["rounds"] = [{
        "name": ROUND, "start": ROUND_START.isoformat(), "end": ROUND_END.isoformat(),
        "cycle_years": CYCLE_YEARS,
        "note": "第一轮纵向帮扶 (first round) 2023年至2026年; source: " + SRC_ARTICLE,
    }]

    # ---- targets
    targets = []
    for r in raw_targets:
        a = r["adcode"]
        if r["coastal"] == "1":
            cls = ["coastal"]
        elif r["region_1c1b1z"] == "北部生态发展区":
            cls = ["mountain", "ecological"]
        elif r["region_1c1b1z"] == "珠三角核心区":
            cls = PRD_CLASSES[a]
        else:
            cls = ["agricultural"]
        notes = []
        if a == LIANJIANG:
            notes.append("group published (南方杂志 2024-05-29)")
        if a == JIAOLING:
            notes.append("unverified hint: group led by 省市场监管局")
        if r["coastal"] == "":
            notes.append("coastal flag unknown")
        if r["region_1c1b1z"] == "珠三角核心区":
            notes.append("PRD county: intra-city industrial cooperation")
        c = cents[a]
        targets.append({
            "adcode": a, "name_zh": r["name_zh"], "name_en": r["name_en"],
            "prefecture": r["prefecture_zh"], "kind": KIND_MAP[r["kind"]], "old_area": 0,
            "classes": ";".join(cls), "region": r["region_1c1b1z"],
            "lon": num(c["centroid_lon"]), "lat": num(c["centroid_lat"]), "verified": 1,
            "note": "; ".join(notes),
        })
    zone_of_pref = {r["prefecture_zh"]: r["region_1c1b1z"] for r in raw_targets}
    for a, zh, en, pref, cls in DISTRICTS:
        c = cents[a]
        assert c["name_zh"] == zh, (a, zh)
        targets.append({
            "adcode": a, "name_zh": zh, "name_en": en, "prefecture": pref, "kind": "district",
            "old_area": 1, "classes": ";".join(cls), "region": zone_of_pref[pref],
            "lon": num(c["centroid_lon"]), "lat": num(c["centroid_lat"]), "verified": 0,
            "note": "unverified: no published source names the 5 districts",
        })
    out["targets"] = targets
    tmap = {t["adcode"]: t for t in targets}

    # ---- units
    if [c["name_zh"] for c in cands] != [u[0] for u in UNITS]:
        raise SystemExit("UNITS table does not match units-candidates.csv order")
    units = []
    code_of = {}
    for i, (c, (zh, en, st)) in enumerate(zip(cands, UNITS), 1):
        code = "U%03d" % i
        code_of[zh] = code
        cap = 2 if ("economic department" in c["note"] or "economic strength" in c["note"]) else 1
        if zh in PUBLISHED_UNITS:
            note = PUBLISHED_UNITS[zh]
        elif cap == 2:
            note = CAP2_NOTE
        elif zh == "省市场监管局":
            note = "unverified hint: may lead the 蕉岭县 group"
        else:
            note = ""
        units.append({"code": code, "name_zh": zh, "name_en": en, "category": c["category"],
                      "capacity": cap, "strengths": st, "verified": 1 if zh in PUBLISHED_UNITS else 0,
                      "note": note})
    out["units"] = units
    umap = {u["code"]: u for u in units}

    # ---- indicators
    ind = []
    POP_SRC = "2020 census by county (NBS Tabulation 2022) via tudigong input/population.csv"
    GIS_SRC = "area of a simplified boundary polygon (GHSL via tudigong), approximation"
    for r in raw_targets:
        a = r["adcode"]
        ind.append({"scope": a, "name": "pop_resident", "year": 2020,
                    "value": int(cents[a]["pop_census_2020"]), "unit": "persons",
                    "quality": "official", "source": POP_SRC})
        if r["land_km2"]:
            ind.append({"scope": a, "name": "land_area", "year": 2023, "value": num(r["land_km2"]),
                        "unit": "km2", "quality": "official",
                        "source": src_part(r["source"], "land_km2")})
        else:
            ind.append({"scope": a, "name": "land_area", "year": 2023,
                        "value": num(r["land_km2_gis_approx"]), "unit": "km2", "quality": "approx",
                        "source": GIS_SRC})
        if r["gdp_100m_yuan"]:
            ind.append({"scope": a, "name": "gdp", "year": int(r["gdp_year"]),
                        "value": num(r["gdp_100m_yuan"]), "unit": "100m_yuan", "quality": "official",
                        "source": src_part(r["source"], "gdp") + "; year differs per county"})
        for nm, col in (("n_towns", "n_towns_zhen"), ("n_townships", "n_townships_xiang"),
                        ("n_subdistricts", "n_subdistricts")):
            ind.append({"scope": a, "name": nm, "year": 2023, "value": int(r[col]), "unit": "count",
                        "quality": "official",
                        "source": "NBS 2023 township-level division codes (as of 2023-06-30)"})
    for a, *_ in DISTRICTS:
        ind.append({"scope": a, "name": "pop_resident", "year": 2020,
                    "value": int(cents[a]["pop_census_2020"]), "unit": "persons",
                    "quality": "official", "source": POP_SRC})
        ind.append({"scope": a, "name": "land_area", "year": 2023,
                    "value": num(cents[a]["land_km2_gis_approx"]), "unit": "km2",
                    "quality": "approx", "source": GIS_SRC})
    P = "province"
    ind += [
        {"scope": P, "name": "pop_resident", "year": 2020, "value": 126012510, "unit": "persons",
         "quality": "official", "source": "7th national population census (2020-11-01)"},
        {"scope": P, "name": "pop_resident", "year": 2022, "value": 126568000, "unit": "persons",
         "quality": "official", "source": "Guangdong 2022 statistical communiqué (12656.80万 year-end)"},
        {"scope": P, "name": "land_area", "year": 2023, "value": 179800, "unit": "km2",
         "quality": "official", "source": "official round figure (17.98万 km2)"},
        {"scope": P, "name": "gdp", "year": 2022, "value": num("129118.58"), "unit": "100m_yuan",
         "quality": "official", "source": "Guangdong Provincial Bureau of Statistics"},
        {"scope": P, "name": "gdp", "year": 2023, "value": num("135673.16"), "unit": "100m_yuan",
         "quality": "official", "source": "Guangdong Provincial Bureau of Statistics"},
    ]
    # the second search's county figures (GDP of more counties, populations, budget revenues):
    # merged before planning, because the planner's needs table reads GDP per head
    ind, _ = found_module().merge(ind, RAW)
    out["indicators"] = ind

    # ---- groups and members: 廉江's published group, the rest planned by bangfu plan
    in_place = current_formation()
    comp = plan_groups(out, bangfu, code_of, tmap, in_place)
    gid = {a: "G2023-" + a for a in tmap}
    out["groups"] = [{
        "id": gid[a], "round": ROUND, "target": a, "verified": 1 if a == LIANJIANG else 0,
        "note": (SRC_LIANJIANG if a == LIANJIANG else
                 "illustrative pairing (bangfu plan); unverified hint: led by 省市场监管局"
                 if a == JIAOLING else "illustrative pairing (bangfu plan)"),
    } for a in sorted(tmap)]
    members = []
    for a in sorted(tmap):
        g = comp[a]
        note = SRC_LIANJIANG if a == LIANJIANG else ""
        members.append({"group": gid[a], "unit": g["lead"], "role": "lead", "note": note})
        for m in g["members"]:
            members.append({"group": gid[a], "unit": m, "role": "member", "note": note})
    out["members"] = members

    # ---- cadres
    if in_place:
        out["cadres"] = keep_cadres(in_place, comp, gid, tmap, umap)
        return out
    # how many cadres each member unit sends (1 or 2); total on post = TARGET_ON_POST
    sends = {(a, m): 1 for a in tmap for m in comp[a]["members"]}
    sends[(LIANJIANG, code_of["广东省港航集团有限公司"])] = 2
    extra = TARGET_ON_POST - len(tmap) - sum(sends.values())
    strong = {"provincial_soe", "central_soe", "finance", "government", "university"}
    one_member = [(a, m) for (a, m) in sorted(sends) if a != LIANJIANG and len(comp[a]["members"]) == 1
                  and umap[m]["category"] in strong]
    multi = [(a, m) for (a, m) in sorted(sends) if a != LIANJIANG and len(comp[a]["members"]) >= 2
             and umap[m]["category"] in strong]
    rng.shuffle(one_member)
    rng.shuffle(multi)
    picked, seen_groups = [], set()
    n_one = min(len(one_member), extra * 9 // 21)
    for pool, k in ((one_member, n_one), (multi, extra - n_one)):
        got = 0
        for a, m in pool:
            if got == k:
                break
            if a in seen_groups:
                continue
            picked.append((a, m))
            seen_groups.add(a)
            got += 1
        if got < k:
            raise SystemExit("cannot place %d extra cadres" % k)
    for key in picked:
        sends[key] = 2

    n_on = {a: 1 + sum(sends[(a, m)] for m in comp[a]["members"]) for a in tmap}
    hist_candidates = sorted(a for a in tmap if a != LIANJIANG and n_on[a] >= 4)
    rng.shuffle(hist_candidates)
    hist_groups = set(hist_candidates[:N_HISTORY])

    new_name = name_maker(rng, set())

    cadres = []
    seq = [0]

    def add(**kw):
        seq[0] += 1
        cid = "C%04d" % seq[0]
        start = kw["start"]
        row = {"id": cid, "name": new_name(), "unit": kw["unit"], "group": kw["group"],
               "rank": kw["rank"], "post": kw["post"], "start": start.isoformat(),
               "planned_end": term_end(start).isoformat(),
               "actual_end": kw.get("actual_end", ""), "predecessor": kw.get("predecessor", ""),
               "verified": 0, "note": "示例数据 illustrative"}
        cadres.append(row)
        return row

    for a in sorted(tmap):
        g = comp[a]
        K = kind_word(tmap[a]["kind"])
        lead_start = rand_date(rng, *LEAD_BATCH)
        add(unit=g["lead"], group=gid[a], rank="division", post=K + "委副书记", start=lead_start)
        slots = []   # (unit, rank, post)
        taken = set()
        vice_head_used = False
        for m in g["members"]:
            u = umap[m]
            rank = "middle" if u["category"] in MIDDLE_CATEGORIES else "section"
            for _ in range(sends[(a, m)]):
                post = member_post(u, rank, K, vice_head_used, taken, rng)
                if post == "副" + K + "长":
                    vice_head_used = True
                taken.add(post)
                slots.append((m, rank, post))
        quota = n_on[a] // 2 - 1          # members allowed in the lead's batch
        if a == LIANJIANG:
            # the published team of 4 was on post by 2024-05-29: one member came with the lead,
            # the other two in the spring batch
            for i, (m, rank, post) in enumerate(slots):
                st = lead_start if i == 0 else rand_date(rng, SECOND_BATCH[0], dt.date(2024, 5, 20))
                add(unit=m, group=gid[a], rank=rank, post=post, start=st)
            continue
        hist_slot = rng.randrange(len(slots)) if a in hist_groups else None
        early_slot = None
        if hist_slot is None and quota >= 1 and rng.random() < 0.3:
            early_slot = rng.randrange(len(slots))
        for i, (m, rank, post) in enumerate(slots):
            if i == hist_slot:
                end = rand_date(rng, *HIST_END)
                h = add(unit=m, group=gid[a], rank=rank, post=post, start=lead_start,
                        actual_end=end.isoformat())
                add(unit=m, group=gid[a], rank=rank, post=post, start=end + dt.timedelta(days=1),
                    predecessor=h["id"])
            elif i == early_slot:
                add(unit=m, group=gid[a], rank=rank, post=post, start=lead_start)
            else:
                add(unit=m, group=gid[a], rank=rank, post=post, start=rand_date(rng, *SECOND_BATCH))
    out["cadres"] = cadres

    return out


# --------------------------------------------------------------------------------------------
# verify (reads the files back)
# --------------------------------------------------------------------------------------------

def verify():
    errs = []

    def err(msg):
        errs.append(msg)

    data = {}
    for name, cols in COLUMNS.items():
        path = os.path.join(OUT, name + ".csv")
        raw = open(path, "rb").read()
        if raw.startswith(b"\xef\xbb\xbf"):
            err(name + ": BOM")
        if b"\r" in raw:
            err(name + ": CR in file")
        text = raw.decode("utf-8")
        if not text.endswith("\n"):
            err(name + ": no final newline")
        rows = list(csv.reader(text.splitlines(True)))
        if rows[0] != cols:
            err("%s: header %r" % (name, rows[0]))
        recs = []
        for i, r in enumerate(rows[1:], 2):
            if len(r) != len(cols):
                err("%s:%d: %d fields" % (name, i, len(r)))
                continue
            for v in r:
                if "\n" in v or "\r" in v:
                    err("%s:%d: line break in field" % (name, i))
            recs.append(dict(zip(cols, r)))
        k = KEYLEN[name]
        keys = [tuple(r[c] for c in cols[:k]) for r in recs]
        if keys != sorted(keys):
            err(name + ": rows not sorted by key")
        if len(set(keys)) != len(keys):
            err(name + ": duplicate key")
        # minimal number formatting
        for r in recs:
            for c in ("lon", "lat", "value", "capacity", "cycle_years", "year"):
                if c in r and r[c] and re.search(r"(\.\d*0$)|(\.$)", r[c]):
                    err("%s: non-minimal number %r" % (name, r[c]))
        data[name] = recs

    def d(s):
        return dt.date.fromisoformat(s)

    # rounds
    if len(data["rounds"]) != 1:
        err("rounds: expected 1 row")
    rnd = data["rounds"][0]
    rs, re_ = d(rnd["start"]), d(rnd["end"])

    # targets
    T = {t["adcode"]: t for t in data["targets"]}
    if len(T) != 62:
        err("targets: %d rows, expected 62" % len(T))
    kinds = [t["kind"] for t in T.values()]
    if sum(k != "district" for k in kinds) != 57 or kinds.count("district") != 5:
        err("targets: expected 57 counties + 5 districts")
    for t in T.values():
        if not re.fullmatch(r"\d{6}", t["adcode"]) or t["adcode"].endswith("00"):
            err("targets: bad adcode " + t["adcode"])
        if not set(t["classes"].split(";")) <= CLASSES:
            err("targets: bad classes " + t["classes"])
        dist = t["kind"] == "district"
        if t["old_area"] != ("1" if dist else "0") or t["verified"] != ("0" if dist else "1"):
            err("targets: old_area/verified wrong for " + t["adcode"])

    # units
    U = {u["code"]: u for u in data["units"]}
    if len(U) != 156:
        err("units: %d rows, expected 156" % len(U))
    if [u["code"] for u in data["units"]] != ["U%03d" % i for i in range(1, 157)]:
        err("units: codes not U001..U156")
    if len({u["name_zh"] for u in U.values()}) != len(U):
        err("units: duplicate name_zh")
    for u in U.values():
        if u["category"] not in CATEGORIES:
            err("units: bad category " + u["category"])
        if not u["strengths"] or not set(u["strengths"].split(";")) <= STRENGTHS \
                or not 1 <= len(u["strengths"].split(";")) <= 3:
            err("units: bad strengths for " + u["code"])
        if u["capacity"] not in ("1", "2"):
            err("units: bad capacity " + u["code"])
    ver_units = sorted(u["name_zh"] for u in U.values() if u["verified"] == "1")
    if ver_units != sorted(PUBLISHED_UNITS):
        err("units: verified=1 set is %r" % ver_units)
    uby = {u["name_zh"]: u["code"] for u in U.values()}

    # groups
    G = {g["id"]: g for g in data["groups"]}
    if len(G) != 62:
        err("groups: %d rows, expected 62" % len(G))
    if sorted(g["target"] for g in G.values()) != sorted(T):
        err("groups: not exactly one group per target")
    for g in G.values():
        if g["round"] != rnd["name"]:
            err("groups: bad round")
        if g["id"] != "G2023-" + g["target"]:
            err("groups: bad id " + g["id"])
        if g["verified"] != ("1" if g["target"] == LIANJIANG else "0"):
            err("groups: verified wrong for " + g["id"])

    # members
    M = data["members"]
    per_group = {gid_: [] for gid_ in G}
    per_unit = {c: [] for c in U}
    for m in M:
        if m["group"] not in G or m["unit"] not in U:
            err("members: dangling reference %r" % m)
            continue
        if m["role"] not in ("lead", "member"):
            err("members: bad role")
        per_group[m["group"]].append(m)
        per_unit[m["unit"]].append(m["group"])
    for c, gs in per_unit.items():
        if not gs:
            err("members: unit %s in no group" % c)
        if len(gs) > int(U[c]["capacity"]):
            err("members: unit %s over capacity" % c)
    for gid_, ms in per_group.items():
        if sum(m["role"] == "lead" for m in ms) != 1:
            err("members: group %s does not have exactly 1 lead" % gid_)
        if sum(m["role"] == "member" for m in ms) < 1:
            err("members: group %s has no member" % gid_)
    lj = "G2023-" + LIANJIANG
    want = {(uby[LIANJIANG_LEAD], "lead")} | {(uby[z], "member") for z in LIANJIANG_MEMBERS}
    if {(m["unit"], m["role"]) for m in per_group[lj]} != want:
        err("members: 廉江 group not as published")
    n_double = sum(len(gs) == 2 for gs in per_unit.values())
    if not 8 <= n_double <= 20:
        err("members: %d double units, expected 8..20" % n_double)
    if not 160 <= len(M) <= 180:
        err("members: %d memberships, expected 160..180" % len(M))

    # cadres
    C = {c["id"]: c for c in data["cadres"]}
    names = [c["name"] for c in C.values()]
    if len(set(names)) != len(names):
        err("cadres: names not distinct")
    role = {(m["group"], m["unit"]): m["role"] for m in M}
    for c in C.values():
        if c["verified"] != "0" or c["note"] != "示例数据 illustrative":
            err("cadres: %s must be verified 0 with the illustrative note" % c["id"])
        if (c["group"], c["unit"]) not in role:
            err("cadres: %s unit not in its group" % c["id"])
            continue
        st, pe = d(c["start"]), d(c["planned_end"])
        if pe != term_end(st):
            err("cadres: %s planned_end is not min(start + 3y - 1d, round end)" % c["id"])
        if not rs <= st <= re_:
            err("cadres: %s start outside the round" % c["id"])
        if c["actual_end"] and d(c["actual_end"]) < st:
            err("cadres: %s actual_end before start" % c["id"])
        r = role[(c["group"], c["unit"])]
        if r == "lead" and c["rank"] != "division":
            err("cadres: %s lead cadre not division" % c["id"])
        if r == "member" and c["rank"] not in ("middle", "section"):
            err("cadres: %s member cadre rank" % c["id"])
        if c["predecessor"]:
            p = C.get(c["predecessor"])
            if not p:
                err("cadres: %s dangling predecessor" % c["id"])
            elif (p["unit"], p["group"], p["rank"]) != (c["unit"], c["group"], c["rank"]) \
                    or not p["actual_end"] or d(p["actual_end"]) + dt.timedelta(days=1) != st:
                err("cadres: %s successor does not match predecessor" % c["id"])
    valid = [c for c in C.values() if (c["group"], c["unit"]) in role]  # dangling ones reported above
    on = [c for c in valid if not c["actual_end"]]
    hist = [c for c in valid if c["actual_end"]]
    for c in on:
        if not (d(c["start"]) <= ON_POST_FROM and d(c["planned_end"]) >= ON_POST_TO + dt.timedelta(days=1)):
            err("cadres: %s not on post throughout %s..%s" % (c["id"], ON_POST_FROM, ON_POST_TO))
    for c in hist:
        if not HIST_END[0] <= d(c["actual_end"]) <= HIST_END[1]:
            err("cadres: %s actual_end outside the history window" % c["id"])
        if role[(c["group"], c["unit"])] != "member":
            err("cadres: historical %s is not a member's cadre" % c["id"])
        if not any(x["predecessor"] == c["id"] for x in C.values()):
            err("cadres: historical %s has no successor" % c["id"])
    if not 185 <= len(on) <= 195:
        err("cadres: %d on post, expected 185..195" % len(on))
    if not 6 <= len(hist) <= 8:
        err("cadres: %d historical, expected 6..8" % len(hist))
    for gid_ in G:
        gon = [c for c in on if c["group"] == gid_]
        leads = [c for c in gon if role[(gid_, c["unit"])] == "lead"]
        if len(leads) != 1 or leads[0]["rank"] != "division":
            err("cadres: group %s needs exactly 1 division lead cadre on post" % gid_)
            continue
        lead = leads[0]
        kw = kind_word(T[G[gid_]["target"]]["kind"])
        if lead["post"] != kw + "委副书记":
            err("cadres: %s lead post %s" % (gid_, lead["post"]))
        if not LEAD_BATCH[0] <= d(lead["start"]) <= LEAD_BATCH[1]:
            err("cadres: %s lead start outside the lead batch" % gid_)
        for m in per_group[gid_]:
            if m["role"] == "member":
                k = sum(c["unit"] == m["unit"] for c in gon)
                if not 1 <= k <= 2:
                    err("cadres: member %s of %s has %d cadres on post" % (m["unit"], gid_, k))
        for c in gon:
            if c is not lead and not (d(c["start"]) == d(lead["start"])
                                      or SECOND_BATCH[0] <= d(c["start"]) <= SECOND_BATCH[1]):
                err("cadres: %s starts neither with the lead nor in the second batch" % c["id"])
        # continuity: on-post cadres whose planned_end is within 90 days of the lead's
        L = d(lead["planned_end"])
        n = len(gon)
        if L >= END_EDGE:   # the lead leaves with the round: no rotation (bangfu's rule too)
            continue
        near = sum(abs((d(c["planned_end"]) - L).days) <= CONTINUITY_DAYS for c in gon)
        if near > n // 2:
            err("cadres: continuity rule triggers in %s (%d of %d)" % (gid_, near, n))
        # stricter reading: also count the group's historical cadres
        near_all = near + sum(abs((d(c["planned_end"]) - L).days) <= CONTINUITY_DAYS
                              for c in hist if c["group"] == gid_)
        if near_all > n // 2:
            err("cadres: continuity (incl. historical) triggers in %s" % gid_)
    ljc = [c for c in on if c["group"] == lj]
    if len(ljc) != 4 or len([c for c in C.values() if c["group"] == lj]) != 4:
        err("cadres: 廉江 must have exactly 4 cadres")
    else:
        ld = [c for c in ljc if c["unit"] == uby[LIANJIANG_LEAD]]
        if len(ld) != 1 or ld[0]["post"] != "市委副书记":
            err("cadres: 廉江 lead cadre post must be 市委副书记")
        ks = sorted(sum(c["unit"] == uby[z] for c in ljc) for z in LIANJIANG_MEMBERS)
        if ks != [1, 2]:
            err("cadres: 廉江 members must send 1 and 2 cadres")
        if any(d(c["start"]) > dt.date(2024, 5, 29) for c in ljc):
            err("cadres: 廉江 team not complete by 2024-05-29")

    # indicators
    I = data["indicators"]
    for r in I:
        if r["scope"] != "province" and r["scope"] not in T:
            err("indicators: dangling scope " + r["scope"])
        if not re.fullmatch(r"[a-z0-9_]+", r["name"]) or not 1949 <= int(r["year"]) <= 2100:
            err("indicators: bad name/year")
        float(r["value"])
        if r["quality"] not in ("official", "approx", "estimate", "illustrative"):
            err("indicators: bad quality")
        if len(r["source"]) > 150:
            err("indicators: source too long: " + r["source"])

    def count(name, year=None):
        return sum(1 for r in I if r["name"] == name and r["scope"] != "province"
                   and (year is None or r["year"] == str(year)))
    if count("pop_resident", 2020) != 62 or count("land_area", 2023) != 62:
        err("indicators: pop/land not complete for the 62 targets")
    # 5 from the raw targets file; scripts/gen-indicators-found adds the second search's after
    if count("gdp") < 5:
        err("indicators: expected at least 5 county gdp rows")
    for nm in ("n_towns", "n_townships", "n_subdistricts"):
        if count(nm, 2023) != 57:
            err("indicators: %s not complete" % nm)
    prov = {(r["name"], r["year"]): float(r["value"]) for r in I if r["scope"] == "province"}
    counties = [a for a, t in T.items() if t["kind"] != "district"]
    val = {(r["scope"], r["name"], r["year"]): float(r["value"]) for r in I}
    pop = sum(val[(a, "pop_resident", "2020")] for a in counties)
    land = sum(val[(a, "land_area", "2023")] for a in counties)
    shares = (100 * land / prov[("land_area", "2023")], 100 * pop / prov[("pop_resident", "2020")])
    # cross-check census counts against the 10k-rounded column and the provincial total
    raw_t = {r["adcode"]: r for r in read_csv("targets-57-counties.csv")}
    for a in counties:
        if abs(val[(a, "pop_resident", "2020")] / 1e4 - float(raw_t[a]["pop_resident_10k"])) > 0.0051:
            err("indicators: census count disagrees with pop_resident_10k for " + a)
    if sum(int(r["pop_census_2020"]) for r in read_csv("county-level-centroids-pop2020.csv")) != 126012510:
        err("raw: 124 county-level units do not add up to the provincial census total")
    return errs, data, shares, on, hist, per_unit


def main():
    args = sys.argv[1:]
    check_only = "--check-only" in args
    bangfu = os.environ.get("BANGFU") or os.path.join(REPO, "build", "bangfu")
    if "--bangfu" in args:
        bangfu = args[args.index("--bangfu") + 1]
    if not check_only:
        if not os.access(bangfu, os.X_OK):
            raise SystemExit("%s: no bangfu binary: build it with `make`, or give --bangfu PATH"
                             % bangfu)
        os.makedirs(OUT, exist_ok=True)
        for name, rows in build(bangfu).items():
            write_csv(name, rows)
    errs, data, shares, on, hist, per_unit = verify()
    if errs:
        for e in errs:
            print("FAIL:", e, file=sys.stderr)
        sys.exit(1)
    print("ok: %d targets, %d units, %d groups, %d memberships (%d double units), "
          "%d cadres on post + %d historical, %d indicators" % (
              len(data["targets"]), len(data["units"]), len(data["groups"]),
              len(data["members"]), sum(len(g) == 2 for g in per_unit.values()),
              len(on), len(hist), len(data["indicators"])))
    print("shares of the 57 counties: land %.2f%% (land_area 2023 / 179800), "
          "population %.2f%% (census 2020)" % shares)


if __name__ == "__main__":
    main()
