// Sortable tables (`table.sortable-table`, e.g. /pillars' table): a header's button sorts the rows by
// that column's `data-value` on each cell (numbers as numbers, text in Vietnamese order); clicks cycle
// ascending, descending, then the order the server sent (`data-order` on each row). The sorted header
// carries aria-sort. All in the browser: a few dozen rows need no round trip to the server.
//
// The rows are React's (Dash's) nodes moved in place. When a callback redraws the table, React may
// reuse them in their moved order with new contents, so once a table has been sorted an observer sorts
// it again after any change; sorting rows that are already in order moves nothing, so it settles.
(function () {
    "use strict";
    var CYCLE = ["none", "ascending", "descending"];
    var observing = false;

    function compare(a, b, index, numeric) {
        var x = a.cells[index] ? a.cells[index].getAttribute("data-value") : "";
        var y = b.cells[index] ? b.cells[index].getAttribute("data-value") : "";
        if (x === "" || y === "") { return (x === "") - (y === ""); }
        return numeric ? Number(x) - Number(y) : x.localeCompare(y, "vi");
    }

    function apply(table) {
        var column = table.getAttribute("data-sort-column");
        var direction = table.getAttribute("data-sort-direction") || "none";
        var headers = table.tHead && table.tHead.rows[0] ? table.tHead.rows[0].cells : [];
        var index = -1;
        var numeric = true;
        for (var i = 0; i < headers.length; i++) {
            var header = headers[i];
            if (direction !== "none" && header.getAttribute("data-column") === column) {
                index = i;
                numeric = header.getAttribute("data-type") !== "text";
                if (header.getAttribute("aria-sort") !== direction) { header.setAttribute("aria-sort", direction); }
            } else if (header.hasAttribute("aria-sort")) {
                header.removeAttribute("aria-sort");
            }
        }
        var body = table.tBodies[0];
        if (!body) { return; }
        var rows = Array.prototype.slice.call(body.rows);
        var sign = direction === "descending" ? -1 : 1;
        var sorted = rows.slice().sort(function (a, b) {
            var order = Number(a.getAttribute("data-order")) - Number(b.getAttribute("data-order"));
            if (index < 0) { return order; }
            var x = a.cells[index] ? a.cells[index].getAttribute("data-value") : "";
            var y = b.cells[index] ? b.cells[index].getAttribute("data-value") : "";
            if (x === "" || y === "") { return (x === "") - (y === "") || order; }  // missing last, both ways
            return sign * compare(a, b, index, numeric) || order;
        });
        if (sorted.every(function (row, position) { return row === rows[position]; })) { return; }
        sorted.forEach(function (row) { body.appendChild(row); });
    }

    function applyAll() {
        document.querySelectorAll("table.sortable-table[data-sort-column]").forEach(apply);
    }

    function observe() {
        if (observing) { return; }
        observing = true;
        var pending = false;
        new MutationObserver(function () {
            if (pending) { return; }
            pending = true;
            Promise.resolve().then(function () { pending = false; applyAll(); });
        }).observe(document.body, {
            childList: true, subtree: true, characterData: true,
            attributes: true, attributeFilter: ["data-value", "data-order", "data-column"]
        });
    }

    document.addEventListener("click", function (event) {
        var button = event.target.closest && event.target.closest("table.sortable-table th[data-column] button");
        if (!button) { return; }
        var header = button.closest("th");
        var table = header.closest("table");
        var column = header.getAttribute("data-column");
        var current = table.getAttribute("data-sort-column") === column
            ? table.getAttribute("data-sort-direction") || "none" : "none";
        var next = CYCLE[(CYCLE.indexOf(current) + 1) % CYCLE.length];
        table.setAttribute("data-sort-column", column);
        table.setAttribute("data-sort-direction", next);
        apply(table);
        observe();
    });
})();
