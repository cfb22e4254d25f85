# report shares computes the GDP share (S10: 12.4 %) once every county has a GDP figure for a
# year the province has one, and until then says how many counties lack it. The bundled data
# has 2022 GDP for 4 of the 57 counties (台山 516.5, 兴宁 200.99, 南澳 35.93, 普宁 629.5 亿元:
# 1,382.92; 普宁's an estimate). The test adds an invented figure (quality illustrative) for the
# other 53 (52 x 276 + 275.78 = 14,627.78), so that the 57 sum to 16,010.70 亿元, the article's
# 12.4 % of the province's 129,118.58 (province_totals.csv's DERIVED row). By hand:
# 16010.70 / 129118.58 = 12.400 %.
$ bangfu init > /dev/null
$ bangfu report shares --format json | jq -c '[.gdp_share, (.items[] | select(.measure == "gdp") | [.year, .counties_with_data, .counties_missing, .note])]'
[null,[2022,4,53,"gdp for 2022: 53 of the 57 counties lack a value (4 with one); the share needs all of them"]]
$ bangfu report indicators --format json | jq -r '.items[] | select(.indicator == "n_towns") | .target' | grep -vxE '440781|441481|440523|445281' > rest; wc -l < rest
53
$ { echo scope,name,year,value,unit,quality,source; head -n 52 rest | sed 's/$/,gdp,2022,276,100m_yuan,illustrative,test fixture/'; tail -n 1 rest | sed 's/$/,gdp,2022,275.78,100m_yuan,illustrative,test fixture/'; } > indicators.csv && bangfu import indicators.csv
imported 53 rows from indicators.csv (UTF-8)
$ bangfu report shares --format json | jq -c '[.gdp_share, (.items[] | select(.measure == "gdp") | [.year, .share, .counties_with_data, .counties_missing, .counties_total, .province_total, .article, .note])]'
[12.4,[2022,12.4,57,0,16010.7,129118.58,12.4,null]]
$ bangfu report shares | sed -n 3p
gdp_share         12.4
