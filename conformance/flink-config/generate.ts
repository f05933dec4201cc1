/**
 * Regenerates `src/jvm/_flink-key-history.generated.ts` from the option
 * metadata of every supported Flink line's flink-core (one JVM per line).
 *
 *   npx tsx conformance/flink-config/generate.ts
 */
import * as fs from 'fs';
import { HISTORY_MODULE, optionsPerLine, renderHistoryModule } from './history-module';

async function main(): Promise<void> {
  const text = renderHistoryModule(await optionsPerLine());
  fs.writeFileSync(HISTORY_MODULE, text);
  console.log(`wrote ${HISTORY_MODULE} (${text.split('\n').length} lines)`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
