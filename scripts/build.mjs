// Builds what clasp pushes into build/:
//  - Code.js: src/main.ts bundled as one IIFE, followed by a top-level `function name() {}` for every
//    export of main.ts, because Apps Script only sees top-level function declarations;
//  - appsscript.json, copied;
//  - one self-contained HTML file per src/ui/<page>.html, with src/ui/<page>.ts and <page>.css inlined
//    (src/ui/palette.css, the colours every page shares, before the page's own CSS).
import { build } from 'esbuild';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = join(root, 'build');
const GLOBAL = '__RegisterAddOn';
// The language level of both bundles, Code.js (Apps Script's V8) and the pages (the sidebar's browsers):
// ES2019 is safe for both, and tsconfig.base.json's target says the same so the typecheck agrees.
const target = 'es2019';
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

async function entryPointNames() {
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    metafile: true,
    outfile: 'names.js',
    logLevel: 'silent',
  });
  const [output] = Object.values(result.metafile.outputs);
  return output.exports.filter((name) => name !== 'default').sort();
}

async function buildCode() {
  const names = await entryPointNames();
  const result = await build({
    entryPoints: [join(root, 'src/main.ts')],
    bundle: true,
    format: 'iife',
    globalName: GLOBAL,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target,
    charset: 'utf8',
    legalComments: 'none',
    // «О надстройке» shows the version of package.json.
    define: { ADDON_VERSION: JSON.stringify(version) },
    write: false,
  });
  const bundle = result.outputFiles[0].text;
  const declarations = names
    .map((name) => `function ${name}() {\n  return ${GLOBAL}.${name}.apply(this, arguments);\n}`)
    .join('\n');
  const header = '// Сборка надстройки «Реестр официальных страниц». Не редактируйте: см. src/ и README.\n';
  writeFileSync(join(outDir, 'Code.js'), `${header}${bundle}\n${declarations}\n`);
  return names;
}

async function buildPages() {
  const uiDir = join(root, 'src/ui');
  if (!existsSync(uiDir)) return [];
  const pages = readdirSync(uiDir).filter((file) => file.endsWith('.html'));
  for (const page of pages) {
    const name = basename(page, '.html');
    let html = readFileSync(join(uiDir, page), 'utf8');
    const css = join(uiDir, `${name}.css`);
    const palette = join(uiDir, 'palette.css');
    const styles = [palette, css].filter((file) => existsSync(file)).map((file) => readFileSync(file, 'utf8'));
    html = html.replace('<!-- STYLE -->', () => `<style>\n${styles.join('\n')}</style>`);
    const script = join(uiDir, `${name}.ts`);
    if (existsSync(script)) {
      const result = await build({
        entryPoints: [script],
        bundle: true,
        format: 'iife',
        platform: 'browser',
        target,
        charset: 'utf8',
        legalComments: 'none',
        // The sidebar bundles zod for client-side validation: minified, the page loads several times faster.
        minify: true,
        write: false,
      });
      const js = result.outputFiles[0].text.replace(/<\/script/gi, '<\\/script');
      html = html.replace('<!-- SCRIPT -->', () => `<script>\n${js}</script>`);
    }
    const outName = name.charAt(0).toUpperCase() + name.slice(1);
    writeFileSync(join(outDir, `${outName}.html`), html);
  }
  return pages;
}

rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
copyFileSync(join(root, 'appsscript.json'), join(outDir, 'appsscript.json'));
const names = await buildCode();
const pages = await buildPages();
console.log(`build/: Code.js (${names.length} entry points), appsscript.json, ${pages.length} HTML page(s)`);
