// /present: move through the slides with the keyboard (arrows, PageUp/PageDown as presentation
// clickers send, Home/End, Space), full screen on F, and the IOC wall mode (?kiosk=1): slides
// advance by themselves, the page chrome and cursor hide (the `present-kiosk` class on <body>),
// and a heartbeat that stops arriving shows the stale marker until the server answers again.
(function () {
    "use strict";

    var state = {
        root: null,
        index: 0,
        kioskTimer: null,
        staleTimer: null,
        lastBeat: 0,
        pollMs: 15000,
        wanted: "",
        shown: ""
    };

    function slides() {
        return state.root ? state.root.querySelectorAll(".present-slide") : [];
    }

    // Vietnam's clock, whatever zone the wall screen's computer is set to (as on the server).
    var vietnamTime = new Intl.DateTimeFormat("en-GB", {
        timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hour12: false
    });

    // Writes only what changed: the MutationObserver below sees every write to the DOM.
    function setText(element, text) {
        if (element && element.textContent !== text) { element.textContent = text; }
    }

    // A presenter's → on the last slide stays there (and ← on the first): only the kiosk loops.
    function show(index, loop) {
        var all = slides();
        if (!all.length) { return; }
        var count = all.length;
        state.index = loop ? ((index % count) + count) % count : Math.max(0, Math.min(count - 1, index));
        for (var i = 0; i < count; i++) {
            var active = i === state.index;
            all[i].classList.toggle("is-active", active);
            all[i].setAttribute("aria-hidden", active ? "false" : "true");
        }
        state.shown = all[state.index].id.replace(/^present-slide-/, "");
        setText(document.getElementById("present-counter"), (state.index + 1) + " / " + count);
        drawCharts();
    }

    // A slide's chart waits in its box (components/slides.py `chart_box`) until the slide is shown; the
    // others are drawn one at a time when the browser is idle, so a change of year redraws the one chart
    // the presenter sees and the rest follow before a click or a print needs them. `asked` holds the boxes
    // whose chart is drawn or on its way; a box Dash leaves empty (the deck drawn anew) is asked again.
    var asked = new WeakSet();
    var idleDraw = null;
    var whenIdle = window.requestIdleCallback
        ? function (work) { return window.requestIdleCallback(work, {timeout: 1000}); }
        : function (work) { return window.setTimeout(work, 50); };

    function drawChart(box) {
        var setProps = window.dash_clientside && window.dash_clientside.set_props;
        if (!setProps || asked.has(box)) { return; }
        asked.add(box);
        var id = JSON.parse(box.id);
        setProps(id, {children: {
            type: "Graph",
            namespace: "dash_core_components",
            props: {
                id: "present-graph-" + id.slide,
                figure: JSON.parse(box.getAttribute("data-figure")),
                config: JSON.parse(box.getAttribute("data-config")),
                responsive: true,
                style: {height: "100%", width: "100%"}
            }
        }});
    }

    function waiting(scope) {
        return Array.prototype.filter.call(scope.querySelectorAll(".present-graph[data-figure]"), function (box) {
            return !asked.has(box);
        });
    }

    // A chart of the slide shown that plotly has not drawn yet: the others wait for it.
    function shownPending() {
        var current = slides()[state.index];
        var boxes = current ? current.querySelectorAll(".present-graph[data-figure]") : [];
        return Array.prototype.some.call(boxes, function (box) { return !box.querySelector(".main-svg"); });
    }

    function drawNextWaiting() {
        idleDraw = null;
        var rest = state.root ? waiting(state.root) : [];
        if (!rest.length) { return; }
        if (!shownPending()) { drawChart(rest.shift()); }
        if (rest.length) { idleDraw = whenIdle(drawNextWaiting); }
    }

    function drawCharts() {
        var current = slides()[state.index];
        if (current) { waiting(current).forEach(drawChart); }
        if (idleDraw === null && state.root && waiting(state.root).length) { idleDraw = whenIdle(drawNextWaiting); }
    }

    function next() { show(state.index + 1, false); }
    function previous() { show(state.index - 1, false); }
    function cycle() { show(state.index + 1, true); }

    function toggleFullscreen() {
        var stage = document.getElementById("present-stage");
        if (!stage) { return; }
        if (document.fullscreenElement) {
            document.exitFullscreen().catch(function () { return null; });
        } else if (stage.requestFullscreen) {
            stage.requestFullscreen().catch(function () { return null; });
        }
    }

    function onKey(event) {
        if (!state.root || event.altKey || event.ctrlKey || event.metaKey) { return; }
        var target = event.target;
        if (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) { return; }
        switch (event.key) {
        case "ArrowRight":
        case "ArrowDown":
        case "PageDown":
        case " ":
            next();
            break;
        case "ArrowLeft":
        case "ArrowUp":
        case "PageUp":
            previous();
            break;
        case "Home":
            show(0, false);
            break;
        case "End":
            show(slides().length - 1, false);
            break;
        case "f":
        case "F":
            toggleFullscreen();
            break;
        default:
            return;
        }
        event.preventDefault();
    }

    // A chart's PNG or SVG button: the request the server's `download_chart` answers with the file.
    function requestChart(button) {
        window.dash_clientside.set_props("present-chart-request", {data: {
            slide: button.getAttribute("data-slide"),
            format: button.getAttribute("data-format"),
            at: Date.now()
        }});
    }

    function onClick(event) {
        if (!state.root) { return; }
        var chart = event.target.closest && event.target.closest(".present-chart-button");
        if (chart) {
            requestChart(chart);
            chart.blur();
            return;
        }
        var button = event.target.closest && event.target.closest("#present-prev, #present-next, #present-fullscreen");
        if (!button) { return; }
        if (button.id === "present-prev") { previous(); }
        if (button.id === "present-next") { next(); }
        if (button.id === "present-fullscreen") { toggleFullscreen(); }
        button.blur();
    }

    function setStale(stale) {
        var marker = document.getElementById("present-stale");
        if (!marker) { return; }
        if (stale) {
            var at = new Date(state.lastBeat);
            var template = marker.getAttribute("data-template") || "{time}";
            setText(marker, template.replace("{time}", vietnamTime.format(at)));
        }
        if (marker.hidden === stale) { marker.hidden = !stale; }
        document.body.classList.toggle("present-offline", stale);
    }

    function checkStale() {
        // Two and a half polls without a heartbeat: the server or the network is gone.
        setStale(Date.now() - state.lastBeat > state.pollMs * 2.5 + 1000);
    }

    function stopTimers() {
        clearInterval(state.kioskTimer);
        clearInterval(state.staleTimer);
        state.kioskTimer = null;
        state.staleTimer = null;
    }

    // A deck drawn in place of the one shown (another year: the router builds the page anew) opens on the
    // slide that was shown, where it has it, so a presenter compares a slide across years; a deck opened
    // from another page opens on its title, or on the slide its address names (`#actions`).
    function attach(root) {
        var replacing = state.root !== null;
        state.root = root;
        state.index = 0;
        state.wanted = window.location.hash.slice(1) || (replacing ? state.shown : "");
        stopTimers();
        var kiosk = root.getAttribute("data-kiosk") === "1";
        document.body.classList.toggle("present-kiosk", kiosk);
        if (kiosk) {
            var seconds = parseInt(root.getAttribute("data-interval"), 10) || 20;
            state.pollMs = (parseInt(root.getAttribute("data-poll"), 10) || 15) * 1000;
            state.lastBeat = Date.now();
            state.kioskTimer = setInterval(cycle, seconds * 1000);
            state.staleTimer = setInterval(checkStale, 1000);
        }
        show(0);
    }

    function detach() {
        stopTimers();
        state.root = null;
        document.body.classList.remove("present-kiosk", "present-offline");
    }

    // Dash renders pages and re-renders the deck (a new import, a theme change) by replacing
    // DOM nodes: follow the page's root and keep the current slide across re-renders.
    // A chart box the deck's redrawing left empty: its chart is to be drawn again.
    function forgetEmptied(mutations) {
        mutations.forEach(function (mutation) {
            var box = mutation.target;
            if (mutation.removedNodes.length && !box.firstChild && box.matches && box.matches(".present-graph[data-figure]")) {
                asked.delete(box);
            }
        });
    }

    function sync(mutations) {
        var root = document.getElementById("present-root");
        if (root !== state.root) {
            if (root) { attach(root); } else if (state.root) { detach(); }
        } else if (root) {
            forgetEmptied(mutations);
            var all = slides();
            // `/present?…#actions` (the what-if page's link) opens on that slide once it is drawn.
            var wanted = state.wanted && document.getElementById("present-slide-" + state.wanted);
            if (wanted) {
                state.wanted = "";
                show(Array.prototype.indexOf.call(all, wanted), false);
                return;
            }
            if (all.length) { state.wanted = ""; }  // a deck without that slide: it stays on its first
            var current = all[Math.min(state.index, all.length - 1)];
            if (current && !current.classList.contains("is-active")) { show(state.index); }
            else if (current) {
                setText(document.getElementById("present-counter"), (state.index + 1) + " / " + all.length);
                drawCharts();
            }
        }
    }

    new MutationObserver(sync).observe(document.documentElement, {childList: true, subtree: true});
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        present: {
            // A heartbeat from the server: the data on screen is current as of now.
            beat: function (data) {
                state.lastBeat = Date.now();
                setStale(false);
                return data && data.checked ? data.checked : "";
            }
        }
    });
}());
