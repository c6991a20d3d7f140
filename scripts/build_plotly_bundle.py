"""Rebuild the partial plotly.js bundle the app serves instead of plotly's full one.

    python scripts/build_plotly_bundle.py            # from the pinned lock: the same file again
    python scripts/build_plotly_bundle.py --relock   # after a plotly upgrade: resolve and pin anew

Why: the full plotly.min.js is 4,7 MB (1,26 MB brotli) of which the app draws seven trace types; a
first visit to `/` was 2,4 MB on the wire, over half of it plotly. This bundle holds the traces the
app's figures use (`TRACES`, checked by tests/pages/test_plotly_bundle.py against components/ and
assets/) and nothing else.

How: plotly.js publishes its sources to the npm registry (`lib/<trace>.js` modules) but not the
`custom-bundle` task of its repository; this does what that task does (CUSTOM_BUNDLE.md): an entry
that registers the chosen traces on `plotly.js/lib/core`, bundled by esbuild with the settings of
plotly's own `esbuild-config.js` (CSS inlined, GLSL, `global` as `window`), minified, wrapped in the
same UMD frame and licence header as plotly's dist files, and compressed at brotli's best quality
into `<bundle>.br` beside it (served by web/delivery.py). The plotly.js version is the one the
installed `plotly` Python package ships, so figures built by Python and drawn by this file agree.
Versions of plotly.js, esbuild and the plugins are pinned in `build_plotly_bundle.lock.json`
(npm's package-lock beside this script), installed with `npm ci`: the same input gives the same
bytes. Needs node and npm (the npm registry); nothing is installed outside a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[1]
LOCK_FILE = Path(__file__).with_name("build_plotly_bundle.lock.json")
OUTPUT = PROJECT_ROOT / "assets" / "vendor" / "plotly-partial.min.js"
# The trace types the app draws (scatter is in plotly's core and always present).
TRACES = (
    "scatter",
    "bar",
    "heatmap",
    "scatterpolar",
    "choropleth",
    "scattergeo",
    "choroplethmap",
    "scattermap",
)
# plotly.js's own build tools, at the versions its package.json asks for (devDependencies).
BUILD_TOOLS = {
    "esbuild": "0.28.1",
    "esbuild-plugin-glsl": "1.4.2",
    "esbuild-plugin-environment": "0.5.0",
}
HEADER_MARK = "plotly.js (partial for the DTI dashboard:"

BUILD_SCRIPT = Path(__file__).with_suffix(".js")

# plotly.js's dist frame: a UMD wrapper that also sets window.Plotly, which dcc.Graph looks for first.
UMD_OPEN = """(
 function(root, factory) {
  if (typeof module === "object" && module.exports) {
   module.exports = factory();
  } else {
   root.moduleName = factory();
  }
} (typeof self !== "undefined" ? self : this, () => {"""
UMD_CLOSE = """
window.Plotly = Plotly;
return Plotly;
}));"""


def plotlyjs_version() -> str:
    """The plotly.js the installed plotly package ships (and builds its figures for)."""
    from plotly.offline import get_plotlyjs_version

    return get_plotlyjs_version()


def licence_header(version: str, traces: tuple[str, ...]) -> str:
    """plotly.js's own header (MIT, Plotly, Inc.), naming the traces this partial bundle holds."""
    return (
        "/**\n"
        f"* {HEADER_MARK} {', '.join(traces)}) v{version}\n"
        "* Copyright 2012-2026, Plotly, Inc.\n"
        "* All rights reserved.\n"
        "* Licensed under the MIT license\n"
        "* Rebuilt by scripts/build_plotly_bundle.py; bundled licences of its dependencies at the end.\n"
        "*/"
    )


def entry_source(traces: tuple[str, ...]) -> str:
    """What plotly's custom-bundle task writes: the core with the chosen traces registered."""
    modules = ",\n".join(f"    require('plotly.js/lib/{trace}')" for trace in traces)
    return (
        "'use strict';\n"
        "var Plotly = require('plotly.js/lib/core');\n"
        f"Plotly.register([\n{modules}\n]);\n"
        "module.exports = Plotly;\n"
    )


def package_json(version: str) -> dict:
    return {
        "name": "dti-plotly-partial-bundle",
        "private": True,
        "dependencies": {"plotly.js": version, **BUILD_TOOLS},
    }


def _npm(args: list[str], cwd: Path) -> None:
    subprocess.run(["npm", *args, "--no-audit", "--no-fund", "--ignore-scripts"], cwd=cwd, check=True)


def build(output: Path = OUTPUT, traces: tuple[str, ...] = TRACES, relock: bool = False) -> Path:
    """Install the pinned tools in a temporary folder, bundle, write `output`; return it."""
    version = plotlyjs_version()
    with tempfile.TemporaryDirectory(prefix="plotly-bundle-") as folder:
        work = Path(folder)
        (work / "package.json").write_text(json.dumps(package_json(version), indent=2) + "\n")
        if relock or not LOCK_FILE.exists():
            _npm(["install"], work)
            shutil.copyfile(work / "package-lock.json", LOCK_FILE)
        else:
            locked = json.loads(LOCK_FILE.read_text())
            pinned = locked["packages"]["node_modules/plotly.js"]["version"]
            if pinned != version:
                sys.exit(f"the lock pins plotly.js {pinned}, the plotly package ships {version}: run with --relock")
            shutil.copyfile(LOCK_FILE, work / "package-lock.json")
            _npm(["ci"], work)
        (work / "entry.js").write_text(entry_source(traces))
        shutil.copyfile(BUILD_SCRIPT, work / "build.js")
        built = work / "bundle.js"
        banner = licence_header(version, traces) + "\n" + UMD_OPEN
        subprocess.run(["node", "build.js", "entry.js", str(built), banner, UMD_CLOSE], cwd=work, check=True)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built, output)
    precompress(output)
    return output


def precompress(path: Path) -> Path:
    """`<path>.br` at brotli's best quality, which web/delivery.py serves as the file's brotli body:
    14 % fewer bytes than the quality a worker can afford per request, paid once here (~30 s)."""
    import brotli

    target = path.with_name(path.name + ".br")
    target.write_bytes(brotli.compress(path.read_bytes(), quality=11, lgwin=24))
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relock", action="store_true", help="resolve the tools anew and rewrite the lock")
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--traces", help="comma-separated trace types (default: the app's)")
    args = parser.parse_args()
    traces = tuple(args.traces.split(",")) if args.traces else TRACES
    path = build(args.output, traces, args.relock)
    packed = path.with_name(path.name + ".br").stat().st_size
    print(f"{path}: {path.stat().st_size / 1024:.0f} KB ({packed / 1024:.0f} KB brotli), traces {', '.join(traces)}")


if __name__ == "__main__":
    main()
