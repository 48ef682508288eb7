/** Charts find swept columns under the runner's own column names, indexed paths included. */
import { describe, expect, it } from 'vitest';
import { columnOf } from '../../src/output/charts/result-data.js';
import { columnName } from '../../src/scenario/key-path.js';

describe('columnOf', () => {
  it('names a swept column exactly as runs.csv and summary.csv do', () => {
    for (const path of [
      'instances',
      'adminq.workers',
      'workload.groups[1].control.limit.rate',
      'workload.groups[noisy].share',
    ]) {
      expect(columnOf(path)).toBe(columnName(path));
    }
    expect(columnOf('workload.groups[1].control.limit.rate')).toBe('workload_groups_1_control_limit_rate');
  });
});
