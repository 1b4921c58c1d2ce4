// The CLI checks with the lexicon files as they are in the repository.
import '../engine/bundled-engine-data.ts';
import { main, nodeIo } from './main.ts';

// Output piped into `head` that stops reading is not an error of ours: end quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await main(process.argv.slice(2), nodeIo);
