// /whatif: the scenario recomputed in the browser from the data the page sent once
// (components/whatif.py browser_data), so moving a control costs no request to the server.
// The rules are domain/ranking.py's and domain/whatif.py's, to the hundredth: a total moves from
// the published total by the points each index gains; an index moves from its published points by
// what each of its tasks gains; the rank is competition ranking among the other units' published
// totals (ties shared, totals compared at 6 decimals); the group is the highest whose lower bound
// the share reaches; the points missing are rounded up to 0,01.
//
// A move takes no Dash figure round: `move` keeps the scenario in `state`, writes the figures into
// the cards' elements and redraws the chart with Plotly.react on the graph already drawn; Dash is
// only told the controls' new values (a slider's box, a task's index). The address bar follows a
// moment after the last move (debounced), as it costs a history entry rewrite.
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

    function draw(state, data) {
        const started = performance.now();
        const values = data.indices.map(function (index) { return state.index[index.code]; });
        const result = outcome(values, data);
        const shown = texts(result, data);
        const ids = data.ids;
        setText(ids.total, shown.total);
        setText(ids.total_sub, shown.totalSub);
        setText(ids.rank, shown.rank);
        setText(ids.next, shown.next);
        setText(ids.next_label, shown.nextLabel);
        setText(ids.move, shown.move);
        setGroup(ids.group, result.group);
        const holder = document.getElementById(ids.ranking);
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
    // page (re)draws them and kept here between moves (a task's move needs its previous points).
    let state = null;

    function idOf(propId) {
        const dot = propId.lastIndexOf(".");
        try { return JSON.parse(propId.slice(0, dot)); } catch (error) { return propId.slice(0, dot); }
    }

    function codes(list) { return (list || []).map(function (item) { return item.id.index; }); }

    // Points typed in a box: a decimal comma or point; null when it is no number.
    function parseTyped(text) {
        if (text === null || text === undefined) { return null; }
        const number = Number(String(text).trim().replace(",", "."));
        return String(text).trim() !== "" && isFinite(number) ? number : null;
    }

    // Every move of a control. Inputs and outputs are the same four lists (index sliders and boxes,
    // task sliders and boxes: one callback, so Dash allows the circle), plus "Đặt lại" and a goal's
    // "áp dụng". Returns only what must change on the controls; the figures are drawn by `draw`.
    function move(indexValues, indexBoxes, taskValues, taskBoxes, _reset, _apply, data, plan) {
        const skip = window.dash_clientside.no_update;
        const context = window.dash_clientside.callback_context;
        const lists = context.inputs_list || [];
        const indexCodes = codes(lists[0]);
        const taskCodes = codes(lists[2]);
        const out = [indexCodes.map(function () { return skip; }), indexCodes.map(function () { return skip; }),
                     taskCodes.map(function () { return skip; }), taskCodes.map(function () { return skip; }), skip];
        if (!data) { return out; }
        const byIndex = {};
        data.indices.forEach(function (index) { byIndex[index.code] = index; });
        const byTask = {};
        data.tasks.forEach(function (task) { byTask[task.code] = task; });
        const sep = data.separators;
        const triggered = (context.triggered || []).map(function (t) { return t.prop_id; }).filter(function (p) { return p && p !== "."; });

        function setIndex(code, value, box) {
            state.index[code] = value;
            const i = indexCodes.indexOf(code);
            out[0][i] = value;
            if (box) { out[1][i] = formatPoints(value, sep); }
        }
        function setTask(code, value, box) {
            state.task[code] = value;
            const i = taskCodes.indexOf(code);
            out[2][i] = value;
            if (box) { out[3][i] = formatPoints(value, sep); }
        }

        if (state === null || state.key !== dataKey(data) || triggered.length === 0) {
            state = {key: dataKey(data), index: {}, task: {}};
            indexCodes.forEach(function (code, i) { state.index[code] = clamp(indexValues[i], byIndex[code]); });
            taskCodes.forEach(function (code, i) { state.task[code] = clamp(taskValues[i], byTask[code]); });
            if (triggered.length === 0) {
                // The page drew the cards; the chart is drawn once through Dash, later moves redraw it in place.
                const result = outcome(data.indices.map(function (index) { return state.index[index.code]; }), data);
                setText(data.ids.move, texts(result, data).move);
                out[4] = rankingFigure(result.total, data);
                return out;
            }
        }
        const id = idOf(triggered[0]);
        const kind = typeof id === "object" ? id.type : id;
        const code = typeof id === "object" ? id.index : null;
        if (kind === "whatif-reset" || kind === "whatif-goal-apply") {
            const wanted = kind === "whatif-goal-apply" && plan ? plan : {};
            data.indices.forEach(function (index) {
                setIndex(index.code, Object.prototype.hasOwnProperty.call(wanted, index.code) ? clamp(wanted[index.code], index) : index.points, true);
            });
            data.tasks.forEach(function (task) { setTask(task.code, task.points, true); });
        } else if (kind === "whatif-points" || kind === "whatif-points-box") {
            const index = byIndex[code];
            const typed = kind === "whatif-points" ? Number(indexValues[indexCodes.indexOf(code)]) : parseTyped(indexBoxes[indexCodes.indexOf(code)]);
            if (!index || typed === null || !isFinite(typed)) { return out; }
            const value = clamp(typed, index);
            setIndex(code, value, kind === "whatif-points" || value !== typed);
            if (kind === "whatif-points") { out[0][indexCodes.indexOf(code)] = skip; }
        } else if (kind === "whatif-task" || kind === "whatif-task-box") {
            const task = byTask[code];
            const typed = kind === "whatif-task" ? Number(taskValues[taskCodes.indexOf(code)]) : parseTyped(taskBoxes[taskCodes.indexOf(code)]);
            if (!task || typed === null || !isFinite(typed)) { return out; }
            const value = clamp(typed, task);
            const before = state.task[code];
            setTask(code, value, kind === "whatif-task" || value !== typed);
            if (kind === "whatif-task") { out[2][taskCodes.indexOf(code)] = skip; }
            const index = byIndex[task.index];
            setIndex(task.index, round6(clamp(state.index[task.index] + value - before, index)), true);
        } else {
            return out;
        }
        const figure = draw(state, data);
        if (figure !== null) { out[4] = figure; }
        updateAddress(state, data);
        return out;
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        whatif: {move: move, outcome: outcome}
    });
}());
