/* Charts print at the size of their place on paper.
 *
 * The paper lays a page out at another width than the screen it was drawn on (A4 landscape is
 * about 1940 px wide at the print stylesheet's zoom, with Bootstrap's `lg` columns), while Plotly
 * draws at fixed pixel sizes: a chart drawn on a 1280 px laptop would print small and clipped, one
 * drawn on a wall would spill over its card. So once the print stylesheet applies (the
 * `matchMedia("print")` change, which browsers deliver after laying the page out for paper and
 * before rendering it), each graph is redrawn at its container's size on paper; after printing it
 * gets back its screen size. A graph sized from the window's height (100vh) keeps the height it
 * has on screen; a slide's graph takes its share of the slide, which fills the paper's width.
 *
 * Plotly draws maps with WebGL (MapLibre), whose canvas is cleared once it is on screen, so a
 * printed page would show an empty frame. Each map is redrawn synchronously with paper colours
 * (white background, dark borders) and copied, in the same task, into an <img> laid over its
 * canvas; the print stylesheet shows the picture and hides the canvas. */
(function () {
    "use strict";

    var PAPER = "#ffffff";
    var INK = "#1d2733";

    function mapsOf(graph) {
        var layout = graph._fullLayout || {};
        return Object.keys(layout)
            .filter(function (key) { return /^map\d*$/.test(key) && layout[key] && layout[key]._subplot; })
            .map(function (key) { return layout[key]._subplot.map; })
            .filter(Boolean);
    }

    // Paint properties changed for paper, to put back after printing: [map, layer, property, value].
    var repainted = [];

    // Without a transition: the picture is taken in the same task, before any animation frame.
    var AT_ONCE = { duration: 0, delay: 0 };

    function paint(map, layer, property, value) {
        [[property + "-transition", AT_ONCE], [property, value]].forEach(function (change) {
            repainted.push([map, layer, change[0], map.getPaintProperty(layer, change[0])]);
            map.setPaintProperty(layer, change[0], change[1]);
        });
    }

    function onPaper(map) {
        (map.getStyle().layers || []).forEach(function (layer) {
            if (layer.type === "background") {
                paint(map, layer.id, "background-color", PAPER);
            } else if (layer.type === "line") {
                paint(map, layer.id, "line-color", INK);
            }
        });
    }

    function snapshot(map) {
        var canvas = map.getCanvas();
        map.resize();
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

    function copyMaps() {
        document.querySelectorAll(".js-plotly-plot").forEach(function (graph) {
            mapsOf(graph).forEach(function (map) {
                try {
                    snapshot(map);
                } catch (error) {
                    console.warn("A map could not be copied for printing", error);
                }
            });
        });
    }

    var pinned = [];
    // Graphs redrawn for paper, with the size their layout asked for on screen: [graph, width, height].
    var resized = [];

    function fitToPaper() {
        if (!window.Plotly) {
            return;
        }
        var sizes = [];
        document.querySelectorAll(".js-plotly-plot").forEach(function (graph) {
            var box = graph.parentElement || graph;
            var width = Math.floor(box.clientWidth);
            var height = Math.floor(box.clientHeight) || graph._fullLayout.height;
            if (width && graph._fullLayout && (width !== graph._fullLayout.width || height !== graph._fullLayout.height)) {
                sizes.push([graph, width, height]);
            }
        });
        // Plotly measures its labels to place them and to size its margins; under the print zoom
        // Chromium reports them zoomed, and the labels would be clipped. Sizes are read under the
        // zoom (the paper's layout), the charts drawn without it.
        document.body.style.zoom = "1";
        sizes.forEach(function (entry) {
            resized.push([entry[0], entry[0].layout.width, entry[0].layout.height]);
            window.Plotly.relayout(entry[0], { width: entry[1], height: entry[2] });
        });
        copyMaps();
        document.body.style.zoom = "";
    }

    function backToScreen() {
        resized.forEach(function (entry) {
            window.Plotly.relayout(entry[0], { width: entry[1] || null, height: entry[2] || null });
            window.Plotly.Plots.resize(entry[0]);
        });
        resized = [];
        repainted.reverse().forEach(function (entry) { entry[0].setPaintProperty(entry[1], entry[2], entry[3]); });
        repainted = [];
    }

    window.addEventListener("beforeprint", function () {
        // A slide's graph is sized by its slide (a share of the slide's width), which paper scales as a whole.
        document.querySelectorAll(".dash-graph:not(.present-slide .dash-graph)").forEach(function (graph) {
            pinned.push([graph, graph.style.height]);
            graph.style.height = graph.offsetHeight + "px";
        });
        document.querySelectorAll(".js-plotly-plot").forEach(function (graph) {
            mapsOf(graph).forEach(onPaper);
        });
        copyMaps();
    });

    window.matchMedia("print").addEventListener("change", function (event) {
        if (event.matches) {
            fitToPaper();
        }
    });

    window.addEventListener("afterprint", function () {
        pinned.forEach(function (entry) { entry[0].style.height = entry[1]; });
        pinned = [];
        backToScreen();
    });
})();
