'use strict';

// Per-message compression visibility and control for the interop programs.
//
// The interop spec needs three things that @grpc/grpc-js 1.14 does not expose publicly:
//   1. the server must know whether each request message arrived with the compressed flag set
//      (expect_compressed),
//   2. the server must be able to compress chosen responses (response_compressed and
//      ResponseParameters.compressed) - the grpc-js server never compresses on its own,
//   3. the client must know whether each response arrived with the compressed flag set.
// Client-side *sending* compression needs no hook: it uses the public channel option
// 'grpc.default_compression_algorithm' plus the per-message write flag (see interop_client.js).
//
// The hooks below wrap three methods of grpc-js internals (the version is pinned exactly in
// package.json). Each wrapper calls the original and only observes the 5-byte gRPC message
// prefix, or re-frames a serialized message as gzip; framing, flow control and decoding stay
// grpc-js's own. install() fails loudly if the internals ever move.

const zlib = require('node:zlib');
const serverCallModule = require('@grpc/grpc-js/build/src/server-interceptors');
const compressionFilterModule = require('@grpc/grpc-js/build/src/compression-filter');

const COMPRESS_RESPONSE = Symbol('compressResponse');
const ARRIVED_COMPRESSED = Symbol('arrivedCompressed');

// Decoded message bytes -> whether their frame had the compressed flag set.
const frameFlags = new WeakMap();
let installed = false;

function remember(bytes, compressed) {
  if (bytes && typeof bytes === 'object') frameFlags.set(bytes, compressed);
  return bytes;
}

function requireMethod(type, name, owner) {
  if (!type || typeof type.prototype[name] !== 'function') {
    throw new Error(
      `@grpc/grpc-js internals changed: ${owner}.${name} not found; lib/wire-compression.js must be ` +
        'updated for this grpc-js version');
  }
}

function gzipFrame(messageBytes) {
  const body = zlib.gzipSync(messageBytes);
  const framed = Buffer.allocUnsafe(body.length + 5);
  framed.writeUInt8(1, 0);
  framed.writeUInt32BE(body.length, 1);
  body.copy(framed, 5);
  return framed;
}

function hookServerCall() {
  const type = serverCallModule.BaseServerInterceptingCall;
  requireMethod(type, 'decompressMessage', 'BaseServerInterceptingCall');
  requireMethod(type, 'serializeMessage', 'BaseServerInterceptingCall');
  const decompress = type.prototype.decompressMessage;
  type.prototype.decompressMessage = function decompressObserved(framed, encoding) {
    const compressed = framed.readUInt8(0) === 1;
    const result = decompress.call(this, framed, encoding);
    return result instanceof Promise ? result.then((bytes) => remember(bytes, compressed)) : remember(result, compressed);
  };
  const serialize = type.prototype.serializeMessage;
  type.prototype.serializeMessage = function serializeMaybeCompressed(value) {
    const framed = serialize.call(this, value);
    return value && value[COMPRESS_RESPONSE] ? gzipFrame(framed.subarray(5)) : framed;
  };
}

function hookClientFilter() {
  const type = compressionFilterModule.CompressionFilter;
  requireMethod(type, 'receiveMessage', 'CompressionFilter');
  const receive = type.prototype.receiveMessage;
  type.prototype.receiveMessage = async function receiveObserved(message) {
    const framed = await message;
    const bytes = await receive.call(this, Promise.resolve(framed));
    return remember(bytes, framed.readUInt8(0) === 1);
  };
}

/** Installs the hooks once per process. */
function install() {
  if (installed) return;
  hookServerCall();
  hookClientFilter();
  installed = true;
}

/** Wraps a deserializer so the parsed message records whether its frame was compressed. */
function observingDeserializer(deserialize) {
  return (bytes) => {
    const message = deserialize(bytes);
    const compressed = frameFlags.get(bytes);
    if (message && typeof message === 'object' && compressed !== undefined) {
      Object.defineProperty(message, ARRIVED_COMPRESSED, { value: compressed });
    }
    return message;
  };
}

/**
 * Copies a grpc-js service definition, making every request and response message record its
 * frame's compressed flag.
 */
function observingServiceDefinition(service) {
  const copy = {};
  for (const [name, method] of Object.entries(service)) {
    copy[name] = {
      ...method,
      requestDeserialize: observingDeserializer(method.requestDeserialize),
      responseDeserialize: observingDeserializer(method.responseDeserialize),
    };
  }
  return copy;
}

/** true/false if the message's frame had the compressed flag set; undefined if unknown. */
function arrivedCompressed(message) {
  return message ? message[ARRIVED_COMPRESSED] : undefined;
}

/**
 * Marks an outgoing server message to be sent gzip-compressed. The response headers must carry
 * `grpc-encoding: gzip` before the first compressed message (see interop_server.js).
 */
function compressed(message) {
  Object.defineProperty(message, COMPRESS_RESPONSE, { value: true });
  return message;
}

module.exports = { install, observingServiceDefinition, arrivedCompressed, compressed };
