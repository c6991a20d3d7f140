// Bundles plotly.js for scripts/build_plotly_bundle.py (which installs the tools and writes the entry):
//     node build_plotly_bundle.js ENTRY OUTFILE BANNER FOOTER
// The settings are plotly.js's own esbuild-config.js, minified as its dist bundles are.
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');
const { environmentPlugin } = require('esbuild-plugin-environment');
const { glsl } = require('esbuild-plugin-glsl');

const [entry, outfile, banner, footer] = process.argv.slice(2);

// What esbuild-plugin-inline-css does for plotly (each CSS file becomes a <style> added once), but
// naming the <style> by the file's path inside the build folder instead of its absolute path, so
// the bundle has the same bytes whichever temporary folder built it.
const inlineCSS = {
    name: 'inline-css',
    setup(build) {
        build.onLoad({ filter: /\.css$/ }, (args) => {
            const id = crypto.createHash('sha256').update(path.relative(process.cwd(), args.path)).digest('hex');
            const css = fs.readFileSync(args.path, 'utf8').replace(/[`\\$]/g, (c) => '\\' + c);
            const contents =
                `(function(){if(!document.getElementById('${id}')){var e=document.createElement('style');` +
                `e.id='${id}';e.textContent=\`${css}\`;document.head.appendChild(e);}})();`;
            return { contents, loader: 'js' };
        });
    },
};

esbuild
    .build({
        entryPoints: [entry],
        outfile,
        format: 'iife',
        globalName: 'Plotly',
        bundle: true,
        minify: true,
        sourcemap: false,
        legalComments: 'eof',
        plugins: [inlineCSS, glsl({ minify: true }), environmentPlugin({ NODE_DEBUG: false })],
        alias: { regl: '@plotly/regl', stream: 'stream-browserify' },
        define: { global: 'window', 'define.amd': 'false' },
        target: 'es2016',
        logLevel: 'warning',
        banner: { js: banner },
        footer: { js: footer },
    })
    .catch(() => process.exit(1));
