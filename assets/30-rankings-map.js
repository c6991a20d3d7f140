// /rankings: the national map's zoom is fitted on the server to the smallest map the page draws
// (a laptop's, `layout.meta.fit` in components/rankings.py). On a larger card this zooms the drawn
// map in by the ratio of its size to that one, so the country fills the card and stays whole. The
// map itself is moved (no Plotly.relayout, which would redraw it while it loads).
//
// Another year is drawn in place (Plotly.react), and plotly then sets the map's camera back to the
// layout's zoom: the map zoomed out to the laptop's fit, loaded and drew every source at that zoom,
// and zoomed back in once drawn (a visible jump, and each source tiled and drawn twice). The map's
// camera hook (MapLibre's `transformCameraUpdate`) turns that reset into the card's own zoom, so the
// camera never leaves it.
//
// Plotly.react also hands every trace's GeoJSON to the map again, changed or not, and the map then
// re-tiles each source in its worker and draws it anew. A source is given only data that differs
// from what it holds (the same polygons, the same colours and hover properties are skipped): another
// year re-tiles the recoloured provinces and the island dots, not the focus's outline and dot.
(function () {
    function fittedZoom(plot) {
        const full = plot._fullLayout;
        const fit = plot.layout && plot.layout.meta && plot.layout.meta.fit;
        if (!fit || !full || !full.map || !full._size) { return null; }
        const width = full._size.w * (full.map.domain.x[1] - full.map.domain.x[0]);
        const height = full._size.h * (full.map.domain.y[1] - full.map.domain.y[0]);
        if (!(width > 0 && height > 0)) { return null; }
        return fit.zoom + Math.log2(Math.min(width / fit.width, height / fit.height));
    }

    function mapOf(plot) {
        const full = plot._fullLayout;
        return full && full.map && full.map._subplot && full.map._subplot.map;
    }

    // Once per map: its sources skip the data they hold, and plotly's reset to the layout's zoom (the
    // laptop's fit) becomes the card's zoom; any other move (the refit below, a reader's gesture) is
    // left as it is.
    function keepDrawn(plot, map) {
        if (map.dtiKeepsDrawn) { return; }
        map.dtiKeepsDrawn = true;
        map.on("sourcedata", function (event) { skipSameData(map.getSource(event.sourceId)); });
        map.setTransformCameraUpdate(function (next) {
            const fit = plot.layout && plot.layout.meta && plot.layout.meta.fit;
            const zoom = fittedZoom(plot);
            if (!fit || zoom === null || Math.abs(next.zoom - fit.zoom) > 1e-6) { return {}; }
            return {zoom: zoom};
        });
    }

    // What a source draws, cheaply compared: each feature's geometry (plotly passes the boundary file's
    // own polygon objects, so identity suffices; points are new objects, compared by value) and its
    // properties (colour, line width...).
    const geometryIds = new WeakMap();
    let geometries = 0;
    function drawnKey(data) {
        if (!data || !Array.isArray(data.features)) { return null; }
        return JSON.stringify(data.features.map(function (feature) {
            const geometry = feature.geometry || {};
            if (geometry.type === "Point") { return [geometry.coordinates, feature.properties]; }
            if (!geometryIds.has(geometry)) { geometryIds.set(geometry, ++geometries); }
            return [geometryIds.get(geometry), feature.properties];
        }));
    }

    function skipSameData(source) {
        if (!source || typeof source.setData !== "function" || source.dtiSkipsSameData) { return; }
        source.dtiSkipsSameData = true;
        const setData = source.setData;
        let drawn = typeof source.serialize === "function" ? drawnKey(source.serialize().data) : null;
        source.setData = function (data) {
            const key = drawnKey(data);
            if (key !== null && key === drawn) { return Promise.resolve(); }
            drawn = key;
            return setData.apply(this, arguments);
        };
    }

    function refit(plot) {
        const map = mapOf(plot);
        const zoom = fittedZoom(plot);
        if (!map || zoom === null) { return; }
        keepDrawn(plot, map);
        const apply = function () {
            if (Math.abs(map.getZoom() - zoom) > 0.02) { map.jumpTo({zoom: zoom}); }
        };
        if (map.loaded()) { apply(); } else { map.once("load", apply); }
    }

    function watch() {
        document.querySelectorAll("#rankings-map .js-plotly-plot").forEach(function (plot) {
            if (plot.dataset.refitWatched || typeof plot.on !== "function") { return; }
            plot.dataset.refitWatched = "1";
            plot.on("plotly_afterplot", function () { refit(plot); });
            refit(plot);
        });
    }

    new MutationObserver(watch).observe(document.documentElement, {childList: true, subtree: true});
})();
