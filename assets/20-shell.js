// Theme switching runs in the browser: no round trip, and the choice is kept in localStorage.
window.dash_clientside = Object.assign({}, window.dash_clientside, {
    shell: {
        toggleTheme: function (nClicks, theme) {
            return theme === "light" ? "dark" : "light";
        },
        applyTheme: function (theme) {
            var chosen = theme === "light" ? "light" : "dark";
            document.documentElement.setAttribute("data-bs-theme", chosen);
            return "me-2 btn btn-sm btn-outline-secondary theme-" + chosen;
        }
    }
});
