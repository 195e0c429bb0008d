/**
 * Post-build step: bundle zod into one file (dist/vendor/zod.js) and point the compiled code at it.
 *
 * zod 4's entry point re-exports every locale and loads about 150 modules; importing it cost 65–90 ms of
 * every command's start on the 2-core reference machine, against about 30 ms for the same code as one file.
 * Only the compiled CLI (dist/) uses the bundle; tests and tsx scripts import zod from node_modules as usual.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const vendor = path.join(dist, 'vendor', 'zod.js');

await build({
  stdin: { contents: "export * from 'zod';", resolveDir: root, loader: 'js' },
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outfile: vendor,
  legalComments: 'inline',
  logLevel: 'warning',
});
fs.appendFileSync(vendor, `\n// zod ${JSON.parse(fs.readFileSync(path.join(root, 'node_modules/zod/package.json'), 'utf8')).version}, MIT licence (node_modules/zod/LICENSE), bundled by scripts/vendor-zod.mjs\n`);

const IMPORT = /(from\s*|import\(\s*)(['"])zod\2/g;
let rewritten = 0;
for (const entry of fs.readdirSync(dist, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
  const file = path.join(entry.parentPath ?? entry.path, entry.name);
  if (file === vendor) continue;
  const text = fs.readFileSync(file, 'utf8');
  if (!IMPORT.test(text)) continue;
  IMPORT.lastIndex = 0;
  let target = path.relative(path.dirname(file), vendor).split(path.sep).join('/');
  if (!target.startsWith('.')) target = `./${target}`;
  fs.writeFileSync(file, text.replace(IMPORT, (_m, head, quote) => `${head}${quote}${target}${quote}`));
  rewritten += 1;
}
if (rewritten === 0) throw new Error('vendor-zod: no compiled file imports zod; is dist/ built?');
