// `npm run dev`: builds main and preload once, rebuilds the renderer on every change (vite build --watch), and
// runs Electron on the result. Reload the window (Ctrl/Cmd+R) to see renderer changes; restart for changes to
// electron/. The renderer is always served from app:// with the production CSP, so what you see in dev is
// what ships (a Vite dev server would need a looser CSP for its inline scripts).
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const run = (command, args) => spawn(command, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
const waitFor = (child) => new Promise((resolve, reject) => child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${child.spawnargs.join(' ')} exited with ${code}`)))));

await waitFor(run('node', ['scripts/build-electron.mjs']));
rmSync(`${root}/dist/renderer/index.html`, { force: true });
const watcher = run('npx', ['vite', 'build', '--watch', '--mode', 'development']);
while (!existsSync(`${root}/dist/renderer/index.html`)) await new Promise((r) => setTimeout(r, 200));

const electron = run('npx', ['electron', '.']);
electron.on('exit', (code) => {
  watcher.kill();
  process.exit(code ?? 0);
});
process.on('SIGINT', () => {
  electron.kill();
  watcher.kill();
});
