#!/usr/bin/env node
'use strict';

// gRPC interop test client on @grpc/grpc-js: runs one named test case against an interop server.
// Success: prints "PASS <case>", exit 0. Failure: "FAIL <case>: <reason>" on stderr, exit 1.
// Bad usage or unknown case: exit 2.

const grpc = require('@grpc/grpc-js');
const wire = require('./lib/wire-compression');
const { UsageError, parseFlags, portFlag, rejectTls } = require('./lib/args');
const { loadTestingPackage } = require('./lib/protos');
const { TEST_CASES } = require('./lib/test-cases');

const FLAGS = ['server_host', 'server_port', 'test_case', 'use_tls', 'server_host_override', 'use_test_ca'];
const OVERALL_TIMEOUT_MS = 20000;
const GZIP = 2; // grpc-js CompressionAlgorithms.gzip

function readOptions(argv) {
  const flags = parseFlags(argv, FLAGS);
  rejectTls(flags);
  const testCase = flags.get('test_case');
  if (!testCase) throw new UsageError('missing required flag --test_case=NAME');
  if (!TEST_CASES.has(testCase)) {
    throw new UsageError(`unknown test case "${testCase}": expected one of ${[...TEST_CASES.keys()].join(', ')}`);
  }
  return {
    host: flags.get('server_host') || '127.0.0.1',
    port: portFlag(flags, 'server_port'),
    testCase,
  };
}

function createClients(address) {
  wire.install();
  const testing = loadTestingPackage();
  const TestServiceClient = grpc.makeGenericClientConstructor(
    wire.observingServiceDefinition(testing.TestService.service), 'TestService');
  const UnimplementedServiceClient = grpc.makeGenericClientConstructor(
    testing.UnimplementedService.service, 'UnimplementedService');
  const insecure = grpc.credentials.createInsecure();
  return {
    plain: new TestServiceClient(address, insecure),
    gzip: new TestServiceClient(address, insecure, { 'grpc.default_compression_algorithm': GZIP }),
    unimplemented: new UnimplementedServiceClient(address, insecure),
  };
}

function overallTimeout() {
  let timer;
  const promise = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${OVERALL_TIMEOUT_MS / 1000} s`)), OVERALL_TIMEOUT_MS);
  });
  return { promise, cancel: () => clearTimeout(timer) };
}

async function run(options) {
  const clients = createClients(`${options.host}:${options.port}`);
  const timeout = overallTimeout();
  try {
    await Promise.race([TEST_CASES.get(options.testCase)(clients), timeout.promise]);
    process.stdout.write(`PASS ${options.testCase}\n`);
    return 0;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`FAIL ${options.testCase}: ${reason}\n`);
    return 1;
  } finally {
    timeout.cancel();
    for (const client of Object.values(clients)) client.close();
  }
}

function main() {
  let options;
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`interop_client: ${error.message}\n` +
      'usage: interop_client.js --server_port=N --test_case=NAME [--server_host=127.0.0.1] [--use_tls=false]\n' +
      `known test cases: ${[...TEST_CASES.keys()].join(' ')}\n`);
    process.exit(2);
  }
  run(options).then((code) => process.exit(code));
}

main();
