/**
 * `vdpascale schema`: prints the JSON Schema of scenario files, for editor completion
 * (scenarios/scenario.schema.json is this output, committed).
 */
import { scenarioJsonSchemaText } from '../../scenario/index.js';
import type { CliIO } from '../io.js';

export function schemaCommand(io: CliIO) {
  return {
    command: 'schema',
    describe: 'Print the JSON Schema of scenario files (for editor completion)',
    builder: {},
    handler: () => {
      io.out(scenarioJsonSchemaText());
    },
  };
}
