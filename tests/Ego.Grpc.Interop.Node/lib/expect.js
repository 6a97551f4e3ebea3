'use strict';

// Assertions for the interop test cases; failures name the expected and the actual value.

const grpc = require('@grpc/grpc-js');
const { arrivedCompressed } = require('./wire-compression');

class CaseFailure extends Error {}

function codeName(code) {
  return grpc.status[code] !== undefined ? `${grpc.status[code]} (${code})` : `code ${code}`;
}

function describeStatus(status) {
  if (!status) return 'no status';
  return `${codeName(status.code)} "${status.details}"`;
}

function fail(message) {
  throw new CaseFailure(message);
}

function expectEqual(actual, expected, what) {
  if (actual !== expected) {
    fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

function expectStatus(outcome, code, what) {
  if (!outcome.status || outcome.status.code !== code) {
    fail(`${what}: expected status ${codeName(code)}, got ${describeStatus(outcome.status)}`);
  }
}

function expectOk(outcome, what) {
  expectStatus(outcome, grpc.status.OK, what);
}

function expectZeroPayload(message, size, what) {
  const body = message && message.payload ? message.payload.body : null;
  if (!body) fail(`${what}: expected a payload of ${size} bytes, got no payload`);
  expectEqual(body.length, size, `${what}: payload size`);
  if (body.some((b) => b !== 0)) fail(`${what}: expected a payload of zeros, got non-zero bytes`);
}

function expectPayloadSizes(messages, sizes, what) {
  expectEqual(messages.length, sizes.length, `${what}: number of responses`);
  messages.forEach((message, i) => expectZeroPayload(message, sizes[i], `${what}: response ${i + 1}`));
}

function expectCompressedFlag(message, expected, what) {
  const actual = arrivedCompressed(message);
  if (actual !== expected) {
    const seen = actual === undefined ? 'unknown' : String(actual);
    fail(`${what}: expected the compressed message flag to be ${expected}, got ${seen}`);
  }
}

module.exports = {
  CaseFailure,
  describeStatus,
  fail,
  expectEqual,
  expectStatus,
  expectOk,
  expectZeroPayload,
  expectPayloadSizes,
  expectCompressedFlag,
};
