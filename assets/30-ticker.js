/* The overview's ticker sits top right beside the heading (30-ticker.css), in at most 60 % of the
   width. A long province name (or the English heading) makes the heading wider than the rest: the
   ticker then takes only the room the heading's text leaves, so it never covers the name. Measured
   once per frame in which the page changed (a year change draws the heading anew) and on resize. */
(function () {
    const GAP_PX = 24;
    let queued = false;

    function fitTicker() {
        queued = false;
        const host = document.querySelector('.wall-ticker-overview');
        const heading = document.getElementById('overview-heading');
        if (!host) {
            return;
        }
        if (!heading) {
            host.style.removeProperty('--heading-room');
            return;
        }
        const text = document.createRange();
        text.selectNodeContents(heading);
        const room = host.getBoundingClientRect().right - text.getBoundingClientRect().right - GAP_PX;
        host.style.setProperty('--heading-room', `${Math.max(0, Math.floor(room))}px`);
    }

    function queueFit() {
        if (!queued) {
            queued = true;
            window.requestAnimationFrame(fitTicker);
        }
    }

    new MutationObserver(queueFit).observe(document.documentElement, {
        childList: true, subtree: true, characterData: true,
    });
    window.addEventListener('resize', queueFit);
})();
