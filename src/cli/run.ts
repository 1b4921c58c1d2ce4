import { main, nodeIo } from './main.ts';

process.exitCode = main(process.argv.slice(2), nodeIo);
