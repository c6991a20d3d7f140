// The national map (components/rankings.py `rank_map`) is drawn on plotly's geo subplot with its base
// map hidden: the provinces only. plotly still fetches the world's outlines (topojson) from its CDN
// before it draws any geo subplot, a request this app never makes (offline wall screens, a strict CSP).
// The outlines are given here instead, empty: a hidden base map draws none of them.
(function () {
    const assets = window.PlotlyGeoAssets || (window.PlotlyGeoAssets = {topojson: {}});
    assets.topojson = assets.topojson || {};
    const none = {type: "GeometryCollection", geometries: []};
    assets.topojson.world_110m = {
        type: "Topology",
        arcs: [],
        objects: {coastlines: none, land: none, ocean: none, lakes: none, rivers: none, countries: none, subunits: none},
    };
})();
