// `StaticHtml` (components/static_html.py): a long table written on the server as escaped HTML and put
// in the page as one element, so Dash's renderer holds one component for it instead of one per cell.
// Its links (`data-dash-link`, written for `dcc.Link`) are followed as `dcc.Link` follows them: inside
// the app, without reloading the page, unless the reader asks for a new tab or window.
(function () {
    "use strict";
    window.dti_static = window.dti_static || {};
    window.dti_static.StaticHtml = function StaticHtml(props) {
        return window.React.createElement("div", {
            id: props.id,
            className: props.className,
            dangerouslySetInnerHTML: {__html: props.html || ""}
        });
    };

    document.addEventListener("click", function (event) {
        if (event.defaultPrevented || event.button !== 0) { return; }
        if (event.metaKey || event.shiftKey || event.altKey || event.ctrlKey) { return; }
        const link = event.target.closest && event.target.closest("a[data-dash-link]");
        if (!link || (link.target && link.target !== "_self")) { return; }
        event.preventDefault();
        window.history.pushState({}, "", link.getAttribute("href"));
        window.dispatchEvent(new CustomEvent("_dashprivate_pushstate"));
        window.scrollTo(0, 0);
    });
})();
