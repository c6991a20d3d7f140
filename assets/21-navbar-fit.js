// The navbar on one line at any width. A navbar fuller than its screen is wide (an administrator's nine
// pages beside a menu of older years, or the English labels) gives up its words as a narrower screen's
// does (assets/10-app.css): first the account's, then the brand's, then the page links' (their icons
// stay, each label in its tooltip). Each fit starts from the widest form and runs before the browser
// paints (a ResizeObserver's callback, an animation frame), so nothing flashes and nothing loops: it
// sets classes, which neither observer watches.
(function () {
    "use strict";
    const STEPS = ["navbar-tight-account", "navbar-tight-brand", "navbar-icons"];
    let navbar = null;
    let resizes = null;

    function fit() {
        if (!navbar) { return; }
        const row = navbar.firstElementChild || navbar;
        navbar.classList.remove.apply(navbar.classList, STEPS);
        for (const step of STEPS) {
            if (row.scrollWidth <= row.clientWidth) { return; }
            navbar.classList.add(step);
        }
    }

    // Changes come in bursts (a year chosen redraws the links and the page): one fit before the next
    // frame, when the browser lays the page out anyway.
    let pending = false;
    function fitBeforeNextFrame() {
        if (pending) { return; }
        pending = true;
        window.requestAnimationFrame(function () { pending = false; fit(); });
    }
    const changes = new MutationObserver(fitBeforeNextFrame);

    function follow(found) {
        if (resizes) { resizes.disconnect(); }
        changes.disconnect();
        navbar = found;
        if (navbar) {
            resizes = new ResizeObserver(fit);
            resizes.observe(navbar);
            changes.observe(navbar, {childList: true, subtree: true, characterData: true});
            fit();
        }
    }

    // Dash draws the navbar after this script runs (and anew after a sign-in or a language change);
    // the year links in it change with the page and its query, and the web fonts change every width.
    new MutationObserver(function () {
        if (!navbar || !navbar.isConnected) { follow(document.querySelector(".shell-navbar")); }
    }).observe(document.documentElement, {childList: true, subtree: true});
    if (document.fonts) { document.fonts.addEventListener("loadingdone", fitBeforeNextFrame); }
})();
