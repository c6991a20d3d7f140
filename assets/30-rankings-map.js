// /rankings: the national map's zoom is fitted on the server to the smallest map the page draws
// (a laptop's, `layout.meta.fit` in components/rankings.py). On a larger card this zooms in by the
// ratio of the map's drawn size to that one, so the country fills the card and stays whole.
(function () {
    function refit(plot) {
        const full = plot._fullLayout;
        const fit = plot.layout && plot.layout.meta && plot.layout.meta.fit;
        if (!fit || !full || !full.map || !full._size || !window.Plotly) { return; }
        const width = full._size.w * (full.map.domain.x[1] - full.map.domain.x[0]);
        const height = full._size.h * (full.map.domain.y[1] - full.map.domain.y[0]);
        if (!(width > 0 && height > 0)) { return; }
        const zoom = Math.round((fit.zoom + Math.log2(Math.min(width / fit.width, height / fit.height))) * 100) / 100;
        if (Math.abs(full.map.zoom - zoom) > 0.02) { window.Plotly.relayout(plot, {"map.zoom": zoom}); }
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
