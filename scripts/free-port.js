#!/usr/bin/env node
// Finds a TCP port on 127.0.0.1 for a server a script is about to start, and never touches whatever
// already listens: prints the preferred port when nothing listens on it, otherwise says so on stderr
// and prints a free port the system picks (or, with --require, exits 1 instead).
//   node scripts/free-port.js 9090             -> 9090, or another free port
//   node scripts/free-port.js 7027 --require   -> 7027, or exit 1 with a message
// A port is free when this process can listen on it at 127.0.0.1 (a server on 0.0.0.0 counts as
// taken). Another program may take it before the caller's server starts; that server then fails to
// bind and says so.
'use strict';
const net = require('node:net');

/** Resolves to the port it listened on, or undefined when the port is taken. */
function tryListen(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', err =>
      err.code === 'EADDRINUSE' || err.code === 'EACCES'
        ? resolve(undefined)
        : reject(err),
    );
    server.listen(port, '127.0.0.1', () => {
      const { port: bound } = server.address();
      server.close(() => resolve(bound));
    });
  });
}

async function main() {
  const [preferredArg, ...flags] = process.argv.slice(2);
  const preferred = Number(preferredArg);
  if (!Number.isInteger(preferred) || preferred < 1 || preferred > 65535) {
    console.error('usage: node scripts/free-port.js <port 1-65535> [--require]');
    process.exit(2);
  }
  if ((await tryListen(preferred)) !== undefined) {
    console.log(preferred);
    return;
  }
  if (flags.includes('--require')) {
    console.error(
      `127.0.0.1:${preferred} is in use by another program, which is left alone; free the port or choose another one.`,
    );
    process.exit(1);
  }
  const other = await tryListen(0);
  console.error(
    `127.0.0.1:${preferred} is in use by another program, which is left alone; using ${other} instead.`,
  );
  console.log(other);
}

main().catch(err => {
  console.error(`free-port: ${err.message}`);
  process.exit(2);
});
