#!/usr/bin/env node
'use strict';

// gRPC interop test server on @grpc/grpc-js: serves grpc.testing.TestService in plaintext.
// Prints exactly one stdout line, "listening on <port>", once bound.

const grpc = require('@grpc/grpc-js');
const wire = require('./lib/wire-compression');
const { UsageError, parseFlags, portFlag, rejectTls } = require('./lib/args');
const { loadTestingPackage } = require('./lib/protos');
const { createTestService } = require('./lib/test-service');

const FLAGS = ['port', 'use_tls', 'bind_host'];
const SHUTDOWN_GRACE_MS = 2000;

function readOptions(argv) {
  const flags = parseFlags(argv, FLAGS);
  rejectTls(flags);
  return { port: portFlag(flags, 'port', 0), host: flags.get('bind_host') || '127.0.0.1' };
}

function createServer() {
  wire.install();
  const testing = loadTestingPackage();
  const server = new grpc.Server();
  server.addService(wire.observingServiceDefinition(testing.TestService.service), createTestService());
  return server;
}

function stopOnSignals(server) {
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    const force = setTimeout(() => {
      server.forceShutdown();
      process.exit(0);
    }, SHUTDOWN_GRACE_MS);
    server.tryShutdown(() => {
      clearTimeout(force);
      process.exit(0);
    });
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

function main() {
  let options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`interop_server: ${error.message}\nusage: interop_server.js [--port=N] [--use_tls=false] [--bind_host=127.0.0.1]\n`);
    process.exit(2);
  }
  const server = createServer();
  stopOnSignals(server);
  server.bindAsync(`${options.host}:${options.port}`, grpc.ServerCredentials.createInsecure(), (error, port) => {
    if (error) {
      process.stderr.write(`interop_server: cannot bind ${options.host}:${options.port}: ${error.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`listening on ${port}\n`);
  });
}

main();
