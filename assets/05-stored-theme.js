// The reader's theme, kept by the shell in localStorage, applied before anything is drawn: on the
// server-rendered pages (sign-in, 403, outage) that have no Dash, and on Dash pages before the
// shell's callback runs (no dark flash on a light wall).
(function () {
    try {
        var stored = JSON.parse(window.localStorage.getItem("shell-theme") || "null");
        if (stored === "light" || stored === "dark") {
            document.documentElement.setAttribute("data-bs-theme", stored);
        }
    } catch (ignored) {
        // No storage (private mode) or a value written by something else: keep the page's default.
    }
}());
