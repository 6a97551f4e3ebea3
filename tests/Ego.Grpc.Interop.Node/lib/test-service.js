'use strict';

// grpc.testing.TestService handlers, as described by the gRPC interop test specification.
// UnimplementedCall is deliberately absent: grpc-js answers it with UNIMPLEMENTED.

const grpc = require('@grpc/grpc-js');
const { compressed } = require('./wire-compression');
const {
  ResponseStream,
  initialMetadata,
  trailingMetadata,
  zeroPayload,
  responseTypeFailure,
  echoedStatus,
  compressionFailure,
} = require('./response-stream');

function emptyCall(call, callback) {
  call.sendMetadata(initialMetadata(call));
  callback(null, {}, trailingMetadata(call));
}

function unaryCall(call, callback) {
  const request = call.request;
  const trailers = trailingMetadata(call);
  const failure = compressionFailure(request.expect_compressed, request) ||
    responseTypeFailure(request.response_type) ||
    echoedStatus(request.response_status);
  const gzip = !failure && Boolean(request.response_compressed && request.response_compressed.value);
  call.sendMetadata(initialMetadata(call, { gzip }));
  if (failure) {
    callback({ ...failure, metadata: trailers });
    return;
  }
  const response = { payload: zeroPayload(request.response_size) };
  callback(null, gzip ? compressed(response) : response, trailers);
}

function cacheableUnaryCall(call, callback) {
  // A fresh nanosecond-resolution timestamp, so every response differs.
  const nanos = BigInt(Date.now()) * 1000000n + (process.hrtime.bigint() % 1000000n);
  call.sendMetadata(initialMetadata(call, { extra: { 'cache-control': 'max-age=60, public' } }));
  callback(null, { payload: { type: 'COMPRESSABLE', body: Buffer.from(nanos.toString()) } }, trailingMetadata(call));
}

function streamingInputCall(call, callback) {
  call.sendMetadata(initialMetadata(call));
  let total = 0;
  let done = false;
  const finish = (error, response) => {
    if (done) return;
    done = true;
    if (error) callback({ ...error, metadata: trailingMetadata(call) });
    else callback(null, response, trailingMetadata(call));
  };
  call.on('data', (request) => {
    const failure = compressionFailure(request.expect_compressed, request);
    if (failure) finish(failure);
    else if (request.payload) total += request.payload.body.length;
  });
  call.on('end', () => finish(null, { aggregated_payload_size: total }));
}

/** Answers one StreamingOutputCallRequest on a server-streaming or bidi call. */
async function respondTo(out, request) {
  if (out.closed) return;
  const failure = responseTypeFailure(request.response_type) || echoedStatus(request.response_status);
  if (failure) {
    out.fail(failure);
    return;
  }
  await out.writeAll(request.response_parameters);
}

function internalError(out, error) {
  process.stderr.write(`handler error: ${error && error.stack ? error.stack : error}\n`);
  out.fail({ code: grpc.status.INTERNAL, details: `server error: ${error && error.message}` });
}

function streamingOutputCall(call) {
  const out = new ResponseStream(call);
  respondTo(out, call.request)
    .then(() => out.finish())
    .catch((error) => internalError(out, error));
}

function fullDuplexCall(call) {
  const out = new ResponseStream(call);
  let pending = Promise.resolve();
  const enqueue = (step) => {
    pending = pending.then(step).catch((error) => internalError(out, error));
  };
  call.on('data', (request) => enqueue(() => respondTo(out, request)));
  call.on('end', () => enqueue(() => out.finish()));
}

function halfDuplexCall(call) {
  const out = new ResponseStream(call);
  const requests = [];
  call.on('data', (request) => requests.push(request));
  call.on('end', async () => {
    try {
      for (const request of requests) await respondTo(out, request);
      out.finish();
    } catch (error) {
      internalError(out, error);
    }
  });
}

/** The implementation object for grpc.Server#addService. */
function createTestService() {
  return {
    EmptyCall: emptyCall,
    UnaryCall: unaryCall,
    CacheableUnaryCall: cacheableUnaryCall,
    StreamingOutputCall: streamingOutputCall,
    StreamingInputCall: streamingInputCall,
    FullDuplexCall: fullDuplexCall,
    HalfDuplexCall: halfDuplexCall,
  };
}

module.exports = { createTestService };
