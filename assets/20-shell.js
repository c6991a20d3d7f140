// The shell's work that needs no server: the theme (kept in localStorage), and the year links redrawn
// when only the query changes (a year link, a level chosen on the page), with no round trip.
(function () {
    const UTF8 = new TextDecoder("utf-8");

    // Python's `unquote(..., errors="replace")`: %XX escapes in runs of ASCII become bytes read as
    // UTF-8, a malformed sequence a U+FFFD, a "%" without two hex digits stays as it is.
    function unquote(text) {
        return text.replace(/[\x00-\x7f]+/g, function (run) {
            if (run.indexOf("%") < 0) { return run; }
            const bytes = [];
            for (let i = 0; i < run.length; i += 1) {
                const hex = run.slice(i + 1, i + 3);
                if (run[i] === "%" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
                    bytes.push(parseInt(hex, 16));
                    i += 2;
                } else {
                    bytes.push(run.charCodeAt(i));
                }
            }
            return UTF8.decode(new Uint8Array(bytes));
        });
    }

    // pages/_context.py `parse_search`: the first value of each name, blank values and fields
    // without "=" left out, names in the order they first appear.
    function parseSearch(search) {
        const query = new Map();
        (search || "").replace(/^\?+/, "").split("&").forEach(function (field) {
            const cut = field.indexOf("=");
            if (cut < 0 || cut === field.length - 1) { return; }
            const name = unquote(field.slice(0, cut).replace(/\+/g, " "));
            if (!query.has(name)) { query.set(name, unquote(field.slice(cut + 1).replace(/\+/g, " "))); }
        });
        return query;
    }

    // Python's `quote_plus`: only letters, digits and "_.-~" stay as they are, a space is "+".
    function quotePlus(text) {
        return encodeURIComponent(text)
            .replace(/[!'()*]/g, function (c) { return "%" + c.charCodeAt(0).toString(16).toUpperCase(); })
            .replace(/%20/g, "+");
    }

    // pages/_context.py `whole_number`: ASCII digits only, around them what Python's `strip` takes for space.
    const SPACE = "[\\t-\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
    const SPACES = new RegExp("^" + SPACE + "+|" + SPACE + "+$", "g");
    function wholeNumber(raw) {
        const text = (raw === undefined ? "" : raw).replace(SPACES, "");
        return /^[0-9]{1,9}$/.test(text) ? parseInt(text, 10) : null;
    }

    // Whether `pathname` is the page's `path`, or one of its template's paths ("/units/<unit_code>": one
    // segment, any value, for each `<variable>`), as auth/guard.py `page_for_path` matches them.
    function pathMatches(path, pathname) {
        const wanted = pathname.replace(/^\/+|\/+$/g, "").split("/");
        const parts = path.replace(/^\/+|\/+$/g, "").split("/");
        return parts.length === wanted.length && parts.every(function (part, i) {
            return part === wanted[i] || (part.charAt(0) === "<" && wanted[i] !== "");
        });
    }

    // Python's `html.escape`, of a text (`quote=False`) and of an attribute's value.
    function escapeText(text) {
        return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    }
    function escapeAttribute(text) {
        return escapeText(text).replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
    }

    // components/static_html.py `element_html`: `inner` is written and escaped already.
    function element(tag, attributes, inner) {
        const written = attributes.map(function (pair) {
            return " " + pair[0] + '="' + escapeAttribute(pair[1]) + '"';
        });
        return "<" + tag + written.join("") + ">" + inner + "</" + tag + ">";
    }

    // components/shell.py `year_link`, as `to_html` writes a `dcc.Link`: the same page and filters for
    // another year, followed inside the app by assets/04-static-html.js.
    function yearLink(year, selected, pathname, query) {
        const params = new Map(query);
        params.set("year", String(year));
        const pairs = Array.from(params, function (pair) { return quotePlus(pair[0]) + "=" + quotePlus(pair[1]); });
        return element("a", [
            ["href", pathname + "?" + pairs.join("&")],
            ["class", year === selected ? "year-link active" : "year-link"],
            ["data-dash-link", ""]
        ], escapeText(String(year)));
    }

    // components/shell.py `year_links`, as HTML: the latest years as links, older ones in a menu, the
    // selected one always in sight; a single overflow year is not worth a menu.
    function yearLinks(years, selected, pathname, query, labels, visible) {
        if (!years.length) { return ""; }
        let shown = years.length > visible + 1 ? years.slice(-visible) : years.slice();
        if (years.indexOf(selected) >= 0 && shown.indexOf(selected) < 0) {
            shown = shown.concat([selected]).sort(function (a, b) { return a - b; });
        }
        const older = years.filter(function (year) { return shown.indexOf(year) < 0; });
        const link = function (year) { return yearLink(year, selected, pathname, query); };
        let written = element("span", [["class", "year-label me-2"]], escapeText(labels.year));
        if (older.length) {
            const toggle = element("summary", [["class", "year-menu-toggle"]], escapeText(labels.other));
            const menu = element("div", [["class", "year-menu-list"]], older.slice().reverse().map(link).join(""));
            written += element("details", [["id", "shell-year-menu"], ["class", "year-menu"]], toggle + menu);
        }
        return written + shown.map(link).join("");
    }

    window.dash_clientside = Object.assign({}, window.dash_clientside, {
        shell: {
            toggleTheme: function (nClicks, theme) {
                return theme === "light" ? "dark" : "light";
            },
            applyTheme: function (theme) {
                const chosen = theme === "light" ? "light" : "dark";
                document.documentElement.setAttribute("data-bs-theme", chosen);
                return "me-2 btn btn-sm btn-outline-secondary theme-" + chosen;
            },
            // The query the page router reads (app.py `routing_callback_inputs`): the address's, but when only
            // the query changed on a page that follows its own (`queryPages`), which redraws it in place.
            routedSearch: function (pathname, search, queryPages) {
                const triggered = (window.dash_clientside.callback_context || {}).triggered || [];
                const queryOnly = triggered.length > 0 && triggered.every(function (input) {
                    return input.prop_id === "_pages_location.search";
                });
                if (queryOnly && (queryPages || []).some(function (page) { return pathMatches(page, pathname || "/"); })) {
                    return window.dash_clientside.no_update;
                }
                return search || "";
            },
            // `choice` is what the server drew the links for (components/shell.py `year_selector`): on
            // another path it is drawing that page's own years; when it has just drawn them for this query
            // there is nothing to redraw. A query changed (`shell-url`, the shell's Location) is drawn here.
            yearLinks: function (search, choice, pathname) {
                const triggered = (window.dash_clientside.callback_context || {}).triggered || [];
                const queryChanged = triggered.some(function (input) { return input.prop_id === "shell-url.search"; });
                if (!choice || choice.pathname !== (pathname || "/") || (!queryChanged && choice.search === (search || ""))) {
                    return window.dash_clientside.no_update;
                }
                const query = parseSearch(search);
                const asked = wholeNumber(query.get("year"));
                const selected = asked === null ? choice.default : asked;
                return yearLinks(choice.years, selected, choice.pathname, query, choice.labels, choice.visible);
            }
        }
    });
}());
