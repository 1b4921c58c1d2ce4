// The CLI checks with the lexicon files as they are in the repository.
import '../engine/bundled-engine-data.ts';
import { main, nodeIo } from './main.ts';

process.exitCode = await main(process.argv.slice(2), nodeIo);
