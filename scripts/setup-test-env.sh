#!/usr/bin/env bash
# Installs what the test suite needs beyond npm packages: Debian's Chromium (report test),
# Jupyter's nbconvert (notebook test) and Slurm + munge (cluster test). Runs before `npm test`
# (the `pretest` script). Each installer is idempotent and does nothing when its tool exists.
# Without root or apt, it says so and the affected tests skip with the reason — except under
# .ci/run, which sets REQUIRE_BROWSER / REQUIRE_NOTEBOOKS / REQUIRE_SLURM so they fail instead.
set -u
here=$(cd "$(dirname "$0")" && pwd)
status=0
for installer in install-browser.sh install-jupyter.sh install-slurm.sh; do
  if [ -x "$here/$installer" ] || [ -f "$here/$installer" ]; then
    bash "$here/$installer" || status=$?
  fi
done
if [ "$status" -ne 0 ]; then
  echo "setup-test-env: an installer failed (exit $status); the tests that need it will say why they skip or fail" >&2
fi
exit 0
