// /whatif: the scenario recomputed in the browser from the data the page sent once
// (components/whatif.py browser_data), so moving a control costs no request to the server.
// The rules are domain/ranking.py's and domain/whatif.py's, to the hundredth: a total moves from
// the published total by the points each index gains; the rank is competition ranking among the
// other units' published totals (ties shared, totals compared at 6 decimals); the group is the
// highest whose lower bound the share reaches; the points missing are rounded up to 0,01.
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

    // The scenario in the address bar, without a request: only the indices that differ from the
    // published points, so the published figures keep the address they were opened with. A changed
    // scenario names its unit and year, so the link opens the same scenario for whoever follows it.
    function scenarioSearch(values, data) {
        const params = new URLSearchParams(window.location.search);
        let changed = false;
        data.indices.forEach(function (index, i) {
            const value = clamp(values[i], index);
            if (Math.abs(value - index.points) < 0.005) {
                params.delete(index.code);
            } else {
                params.set(index.code, value.toFixed(2).replace(/\.?0+$/, ""));
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

    function groupBadge(group) {
        if (!group) { return {namespace: "dash_html_components", type: "Span", props: {children: "—", className: "group-badge group-none"}}; }
        return {namespace: "dash_html_components", type: "Span", props: {children: group.group, className: "group-badge", style: group.style}};
    }

    function rankingFigure(result, data) {
        const rows = data.others.map(function (other) { return {name: other.name, points: other.points, mine: false}; });
        rows.push({name: data.name, points: result.total, mine: true});
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
        const top = data.is_index ? 1 : data.max_total;
        const layout = Object.assign({}, data.layout, {
            margin: {l: 10, r: 70, t: 10, b: 30},
            yaxis: {autorange: "reversed", automargin: true, fixedrange: true},
            xaxis: {range: [0, top], fixedrange: true, gridcolor: data.colors.grid},
            bargap: 0.25,
            height: rows.length * data.row_px + data.margin_px
        });
        return {data: [bars, published], layout: layout};
    }

    function recompute(values, data) {
        const skip = window.dash_clientside.no_update;
        if (!data || !Array.isArray(values) || values.length !== data.indices.length) {
            return [skip, skip, skip, skip, skip, skip, skip, skip];
        }
        const started = performance.now();
        const sep = data.separators;
        const words = data.words;
        const result = outcome(values, data);
        const delta = round6(result.total - data.total);
        let totalText;
        let totalSub;
        if (data.is_index) {
            totalText = formatNumber(result.total / data.max_total, 4, sep);
            totalSub = fill(words.index_sub, {
                value: formatPoints(result.total, sep) + " / " + formatPoints(data.max_total, sep),
                published: formatNumber(data.total / data.max_total, 4, sep)
            });
        } else {
            totalText = formatPoints(result.total, sep) + " / " + formatPoints(data.max_total, sep);
            const change = delta === 0 ? words.same : (delta > 0 ? "+" : "") + formatPoints(delta, sep);
            totalSub = fill(words.total_sub, {published: formatPoints(data.total, sep), delta: change});
        }
        const before = rankAmong(data.total, data.others);
        let move = words.same;
        if (result.rank < before) { move = fill(words.up, {n: before - result.rank}); }
        if (result.rank > before) { move = fill(words.down, {n: result.rank - before}); }
        const moveText = fill(words.ranking_move, {before: before, after: result.rank}) + " (" + move + ")";
        let nextValue = "✓";
        let nextLabel = words.top;
        if (result.next) {
            nextValue = fill(words.next_value, {points: formatPoints(result.next.missing, sep)});
            nextLabel = fill(words.next, {group: result.next.group});
        }
        const search = scenarioSearch(values, data);
        if (search !== window.location.search) {
            window.history.replaceState(window.history.state, "", window.location.pathname + search);
        }
        const figure = rankingFigure(result, data);
        window.dtiWhatifLastMs = performance.now() - started;
        return [
            totalText,
            totalSub,
            result.rank + "/" + result.rankOf,
            groupBadge(result.group),
            nextValue,
            nextLabel,
            figure,
            moveText
        ];
    }

    // "Đặt lại" puts every control back on its published points; "áp dụng" sets a goal's plan.
    function setPoints(_reset, _apply, data, plan) {
        const context = window.dash_clientside.callback_context;
        const outputs = context.outputs_list || [];
        const triggered = (context.triggered || []).map(function (t) { return t.prop_id; }).join(" ");
        const published = {};
        (data ? data.indices : []).forEach(function (index) { published[index.code] = index.points; });
        const wanted = triggered.indexOf("whatif-goal-apply") >= 0 && plan ? Object.assign({}, published, plan) : published;
        return outputs.map(function (output) {
            const code = output.id.index;
            return Object.prototype.hasOwnProperty.call(wanted, code) ? wanted[code] : window.dash_clientside.no_update;
        });
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        whatif: {recompute: recompute, setPoints: setPoints, outcome: outcome}
    });
}());
