'use strict';

// Server-side helpers shared by the TestService handlers: echoed metadata, payloads, status
// checks, and a writer for streaming responses that sends headers lazily and exactly once.

const grpc = require('@grpc/grpc-js');
const { arrivedCompressed, compressed } = require('./wire-compression');

const ECHO_INITIAL_KEY = 'x-grpc-test-echo-initial';
const ECHO_TRAILING_KEY = 'x-grpc-test-echo-trailing-bin';

/** Initial metadata: the echoed x-grpc-test-echo-initial, plus grpc-encoding when compressing. */
function initialMetadata(call, { gzip = false, extra = {} } = {}) {
  const metadata = new grpc.Metadata();
  for (const value of call.metadata.get(ECHO_INITIAL_KEY)) metadata.add(ECHO_INITIAL_KEY, value);
  for (const [key, value] of Object.entries(extra)) metadata.set(key, value);
  if (gzip) metadata.set('grpc-encoding', 'gzip');
  return metadata;
}

/** Trailing metadata: the echoed x-grpc-test-echo-trailing-bin. */
function trailingMetadata(call) {
  const metadata = new grpc.Metadata();
  for (const value of call.metadata.get(ECHO_TRAILING_KEY)) metadata.add(ECHO_TRAILING_KEY, value);
  return metadata;
}

function zeroPayload(size) {
  return { type: 'COMPRESSABLE', body: Buffer.alloc(size) };
}

function responseTypeFailure(responseType) {
  if (responseType === 'COMPRESSABLE') return null;
  return {
    code: grpc.status.INVALID_ARGUMENT,
    details: `unsupported response_type ${responseType}: expected COMPRESSABLE`,
  };
}

/** The status a request asks the server to end with (Echo Status), or null. */
function echoedStatus(responseStatus) {
  if (!responseStatus || responseStatus.code === 0) return null;
  return { code: responseStatus.code, details: responseStatus.message };
}

/**
 * When expect_compressed is present, the request's compressed flag must match its value
 * (CompressedRequest); a mismatch is INVALID_ARGUMENT.
 */
function compressionFailure(expectCompressed, request) {
  if (!expectCompressed) return null;
  const actual = arrivedCompressed(request) === true;
  if (actual === expectCompressed.value) return null;
  return {
    code: grpc.status.INVALID_ARGUMENT,
    details: `expect_compressed is ${expectCompressed.value} but the request message was ` +
      (actual ? 'compressed' : 'not compressed'),
  };
}

function wantsCompression(responseParameters) {
  return responseParameters.some((p) => Boolean(p.compressed && p.compressed.value));
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Writes StreamingOutputCallResponse messages on a server-streaming or bidi call. */
class ResponseStream {
  constructor(call) {
    this.call = call;
    this.headersSent = false;
    this.gzip = false;
    this.finished = false;
  }

  get closed() {
    return this.finished || this.call.cancelled;
  }

  sendHeaders(gzip) {
    if (this.headersSent) return;
    this.headersSent = true;
    this.gzip = gzip;
    this.call.sendMetadata(initialMetadata(this.call, { gzip }));
  }

  /** One response per ResponseParameters, each after its interval_us (accumulating). */
  async writeAll(responseParameters) {
    this.sendHeaders(wantsCompression(responseParameters));
    for (const parameters of responseParameters) {
      if (parameters.interval_us > 0) await sleep(parameters.interval_us / 1000);
      if (this.closed) return;
      const response = { payload: zeroPayload(parameters.size) };
      const compress = Boolean(parameters.compressed && parameters.compressed.value) && this.gzip;
      this.call.write(compress ? compressed(response) : response);
    }
  }

  fail(status) {
    if (this.closed) return;
    this.finished = true;
    this.sendHeaders(false);
    this.call.emit('error', { ...status, metadata: trailingMetadata(this.call) });
  }

  finish() {
    if (this.closed) return;
    this.finished = true;
    this.sendHeaders(false);
    this.call.end(trailingMetadata(this.call));
  }
}

module.exports = {
  ResponseStream,
  initialMetadata,
  trailingMetadata,
  zeroPayload,
  responseTypeFailure,
  echoedStatus,
  compressionFailure,
};
