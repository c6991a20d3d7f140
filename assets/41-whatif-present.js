/* /whatif's "Đưa lên trình chiếu": the deck's address with the scenario the sliders hold, the
 * indices that differ from the published points (`&institutions=70`), as /whatif writes its own
 * address. Recomputed in the browser as the sliders move: no request. */
(function () {
    "use strict";

    function link(values, data, href) {
        if (!href || !data) {
            return window.dash_clientside.no_update;
        }
        var params = new URLSearchParams();
        params.set("year", String(data.year));
        data.indices.forEach(function (index, i) {
            var value = Math.min(Math.max(Number(values[i]), 0), index.max);
            if (isFinite(value) && Math.abs(value - index.points) >= 0.005) {
                params.set(index.code, value.toFixed(2).replace(/\.?0+$/, ""));
            }
        });
        return "/present?" + params.toString() + "#actions";
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        whatif_present: { link: link }
    });
})();
