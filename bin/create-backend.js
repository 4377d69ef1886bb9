#!/usr/bin/env node
import { main } from '../dist/cli.js';

// A reader that goes away early (`create-backend --help | head -1`) is not an error of the
// run: what it no longer reads is dropped, and the run ends as it would have.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
  });
}

process.exitCode = await main(process.argv);
