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
        },
        // The regions' names and values sit over the map as HTML (map text would fetch fonts from the
        // internet): each label is placed at its lon/lat by the map's own projection, again whenever
        // the map moves or resizes. The map exists only once plotly has drawn it, so this waits for it.
        // The map is kept across a year or criterion change (pages/districts.py) while the labels are
        // replaced: each placing reads the labels there are then.
        placeLabels: function () {
            const place = function (map) {
                const layer = document.getElementById("districts-map-labels");
                const frame = layer && layer.closest(".districts-map-frame");
                if (!frame) { return; }
                const mapBox = map.getContainer().getBoundingClientRect();
                const frameBox = frame.getBoundingClientRect();
                const labels = Array.from(layer.querySelectorAll(".districts-map-label")).map(function (node) {
                    const point = map.project([parseFloat(node.dataset.lon), parseFloat(node.dataset.lat)]);
                    return {
                        node: node,
                        x: mapBox.left - frameBox.left + point.x,
                        y: mapBox.top - frameBox.top + point.y,
                        w: node.offsetWidth + 4,
                        h: node.offsetHeight + 2
                    };
                });
                // Small neighbouring regions put their labels on top of each other: push overlapping
                // labels apart vertically (a few rounds) so each name stays readable.
                for (let round = 0; round < 30; round += 1) {
                    let moved = false;
                    for (let i = 0; i < labels.length; i += 1) {
                        for (let j = i + 1; j < labels.length; j += 1) {
                            const a = labels[i];
                            const b = labels[j];
                            const overlapX = (a.w + b.w) / 2 - Math.abs(a.x - b.x);
                            const overlapY = (a.h + b.h) / 2 - Math.abs(a.y - b.y);
                            if (overlapX > 0 && overlapY > 0) {
                                const push = overlapY / 2 + 0.5;
                                const down = a.y <= b.y ? 1 : -1;
                                a.y -= down * push;
                                b.y += down * push;
                                moved = true;
                            }
                        }
                    }
                    if (!moved) { break; }
                }
                labels.forEach(function (label) {
                    label.node.style.left = label.x + "px";
                    label.node.style.top = label.y + "px";
                });
                layer.classList.add("placed");
            };
            const attach = function (tries) {
                const layer = document.getElementById("districts-map-labels");
                const graph = document.querySelector("#districts-map .js-plotly-plot");
                const subplot = graph && graph._fullLayout && graph._fullLayout.map && graph._fullLayout.map._subplot;
                const map = subplot && subplot.map;
                if (!layer || !map) {
                    if (tries < 400) { window.setTimeout(function () { attach(tries + 1); }, 50); }
                    return;
                }
                if (!map.dtiLabelsPlaced) {
                    map.on("move", function () { place(map); });
                    map.on("resize", function () { place(map); });
                    map.dtiLabelsPlaced = true;
                }
                place(map);
                // The labels a change sends arrive with the map's new figure: placed again once drawn.
                window.requestAnimationFrame(function () { place(map); });
            };
            attach(0);
            return window.dash_clientside.no_update;
        }
    }
});
