/**
 * Builds `dist/` (and its bundle, dist/bundle/) once before any test file starts. Several tests spawn the real CLI
 * (`bin/vdpascale.js` runs the compiled code), and rebuilding from inside a test while another
 * test's child process loads `dist/` produced half-written modules; one build up front cannot.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

export default function setup(): void {
  const root = join(import.meta.dirname, '..');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  // bin/vdpascale.js runs the bundle of that build (npm run build does both steps).
  execFileSync(process.execPath, [join(root, 'scripts', 'bundle-cli.mjs')], { cwd: root, stdio: 'inherit' });
}
