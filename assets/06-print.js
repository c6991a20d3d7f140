/* Charts print as they are drawn on screen.
 *
 * A graph sized from the window's height (100vh) would shrink to paper's shorter viewport while
 * Plotly keeps its drawing, which would be clipped: its height is pinned in pixels while printing.
 *
 * Plotly draws maps with WebGL (MapLibre), whose canvas is cleared once it is on screen, so a
 * printed page would show an empty frame. Just before printing, each map is redrawn
 * synchronously and copied, in the same task, into an <img> laid over its canvas; the print
 * stylesheet shows the picture and hides the canvas. */
(function () {
    "use strict";

    function mapsOf(graph) {
        var layout = graph._fullLayout || {};
        return Object.keys(layout)
            .filter(function (key) { return /^map\d*$/.test(key) && layout[key] && layout[key]._subplot; })
            .map(function (key) { return layout[key]._subplot.map; })
            .filter(Boolean);
    }

    function snapshot(map) {
        var canvas = map.getCanvas();
        map.redraw();
        var picture = canvas.parentElement.querySelector("img.print-map");
        if (!picture) {
            picture = document.createElement("img");
            picture.className = "print-map";
            picture.alt = "";
            canvas.parentElement.appendChild(picture);
        }
        picture.style.width = canvas.style.width;
        picture.style.height = canvas.style.height;
        picture.src = canvas.toDataURL("image/png");
    }

    var pinned = [];

    window.addEventListener("beforeprint", function () {
        document.querySelectorAll(".dash-graph").forEach(function (graph) {
            pinned.push([graph, graph.style.height]);
            graph.style.height = graph.offsetHeight + "px";
        });
        document.querySelectorAll(".js-plotly-plot").forEach(function (graph) {
            mapsOf(graph).forEach(function (map) {
                try {
                    snapshot(map);
                } catch (error) {
                    console.warn("A map could not be copied for printing", error);
                }
            });
        });
    });

    window.addEventListener("afterprint", function () {
        pinned.forEach(function (entry) { entry[0].style.height = entry[1]; });
        pinned = [];
    });
})();
