'use strict';
// Loads the benchmark proto shared with the .NET servers.
const path = require('node:path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');

const definition = protoLoader.loadSync(path.join(__dirname, '..', 'Ego.Grpc.Bench', 'Protos', 'echo.proto'), {
  keepCase: true,
  longs: String,
  defaults: true,
});

module.exports = { grpc, Echo: grpc.loadPackageDefinition(definition).ego.bench.v1.Echo };
