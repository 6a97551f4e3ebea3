'use strict';
// Calls ego.interop.v1.ErrorDemo/Fail on an Ego.NET server and reads the error the way a grpc-js user does:
// the grpc-status-details-bin trailer decoded as google.rpc.Status, its ErrorInfo detail unpacked.
// Prints one line of JSON: {"code":..,"message":..,"statusCode":..,"reason":..,"domain":..,"metadata":{..}}.
// Flags: --server_port=N [--server_host=127.0.0.1] --code=N --reason=R --message=M [--metadata=k=v,k2=v2]
// Proto roots: the repository's src/Ego.Grpc/Protos (google.rpc) and tests/Ego.Grpc.Interop.Server/Protos.
const path = require('path');
const grpc = require('@grpc/grpc-js');
const protoLoader = require('@grpc/proto-loader');
const protobuf = require('protobufjs');

const repository = path.resolve(__dirname, '..', '..');
const rpcProtos = path.join(repository, 'src', 'Ego.Grpc', 'Protos');
const demoProtos = path.join(repository, 'tests', 'Ego.Grpc.Interop.Server', 'Protos');

function parseFlags(argv) {
  const flags = {};
  for (const arg of argv) {
    const match = /^--([a-z_]+)=(.*)$/s.exec(arg);
    if (!match) {
      throw new Error(`argument '${arg}' is not of the form --name=value`);
    }
    flags[match[1]] = match[2];
  }
  for (const required of ['server_port', 'code', 'reason', 'message']) {
    if (flags[required] === undefined) {
      throw new Error(`--${required} is required`);
    }
  }
  return flags;
}

function parseMetadata(text) {
  const metadata = {};
  for (const pair of (text || '').split(',').filter(Boolean)) {
    const equals = pair.indexOf('=');
    metadata[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return metadata;
}

function loadRpcTypes() {
  const root = new protobuf.Root();
  root.resolvePath = (origin, target) => (target.startsWith('google/rpc/') ? path.join(rpcProtos, target) : target);
  root.loadSync(['google/rpc/status.proto', 'google/rpc/error_details.proto'], { keepCase: true });
  return { Status: root.lookupType('google.rpc.Status'), ErrorInfo: root.lookupType('google.rpc.ErrorInfo') };
}

function decode(error, types) {
  const details = error.metadata.get('grpc-status-details-bin');
  if (details.length === 0) {
    throw new Error(`the error carries no grpc-status-details-bin trailer (code ${error.code}: ${error.details})`);
  }
  const status = types.Status.decode(details[0]);
  const detail = status.details.find((any) => any.type_url === 'type.googleapis.com/google.rpc.ErrorInfo');
  if (!detail) {
    throw new Error(`google.rpc.Status has no ErrorInfo detail: ${JSON.stringify(status.details.map((d) => d.type_url))}`);
  }
  const info = types.ErrorInfo.decode(detail.value);
  return { code: error.code, message: error.details, statusCode: status.code, statusMessage: status.message, reason: info.reason, domain: info.domain, metadata: info.metadata };
}

function main() {
  const flags = parseFlags(process.argv.slice(2));
  const definition = protoLoader.loadSync(path.join(demoProtos, 'error_demo.proto'), { keepCase: true, longs: String, enums: String, defaults: true });
  const { ErrorDemo } = grpc.loadPackageDefinition(definition).ego.interop.v1;
  const client = new ErrorDemo(`${flags.server_host || '127.0.0.1'}:${flags.server_port}`, grpc.credentials.createInsecure());
  const request = { code: Number(flags.code), reason: flags.reason, message: flags.message, metadata: parseMetadata(flags.metadata) };
  client.Fail(request, { deadline: Date.now() + 10000 }, (error) => {
    client.close();
    if (!error) {
      console.error('FAIL: the call succeeded; expected an error');
      process.exit(1);
    }
    try {
      console.log(JSON.stringify(decode(error, loadRpcTypes())));
      process.exit(0);
    } catch (failure) {
      console.error(`FAIL: ${failure.message}`);
      process.exit(1);
    }
  });
}

try {
  main();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
