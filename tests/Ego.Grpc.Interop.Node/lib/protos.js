'use strict';

// Loads the standard gRPC interop protos (grpc/testing/test.proto and its imports) at run time.

const fs = require('node:fs');
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const DEFAULT_PROTO_ROOT = '/usr/share/grpc-proto';
const TEST_PROTO = 'grpc/testing/test.proto';

function protoRoot() {
  return process.env.EGO_GRPC_PROTO_ROOT || DEFAULT_PROTO_ROOT;
}

/** Returns the loaded `grpc.testing` namespace (services and message types). */
function loadTestingPackage() {
  const root = protoRoot();
  const file = path.join(root, TEST_PROTO);
  if (!fs.existsSync(file)) {
    throw new Error(
      `interop proto not found: expected ${file} (install the Debian package grpc-proto, ` +
        'or set EGO_GRPC_PROTO_ROOT to a directory containing grpc/testing/test.proto)');
  }
  const definition = protoLoader.loadSync(TEST_PROTO, {
    includeDirs: [root],
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return grpc.loadPackageDefinition(definition).grpc.testing;
}

module.exports = { loadTestingPackage };
