/**
 * A ModelConfig from the shipped defaults — platform profile, parent profile (vp_vdpa), choice
 * defaults — plus a scenario fragment written as in a YAML file, resolved exactly as
 * `vdpascale run` resolves a scenario. Tests that claim "with platform defaults" build their
 * configuration here, so a default that makes a result absurd shows up in them.
 */
import type { ModelConfig } from '../../../src/model/config.js';
import { resolveConfig, scenarioSchema } from '../../../src/scenario/index.js';

export function platformConfig(fragment: Record<string, unknown>): ModelConfig {
  return resolveConfig(scenarioSchema.parse({ name: 'test', duration: '1s', ...fragment }));
}
