// /whatif: the scenario recomputed in the browser from the data the page sent once
// (components/whatif.py browser_data), so moving a control costs no request to the server.
// The rules are domain/ranking.py's and domain/whatif.py's, to the hundredth: a total moves from
// the published total by the points each index gains; an index moves from its published points by
// what each of its tasks gains; the rank is competition ranking among the other units' published
// totals (ties shared, totals compared at 6 decimals); the group is the highest whose lower bound
// the share reaches; the points missing are rounded up to 0,01.
//
// A move takes no Dash callback: the script sees it (a box's `input` event, a slider handle's
// `aria-valuenow`), keeps the scenario in `state`, writes the figures into the cards' elements and
// redraws the chart with Plotly.react on the graph already drawn; Dash is told the controls that
// follow (a slider's box, a task's index) afterwards, with `set_props`. The address bar follows a
// moment after the last move (debounced). Dash draws the chart once (`start`) and sets the controls
// for "Đặt lại" and a goal (`setPoints`).
(function () {
    const DECIMALS = 1e6;

    function round6(value) { return Math.round(value * DECIMALS) / DECIMALS; }

    function fill(template, values) {
        return template.replace(/\{(\w+)\}/g, function (whole, key) {
            return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
        });
    }

    function formatNumber(value, decimals, separators) {
        const fixed = Math.abs(value).toFixed(decimals);
        const parts = fixed.split(".");
        const whole = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, separators.thousands);
        const sign = value < 0 && Number(fixed) !== 0 ? "−" : "";
        return sign + whole + (parts[1] ? separators.decimal + parts[1] : "");
    }

    // Points as the sources print them: up to two decimals, no trailing zeros ("80", "72,64").
    function formatPoints(value, separators) {
        let text = formatNumber(value, 2, separators);
        if (text.indexOf(separators.decimal) >= 0) {
            text = text.replace(/0+$/, "");
            if (text.endsWith(separators.decimal)) { text = text.slice(0, -1); }
        }
        return text;
    }

    function clamp(value, index) {
        const number = Number(value);
        if (!isFinite(number)) { return index.points; }
        return Math.min(Math.max(number, 0), index.max);
    }

    function groupFor(share, thresholds) {
        let best = null;
        thresholds.forEach(function (th) {
            if (round6(share) >= th.min_share && (best === null || th.min_share > best.min_share)) { best = th; }
        });
        return best;
    }

    function nextGroup(total, maxTotal, thresholds) {
        const share = total / maxTotal;
        let target = null;
        thresholds.forEach(function (th) {
            if (th.min_share > round6(share) && (target === null || th.min_share < target.min_share)) { target = th; }
        });
        if (target === null) { return null; }
        const targetPoints = round6(target.min_share * maxTotal);
        return {group: target.group, missing: Math.ceil(round6((targetPoints - total) * 100)) / 100};
    }

    function rankAmong(total, others) {
        const mine = round6(total);
        return 1 + others.filter(function (other) { return round6(other.points) > mine; }).length;
    }

    // The scenario's figures from the controls' values (in the order of data.indices).
    function outcome(values, data) {
        let delta = 0;
        data.indices.forEach(function (index, i) { delta += clamp(values[i], index) - index.points; });
        const total = round6(data.total + delta);
        const group = groupFor(total / data.max_total, data.thresholds);
        return {
            total: total,
            rank: rankAmong(total, data.others),
            rankOf: data.others.length + 1,
            group: group,
            next: data.thresholds.length ? nextGroup(total, data.max_total, data.thresholds) : null
        };
    }

    // The scenario in the address bar, without a request: only the controls that differ from the
    // published points (`<index>=…`, `<task>=…`), so the published figures keep the address they were
    // opened with. A changed scenario names its unit and year, so the link opens the same scenario for
    // whoever follows it. An index's value already holds its tasks' moves.
    function scenarioSearch(state, data) {
        const params = new URLSearchParams(window.location.search);
        let changed = false;
        data.indices.concat(data.tasks).forEach(function (item) {
            const value = item.index === undefined ? state.index[item.code] : state.task[item.code];
            if (Math.abs(value - item.points) < 0.005) {
                params.delete(item.code);
            } else {
                params.set(item.code, value.toFixed(2).replace(/\.?0+$/, ""));
                changed = true;
            }
        });
        if (changed) {
            params.set("unit", data.unit);
            params.set("year", String(data.year));
        }
        const search = params.toString();
        return search ? "?" + search : "";
    }

    let urlTimer = null;
    function updateAddress(state, data) {
        if (urlTimer !== null) { window.clearTimeout(urlTimer); }
        urlTimer = window.setTimeout(function () {
            urlTimer = null;
            const search = scenarioSearch(state, data);
            if (search !== window.location.search) {
                window.history.replaceState(window.history.state, "", window.location.pathname + search);
            }
        }, 150);
    }

    function rankingFigure(total, data) {
        const rows = data.others.map(function (other) { return {name: other.name, points: other.points, mine: false}; });
        rows.push({name: data.name, points: total, mine: true});
        rows.sort(function (a, b) { return b.points - a.points || (a.mine ? -1 : 0) || a.name.localeCompare(b.name); });
        const sep = data.separators;
        const words = data.words;
        const bars = {
            type: "bar",
            orientation: "h",
            y: rows.map(function (row) { return row.name; }),
            x: rows.map(function (row) { return data.is_index ? row.points / data.max_total : row.points; }),
            marker: {color: rows.map(function (row) { return row.mine ? data.colors.focus : data.colors.others; })},
            text: rows.map(function (row) {
                return data.is_index ? formatNumber(row.points / data.max_total, 4, sep) : formatPoints(row.points, sep);
            }),
            textposition: "outside",
            cliponaxis: false,
            hoverinfo: "y+text",
            name: words.ranking_scenario,
            showlegend: false
        };
        const published = {
            type: "scatter",
            mode: "markers",
            y: [data.name],
            x: [data.is_index ? data.total / data.max_total : data.total],
            marker: {symbol: "line-ns-open", size: 22, color: data.colors.published, line: {width: 3, color: data.colors.published}},
            name: words.ranking_published,
            hoverinfo: "name",
            showlegend: false
        };
        return {data: [bars, published], layout: chartLayout(rows.length, data)};
    }

    // The page's data, as a key: the unit, year, theme and language it was drawn for.
    function dataKey(data) {
        return [data.unit, data.year, data.colors.grid, data.words.ranking_scenario].join("|");
    }

    // One layout object per page's data, so Plotly.react sees an unchanged layout and redraws the traces only.
    let layoutCache = {key: null, layout: null};
    function chartLayout(rows, data) {
        if (layoutCache.key !== dataKey(data)) {
            const top = data.is_index ? 1 : data.max_total;
            layoutCache = {key: dataKey(data), layout: Object.assign({}, data.layout, {
                margin: {l: 10, r: 70, t: 10, b: 30},
                yaxis: {autorange: "reversed", automargin: true, fixedrange: true},
                xaxis: {range: [0, top], fixedrange: true, gridcolor: data.colors.grid},
                bargap: 0.25,
                height: rows * data.row_px + data.margin_px
            })};
        }
        return layoutCache.layout;
    }

    // Once drawn, the names' room on the left is known and stays (the same units, only their order
    // moves): later redraws fix it rather than measure it again, as `automargin` does on every redraw
    // (measured: a redraw two to three times slower with it).
    function fixMargin(graph) {
        if (layoutCache.fixed || !graph._fullLayout._size) { return; }
        const drawn = layoutCache.layout;
        layoutCache.layout = Object.assign({}, drawn, {
            margin: Object.assign({}, drawn.margin, {l: Math.ceil(graph._fullLayout._size.l)}),
            yaxis: Object.assign({}, drawn.yaxis, {automargin: false})
        });
        layoutCache.fixed = true;
    }

    // The figures of a scenario as the cards print them.
    function texts(result, data) {
        const sep = data.separators;
        const words = data.words;
        const delta = round6(result.total - data.total);
        const shown = {rank: result.rank + "/" + result.rankOf};
        if (data.is_index) {
            shown.total = formatNumber(result.total / data.max_total, 4, sep);
            shown.totalSub = fill(words.index_sub, {
                value: formatPoints(result.total, sep) + " / " + formatPoints(data.max_total, sep),
                published: formatNumber(data.total / data.max_total, 4, sep)
            });
        } else {
            shown.total = formatPoints(result.total, sep) + " / " + formatPoints(data.max_total, sep);
            const change = delta === 0 ? words.same : (delta > 0 ? "+" : "") + formatPoints(delta, sep);
            shown.totalSub = fill(words.total_sub, {published: formatPoints(data.total, sep), delta: change});
        }
        const before = rankAmong(data.total, data.others);
        let move = words.same;
        if (result.rank < before) { move = fill(words.up, {n: before - result.rank}); }
        if (result.rank > before) { move = fill(words.down, {n: result.rank - before}); }
        shown.move = fill(words.ranking_move, {before: before, after: result.rank}) + " (" + move + ")";
        shown.next = "✓";
        shown.nextLabel = words.top;
        if (result.next) {
            shown.next = fill(words.next_value, {points: formatPoints(result.next.missing, sep)});
            shown.nextLabel = fill(words.next, {group: result.next.group});
        }
        return shown;
    }

    function setText(id, text) {
        const element = document.getElementById(id);
        if (element && element.textContent !== text) { element.textContent = text; }
    }

    // The group badge is changed in place (its text, colour and class), never replaced, so the page's
    // own elements stay the ones Dash drew.
    function setGroup(id, group) {
        const holder = document.getElementById(id);
        const badge = holder && holder.firstElementChild;
        if (!badge) { return; }
        badge.textContent = group ? group.group : "—";
        badge.className = group ? "group-badge" : "group-badge group-none";
        badge.removeAttribute("title");
        badge.style.cssText = "";
        if (group) { Object.assign(badge.style, group.style); }
    }

    // The scenario's figures into the cards' elements.
    function writeTexts(result, data) {
        const shown = texts(result, data);
        const ids = data.ids;
        setText(ids.total, shown.total);
        setText(ids.total_sub, shown.totalSub);
        setText(ids.rank, shown.rank);
        setText(ids.next, shown.next);
        setText(ids.next_label, shown.nextLabel);
        setText(ids.move, shown.move);
        setGroup(ids.group, result.group);
    }

    function draw(state, data) {
        const started = performance.now();
        const result = outcome(data.indices.map(function (index) { return state.index[index.code]; }), data);
        writeTexts(result, data);
        const holder = document.getElementById(data.ids.ranking);
        const graph = holder && holder.querySelector(".js-plotly-plot");
        const figure = rankingFigure(result.total, data);
        let drawn = false;
        if (graph && graph._fullLayout && window.Plotly) {
            fixMargin(graph);
            window.Plotly.react(graph, figure.data, layoutCache.layout, {displayModeBar: false});
            drawn = true;
        }
        window.dtiWhatifLastMs = performance.now() - started;
        return drawn ? null : figure;
    }

    // The scenario the page holds: each index's and task's points, read from the controls when the
    // page draws them (`start`) and kept here between moves (a task's move needs its previous points).
    let state = null;

    // Points typed in a box: a decimal comma or point; null when it is no number.
    function parseTyped(text) {
        if (text === null || text === undefined || String(text).trim() === "") { return null; }
        const number = Number(String(text).trim().replace(",", "."));
        return isFinite(number) ? number : null;
    }

    function parseId(text) {
        try { return JSON.parse(text); } catch (error) { return null; }
    }

    // A control's new value into Dash's own state (its slider or its box), after the figures are drawn.
    function setControl(type, code, value) {
        const props = {value: type.slice(-4) === "-box" ? formatPoints(value, state.data.separators) : value};
        window.dash_clientside.set_props({type: type, index: code}, props);
    }

    // One control moved: `kind` "index" or "task", the raw value (a slider's number, or a box's text).
    // The figures are written and the chart redrawn at once; the controls that follow (a slider's box,
    // a box's slider, a task's index) are told afterwards. A control set here echoes back with the
    // value the state already holds and is ignored.
    function apply(kind, code, raw, typed) {
        const controls = state.data.controls;
        const item = kind === "index" ? state.byIndex[code] : state.byTask[code];
        const wanted = typed ? parseTyped(raw) : Number(raw);
        if (!item || wanted === null || !isFinite(wanted)) { return; }
        const value = clamp(wanted, item);
        const values = kind === "index" ? state.index : state.task;
        const before = values[code];
        if (Math.abs(value - before) < 1e-9) { return; }
        values[code] = value;
        let follower = null;
        if (kind === "task") {
            const index = state.byIndex[item.index];
            follower = {code: item.index, value: round6(clamp(state.index[item.index] + value - before, index))};
            state.index[follower.code] = follower.value;
        }
        draw(state, state.data);
        updateAddress(state, state.data);
        const slider = kind === "index" ? controls.index : controls.task;
        const box = kind === "index" ? controls.index_box : controls.task_box;
        // A typed box keeps what is being typed; it shows the value held (bounded, with the
        // language's decimal mark) once the reader leaves it (`settle`).
        setControl(typed ? slider : box, code, value);
        if (follower) {
            setControl(controls.index, follower.code, follower.value);
            setControl(controls.index_box, follower.code, follower.value);
        }
    }

    // A box left: it shows the points the scenario holds for it ("200" typed on an index of 100 reads
    // "100", "65.5" reads "65,5").
    function settle(target) {
        const id = parseId(target.id);
        const controls = state.data.controls;
        if (!id || (id.type !== controls.index_box && id.type !== controls.task_box)) { return; }
        const value = id.type === controls.index_box ? state.index[id.index] : state.task[id.index];
        if (value !== undefined && target.value !== formatPoints(value, state.data.separators)) {
            setControl(id.type, id.index, value);
        }
    }

    // The page's listeners, installed once: a box typed into (its `input` event, caught on its way
    // down so the figures are drawn before the box's own handling) and a slider moved (its handle's
    // `aria-valuenow`, which the slider rewrites on every move, drag or key). Neither goes through a
    // Dash callback.
    let bound = false;
    function bind() {
        if (bound) { return; }
        bound = true;
        document.addEventListener("input", function (event) {
            const target = event.target;
            if (state === null || !target || !target.id || target.id.indexOf("whatif-") < 0) { return; }
            const id = parseId(target.id);
            const controls = state.data.controls;
            if (id && id.type === controls.index_box) { apply("index", id.index, target.value, true); }
            if (id && id.type === controls.task_box) { apply("task", id.index, target.value, true); }
        }, true);
        document.addEventListener("focusout", function (event) {
            const target = event.target;
            if (state !== null && target && target.id && target.id.indexOf("whatif-") >= 0) {
                // after the box's own handling of the blur, which would otherwise write its last value back
                window.setTimeout(function () { settle(target); }, 0);
            }
        });
        new MutationObserver(function (records) {
            if (state === null) { return; }
            const controls = state.data.controls;
            records.forEach(function (record) {
                const holder = record.target.closest("[id*='\"type\":\"whatif-']");
                const id = holder && parseId(holder.id);
                const now = record.target.getAttribute("aria-valuenow");
                if (!id || now === null) { return; }
                if (id.type === controls.index) { apply("index", id.index, now, false); }
                if (id.type === controls.task) { apply("task", id.index, now, false); }
            });
        }).observe(document.body, {subtree: true, attributes: true, attributeFilter: ["aria-valuenow"]});
    }

    function lookup(list) {
        const found = {};
        list.forEach(function (item) { found[item.code] = item; });
        return found;
    }

    // The page drew its controls: the scenario is read from the sliders, the move shown, and the
    // chart's first figure handed to Dash (later moves redraw it in place).
    function start(data, indexValues, taskValues) {
        if (!data) { return window.dash_clientside.no_update; }
        const lists = window.dash_clientside.callback_context.states_list || [];
        const codes = function (list) { return (list || []).map(function (item) { return item.id.index; }); };
        state = {key: dataKey(data), data: data, byIndex: lookup(data.indices), byTask: lookup(data.tasks), index: {}, task: {}};
        codes(lists[0]).forEach(function (code, i) { state.index[code] = clamp(indexValues[i], state.byIndex[code]); });
        codes(lists[1]).forEach(function (code, i) { state.task[code] = clamp(taskValues[i], state.byTask[code]); });
        bind();
        const result = outcome(data.indices.map(function (index) { return state.index[index.code]; }), data);
        writeTexts(result, data);  // the page's own text says "giữ hạng" for any opened scenario
        return rankingFigure(result.total, data);
    }

    // "Đặt lại" puts every control back on its published points; "áp dụng" sets a goal's plan (its
    // tasks on their published points). The figures are drawn here, the controls returned to Dash.
    function setPoints(_reset, _apply, data, plan) {
        const context = window.dash_clientside.callback_context;
        const skip = window.dash_clientside.no_update;
        const lists = context.outputs_list || [];
        if (!data || state === null) { return lists.map(function (list) { return list.map(function () { return skip; }); }); }
        const triggered = (context.triggered || []).map(function (t) { return t.prop_id; }).join(" ");
        const wanted = triggered.indexOf(data.ids.apply) >= 0 && plan ? plan : {};
        data.indices.forEach(function (index) {
            state.index[index.code] = Object.prototype.hasOwnProperty.call(wanted, index.code) ? clamp(wanted[index.code], index) : index.points;
        });
        data.tasks.forEach(function (task) { state.task[task.code] = task.points; });
        draw(state, data);
        updateAddress(state, data);
        const sep = data.separators;
        return lists.map(function (list) {
            return list.map(function (output) {
                const box = output.id.type.slice(-4) === "-box";
                const values = output.id.type.indexOf(data.controls.task) === 0 ? state.task : state.index;
                const value = values[output.id.index];
                return value === undefined ? skip : (box ? formatPoints(value, sep) : value);
            });
        });
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        whatif: {start: start, setPoints: setPoints, outcome: outcome}
    });
}());
