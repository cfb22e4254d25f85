# Checks and reports over HTTP, as JSON and as CSV (UTF-8 with BOM, for Excel): by ?format=csv
# or by Accept: text/csv. The OpenAPI document lists every route.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add wang --role planner --password-stdin > /dev/null
$ serve-bg
$ api login wang 'a long enough secret' > /dev/null
$ api -q GET '/api/v1/reports/summary?as_of=2026-06-30'
{"round":"2023-2026","as_of":"2026-06-30","units":156,"units_assisting":156,"targets":62,"covered":62,"groups":62,"cadres_on_post":190}
$ api -q GET '/api/v1/check?as_of=2026-06-30' | jq -c '[.round, .violations, [.rules[].tag]]'
["2023-2026",0,["coverage","group-shape","cadre-quota","capacity","term","rotation-continuity"]]
$ api -q GET '/api/v1/reports/shares' | jq -c '[.land_share, .population_share, .gdp_share]'
[72.1,28.15,null]
$ api -q GET '/api/v1/reports/groups?format=csv' | head -c 3 | od -An -tx1
 ef bb bf
$ api -q GET '/api/v1/reports/groups?format=csv' > g.csv; sed -n 2p g.csv
G2023-440222,440222,始兴县,韶关市,U028,省民政厅,U052;U114,省林业局;广东粤财投资控股有限公司,3,0
$ API_CURL="-H Accept:text/csv" api -q GET '/api/v1/units?limit=2' | tail -c +4
code,name_zh,name_en,category,capacity,strengths,verified,note
U001,省委办公厅,General Office of the CPC Guangdong Provincial Committee,party,1,planning,0,
U002,省委组织部,Organization Department of the CPC Guangdong Provincial Committee,party,1,planning;education,0,
$ api -q GET /api/v1/openapi.json | jq -r '.paths | keys[]'
/api/v1/assessments
/api/v1/assessments/{key}
/api/v1/audit
/api/v1/cadres
/api/v1/cadres/{key}
/api/v1/changes
/api/v1/check
/api/v1/commitments
/api/v1/commitments/{key}
/api/v1/commitments/{key}/evidence
/api/v1/evidence/{key}
/api/v1/geo
/api/v1/group-reports
/api/v1/group-reports/approve
/api/v1/group-reports/{key}
/api/v1/group-reports/{key}/approve
/api/v1/group-reports/{key}/attachments
/api/v1/group-reports/{key}/contribution
/api/v1/group-reports/{key}/reopen
/api/v1/group-reports/{key}/return
/api/v1/group-reports/{key}/submit
/api/v1/groups
/api/v1/groups/{key}
/api/v1/health
/api/v1/import
/api/v1/inbox
/api/v1/indicators
/api/v1/indicators/{key}
/api/v1/members
/api/v1/members/{key}
/api/v1/needs
/api/v1/needs/{key}
/api/v1/openapi.json
/api/v1/periods
/api/v1/periods/{key}
/api/v1/plans
/api/v1/plans/{key}
/api/v1/plans/{key}/apply
/api/v1/policies
/api/v1/policies/{key}
/api/v1/report-attachments/{key}
/api/v1/reports/county/{key}
/api/v1/reports/work
/api/v1/reports/{key}
/api/v1/resources
/api/v1/resources/{key}
/api/v1/rounds
/api/v1/rounds/{key}
/api/v1/session
/api/v1/targets
/api/v1/targets/{key}
/api/v1/tasks
/api/v1/tasks/{key}
/api/v1/units
/api/v1/units/{key}
/api/v1/users
/api/v1/users/{key}
