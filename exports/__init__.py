"""Files made from the slide deck: PowerPoint, PDF and single charts (PNG, SVG).

The deck's slides are `components.slides.Slide` descriptions; the charts are drawn by Kaleido
in the system Chromium, one browser session per export, never one per image.
"""
