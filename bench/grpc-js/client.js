'use strict';
// grpc-js load client with the same flags as `Ego.Grpc.Bench client`:
// node client.js --target=host:port [--mode=unary|stream] [--concurrency=50] [--connections=1] [--size=16]
//   [--count=100] [--warmup=2s] [--duration=10s]
const { grpc, Echo } = require('./echo');
const { parseFlags, parseDuration, parseInteger } = require('./flags');

function parse() {
  const raw = parseFlags(process.argv.slice(2), {
    target: '', mode: 'unary', concurrency: '50', connections: '1', size: '16', count: '100', warmup: '2s', duration: '10s',
  });
  const flags = {
    target: raw.target,
    mode: raw.mode,
    concurrency: parseInteger('concurrency', raw.concurrency, 1),
    connections: parseInteger('connections', raw.connections, 1),
    size: parseInteger('size', raw.size, 0),
    count: parseInteger('count', raw.count, 1),
    warmup: parseDuration('warmup', raw.warmup),
    duration: parseDuration('duration', raw.duration),
  };
  if (!flags.target) throw new Error('--target is missing: expected host:port, e.g. --target=127.0.0.1:50051');
  if (!['unary', 'stream'].includes(flags.mode)) throw new Error(`--mode='${flags.mode}' is invalid: expected unary or stream`);
  if (flags.concurrency % flags.connections !== 0) {
    throw new Error(`--concurrency=${flags.concurrency} is not a multiple of --connections=${flags.connections}`);
  }
  return flags;
}

function unaryOnce(client, payload) {
  return new Promise((resolve, reject) => client.unary(payload, (error) => (error ? reject(error) : resolve(1))));
}

function streamOnce(client, request) {
  return new Promise((resolve, reject) => {
    let received = 0;
    const call = client.stream(request);
    call.on('data', () => { received++; });
    call.on('error', reject);
    call.on('end', () => resolve(received));
  });
}

async function main() {
  let flags;
  try {
    flags = parse();
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  // A local subchannel pool per client gives each its own HTTP/2 connection, as one Ego GrpcChannel per connection does.
  const clients = Array.from({ length: flags.connections }, () => new Echo(flags.target, grpc.credentials.createInsecure(), {
    'grpc.use_local_subchannel_pool': 1,
  }));
  await Promise.all(clients.map((client) => new Promise((resolve, reject) => {
    client.waitForReady(Date.now() + 5000, (error) => (error ? reject(error) : resolve()));
  })));
  const counters = { calls: 0, messages: 0, errors: 0 };
  let running = true;
  const payload = { body: Buffer.alloc(flags.size) };
  const request = { count: flags.count, size: flags.size };
  const worker = async (client) => {
    while (running) {
      try {
        const messages = flags.mode === 'unary' ? await unaryOnce(client, payload) : await streamOnce(client, request);
        counters.calls++;
        counters.messages += messages;
      } catch (error) {
        if (counters.errors++ === 0) console.error(`first error: ${error.message}`);
      }
    }
  };
  const workers = Array.from({ length: flags.concurrency }, (_, i) => worker(clients[i % clients.length]));
  await new Promise((resolve) => setTimeout(resolve, flags.warmup));
  const start = { calls: counters.calls, messages: counters.messages, time: process.hrtime.bigint() };
  await new Promise((resolve) => setTimeout(resolve, flags.duration));
  const seconds = Number(process.hrtime.bigint() - start.time) / 1e9;
  const calls = counters.calls - start.calls;
  const messages = counters.messages - start.messages;
  running = false;
  await Promise.all(workers);
  console.log(`calls/s: ${(calls / seconds).toFixed(1)}`);
  console.log(`messages/s: ${(messages / seconds).toFixed(1)}`);
  console.log(`errors: ${counters.errors}`);
  clients.forEach((client) => client.close());
  process.exit(counters.errors === 0 ? 0 : 1);
}

main();
