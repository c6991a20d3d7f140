"""Which text reads on a coloured fill: one rule for badges, heatmap cells and slide tones."""

from __future__ import annotations

# Fills at least this bright (0..255) take dark text; darker ones light text.
LIGHT_FILL_BRIGHTNESS = 128


def brightness(color: str) -> float:
    """Perceived brightness (0..255) of a `#rrggbb` colour, the W3C/YIQ weighting plotly also uses
    to pick text on a fill: the mid-tone group colours read best with light text, amber with dark."""
    red, green, blue = (int(color[i : i + 2], 16) for i in (1, 3, 5))
    return (red * 299 + green * 587 + blue * 114) / 1000


def text_on(fill: str, *, dark: str, light: str) -> str:
    """`dark` text on a light `fill`, `light` text on a dark one, so the label stays readable."""
    return dark if brightness(fill) >= LIGHT_FILL_BRIGHTNESS else light
