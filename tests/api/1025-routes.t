# Routes declare themselves: each row of the route table names its query parameters and its body
# kind; the dispatcher refuses any other parameter (400 naming it) and decodes a JSON body once
# (400 with line and column and the row's example); GET /api/v1/openapi.json is generated from
# the same rows, with schemas from the records' field descriptors.
$ bangfu init > /dev/null && echo 'a long enough secret' | bangfu user add boss --role admin --password-stdin > /dev/null
$ serve-bg
$ api login boss 'a long enough secret' > /dev/null
$ for p in '/api/v1/users?role=admin' '/api/v1/plans?round=x' '/api/v1/check?rond=2023-2026' '/api/v1/audit?limt=5' '/api/v1/reports/summary?fromat=csv' '/api/v1/session?x=1' '/api/v1/cadres/C0001?format=csv'; do api -q GET "$p" | jq -c '.error | [.field, .message]'; done
["role","unknown query parameter 'role': /api/v1/users takes none"]
["round","unknown query parameter 'round': /api/v1/plans takes none"]
["rond","unknown query parameter 'rond'"]
["limt","unknown query parameter 'limt'"]
["fromat","unknown query parameter 'fromat'"]
["x","unknown query parameter 'x': /api/v1/session takes none"]
["format","unknown query parameter 'format': /api/v1/cadres/{key} takes none"]
$ api -q POST '/api/v1/import?file=units.csv&dryrun=1' 'code' | jq -c '.error | [.field, .message]'
["dryrun","unknown query parameter 'dryrun'"]
$ api -q PATCH /api/v1/cadres/C0001 '{"post":' | jq -r .error.message
the body is not valid JSON (line 1, column 8: unexpected token near end of file); send {"COLUMN":"VALUE", ...} (docs/data-format.md)
$ api -q PATCH /api/v1/cadres/C0001 '["post"]' | jq -r .error.message
the body must be a JSON object; send {"COLUMN":"VALUE", ...} (docs/data-format.md)
$ api -q POST /api/v1/users '{"name":"x","name":"y"}' | jq -r .error.message
the body is not valid JSON (line 1, column 18: duplicate object key near '"name"'); send {"name":"tongji","role":"unit","unit":"U048"}
$ api -q POST /api/v1/plans '[2023]' | jq -r .error.message
the body must be a JSON object; send {"round":"NAME"}
$ api -q POST /api/v1/changes '' | jq -r .error.message
the body is not valid JSON (line 1, column 0: '[' or '{' expected near end of file); send {"changes":[{"op":"update","entity":"cadres","key":"C0001","record":{"post":"副县长"}}],"dry_run":true}
$ api -q GET /api/v1/openapi.json > o.json; jq -c '.paths["/api/v1/check"].get | [.parameters[].name, ."x-roles"]' o.json
["round","as_of",null]
$ jq -c '.paths["/api/v1/cadres"].post.requestBody.content["application/json"].schema, .paths["/api/v1/cadres/{key}"].patch.requestBody.content["application/json"].schema, .paths["/api/v1/cadres"].get.responses["200"].content["application/json"].schema.properties.items.items' o.json
{"$ref":"#/components/schemas/Cadre"}
{"$ref":"#/components/schemas/CadreChange"}
{"$ref":"#/components/schemas/Cadre"}
$ jq -c '.components.schemas.Cadre | [.required, .properties.rank.enum, .properties.actual_end, .properties.verified]' o.json
[["id","name","unit","group","rank","post","start","planned_end","verified"],["division","middle","section"],{"type":["string","null"],"format":"date"},{"type":"integer","enum":[0,1]}]
$ jq -c '.components.schemas.CadreChange.required, .components.schemas.Membership.properties.role.enum, (.paths["/api/v1/import"].post.requestBody.content | keys)' o.json
null
["lead","member"]
["multipart/form-data","text/csv"]
$ jq -r '[.paths[][] | select(.requestBody == null and (.responses | has("201")))] | length' o.json
0
$ grep -c -E 'ERROR: AddressSanitizer|runtime error|LeakSanitizer' server.log
0
[1]
