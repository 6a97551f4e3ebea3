'use strict';
// grpc-js reference server of the benchmarks: node server.js --port=N [--host=127.0.0.1]; stops on SIGTERM/SIGINT.
const { grpc, Echo } = require('./echo');
const { parseFlags, parseInteger } = require('./flags');

const MAX_STREAM_SIZE = 4 * 1024 * 1024;
const bodies = new Map();

function unary(call, callback) {
  callback(null, call.request);
}

async function stream(call) {
  const { count, size } = call.request;
  if (count < 0 || size < 0 || size > MAX_STREAM_SIZE) {
    call.emit('error', { code: grpc.status.INVALID_ARGUMENT, details: `count ${count} and size ${size} are invalid` });
    return;
  }
  let body = bodies.get(size);
  if (!body) {
    body = Buffer.alloc(size);
    bodies.set(size, body);
  }
  const payload = { body };
  for (let i = 0; i < count && !call.cancelled; i++) {
    if (!call.write(payload)) {
      await new Promise((resolve) => call.once('drain', resolve));
    }
  }
  call.end();
}

function main() {
  let flags;
  try {
    flags = parseFlags(process.argv.slice(2), { port: '0', host: '127.0.0.1' });
    flags.port = parseInteger('port', flags.port, 0);
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const server = new grpc.Server();
  server.addService(Echo.service, { unary, stream });
  server.bindAsync(`${flags.host}:${flags.port}`, grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) {
      console.error(error.message);
      process.exit(1);
    }
    console.log(`listening on ${port}`);
  });
  const stop = () => server.tryShutdown(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main();
