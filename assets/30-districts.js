// /districts: a click on the map opens the district's page; a region shared by several districts
// offers a link to each of them instead of picking one. customdata is
// [hover, prompt, href, name, href, name, ...] (components/districts.py).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    districts: {
        openDistrict: function (clickData) {
            const skip = window.dash_clientside.no_update;
            const point = clickData && clickData.points && clickData.points[0];
            const data = point && point.customdata;
            if (!Array.isArray(data) || data.length < 4) { return [skip, skip]; }
            const links = [];
            for (let i = 2; i + 1 < data.length; i += 2) { links.push([data[i], data[i + 1]]); }
            if (links.length === 1) { return [links[0][0], null]; }
            const items = links.map(function (link) {
                return {
                    namespace: "dash_core_components",
                    type: "Link",
                    props: {href: link[0], children: link[1], className: "btn btn-sm btn-outline-primary me-2 mt-1"}
                };
            });
            return [skip, [{namespace: "dash_html_components", type: "Div", props: {children: data[1]}}].concat(items)];
        }
    }
});
