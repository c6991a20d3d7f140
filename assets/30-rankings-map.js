// /rankings: the national map's zoom is fitted on the server to the smallest map the page draws
// (a laptop's, `layout.meta.fit` in components/rankings.py). On a larger card this zooms the drawn
// map in by the ratio of its size to that one, so the country fills the card and stays whole. The
// map itself is moved (no Plotly.relayout, which would redraw it while it loads).
(function () {
    function refit(plot) {
        const full = plot._fullLayout;
        const fit = plot.layout && plot.layout.meta && plot.layout.meta.fit;
        const map = full && full.map && full.map._subplot && full.map._subplot.map;
        if (!fit || !map || !full._size) { return; }
        const width = full._size.w * (full.map.domain.x[1] - full.map.domain.x[0]);
        const height = full._size.h * (full.map.domain.y[1] - full.map.domain.y[0]);
        if (!(width > 0 && height > 0)) { return; }
        const zoom = fit.zoom + Math.log2(Math.min(width / fit.width, height / fit.height));
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
