'use strict';

// The interop client test cases, one function each, as described by the gRPC interop test
// specification. Each receives { plain, gzip, unimplemented } clients and throws CaseFailure.
//
// Compression on the client side uses only public grpc-js 1.14 API:
//   - `gzip` is a channel created with option 'grpc.default_compression_algorithm': 2 (gzip); it
//     sends `grpc-encoding: gzip` and compresses every message by default;
//   - a single message is sent uncompressed on such a channel with the write flag NoCompress (2):
//     `call.write(message, WRITE_FLAG_NO_COMPRESS)` (grpc-js reads the flags from the stream's
//     `encoding` argument);
//   - unary calls cannot carry write flags, so an uncompressed unary request uses `plain`.

const grpc = require('@grpc/grpc-js');
const { callOptions, unary, clientStream, collectResponses, MessageReader } = require('./client-calls');
const {
  fail,
  expectEqual,
  expectStatus,
  expectOk,
  expectZeroPayload,
  expectPayloadSizes,
  expectCompressedFlag,
  describeStatus,
} = require('./expect');

const WRITE_FLAG_NO_COMPRESS = 2;
const LARGE_REQUEST_SIZE = 271828;
const LARGE_RESPONSE_SIZE = 314159;
const REQUEST_SIZES = [27182, 8, 1828, 45904];
const RESPONSE_SIZES = [31415, 9, 2653, 58979];
const ECHO_INITIAL_KEY = 'x-grpc-test-echo-initial';
const ECHO_INITIAL_VALUE = 'test_initial_metadata_value';
const ECHO_TRAILING_KEY = 'x-grpc-test-echo-trailing-bin';
const ECHO_TRAILING_VALUE = Buffer.from([0xab, 0xab, 0xab]);
const STATUS_MESSAGE = 'test status message';
const SPECIAL_STATUS_MESSAGE = '\t\ntest with whitespace\r\nand Unicode BMP \u263a and non-BMP \u{1F608}\t\n';

function zeros(size) {
  return { body: Buffer.alloc(size) };
}

function largeRequest(extra = {}) {
  return { response_size: LARGE_RESPONSE_SIZE, payload: zeros(LARGE_REQUEST_SIZE), ...extra };
}

function sizesToParameters(sizes) {
  return sizes.map((size) => ({ size }));
}

async function emptyUnary({ plain }) {
  const outcome = await unary(plain, 'EmptyCall', {});
  expectOk(outcome, 'EmptyCall');
  if (!outcome.response) fail('EmptyCall: expected an Empty response, got none');
}

async function largeUnary({ plain }) {
  const outcome = await unary(plain, 'UnaryCall', largeRequest());
  expectOk(outcome, 'UnaryCall');
  expectZeroPayload(outcome.response, LARGE_RESPONSE_SIZE, 'UnaryCall');
}

async function clientCompressedUnary({ plain, gzip }) {
  const probe = await unary(plain, 'UnaryCall', largeRequest({ expect_compressed: { value: true } }));
  if (probe.status.code !== grpc.status.INVALID_ARGUMENT) {
    fail('feature probe (uncompressed request with expect_compressed=true): expected status ' +
      `INVALID_ARGUMENT (3), got ${describeStatus(probe.status)}`);
  }
  const compressed = await unary(gzip, 'UnaryCall', largeRequest({ expect_compressed: { value: true } }));
  expectOk(compressed, 'compressed UnaryCall');
  expectZeroPayload(compressed.response, LARGE_RESPONSE_SIZE, 'compressed UnaryCall');
  const uncompressed = await unary(plain, 'UnaryCall', largeRequest({ expect_compressed: { value: false } }));
  expectOk(uncompressed, 'uncompressed UnaryCall');
  expectZeroPayload(uncompressed.response, LARGE_RESPONSE_SIZE, 'uncompressed UnaryCall');
}

async function serverCompressedUnary({ plain }) {
  for (const value of [true, false]) {
    const what = `UnaryCall with response_compressed=${value}`;
    const outcome = await unary(plain, 'UnaryCall', largeRequest({ response_compressed: { value } }));
    expectOk(outcome, what);
    expectZeroPayload(outcome.response, LARGE_RESPONSE_SIZE, what);
    expectCompressedFlag(outcome.response, value, what);
  }
}

async function clientStreaming({ plain }) {
  const outcome = await clientStream(plain, 'StreamingInputCall', (call) => {
    for (const size of REQUEST_SIZES) call.write({ payload: zeros(size) });
    call.end();
  });
  expectOk(outcome, 'StreamingInputCall');
  expectEqual(outcome.response.aggregated_payload_size, 74922, 'StreamingInputCall: aggregated_payload_size');
}

async function clientCompressedStreaming({ plain, gzip }) {
  const probe = await clientStream(plain, 'StreamingInputCall', (call) => {
    call.write({ expect_compressed: { value: true }, payload: zeros(27182) });
    call.end();
  });
  if (probe.status.code !== grpc.status.INVALID_ARGUMENT) {
    fail('feature probe (uncompressed message with expect_compressed=true): expected status ' +
      `INVALID_ARGUMENT (3), got ${describeStatus(probe.status)}`);
  }
  const outcome = await clientStream(gzip, 'StreamingInputCall', (call) => {
    call.write({ expect_compressed: { value: true }, payload: zeros(27182) });
    call.write({ expect_compressed: { value: false }, payload: zeros(45904) }, WRITE_FLAG_NO_COMPRESS);
    call.end();
  });
  expectOk(outcome, 'StreamingInputCall with a compressed and an uncompressed message');
  expectEqual(outcome.response.aggregated_payload_size, 73086, 'StreamingInputCall: aggregated_payload_size');
}

async function serverStreaming({ plain }) {
  const call = plain.StreamingOutputCall({ response_parameters: sizesToParameters(RESPONSE_SIZES) }, callOptions());
  const outcome = await collectResponses(call);
  expectOk(outcome, 'StreamingOutputCall');
  expectPayloadSizes(outcome.messages, RESPONSE_SIZES, 'StreamingOutputCall');
}

async function serverCompressedStreaming({ plain }) {
  const request = {
    response_parameters: [
      { compressed: { value: true }, size: 31415 },
      { compressed: { value: false }, size: 92653 },
    ],
  };
  const outcome = await collectResponses(plain.StreamingOutputCall(request, callOptions()));
  expectOk(outcome, 'StreamingOutputCall');
  expectPayloadSizes(outcome.messages, [31415, 92653], 'StreamingOutputCall');
  expectCompressedFlag(outcome.messages[0], true, 'StreamingOutputCall: response 1');
  expectCompressedFlag(outcome.messages[1], false, 'StreamingOutputCall: response 2');
}

async function pingPong({ plain }) {
  const call = plain.FullDuplexCall(callOptions());
  const done = collectResponses(call);
  const reader = new MessageReader(call);
  for (let i = 0; i < REQUEST_SIZES.length; i++) {
    call.write({ response_parameters: [{ size: RESPONSE_SIZES[i] }], payload: zeros(REQUEST_SIZES[i]) });
    const response = await reader.next().catch(() => null);
    if (!response) fail(`FullDuplexCall: expected response ${i + 1}, got end of stream (${describeStatus((await done).status)})`);
    expectZeroPayload(response, RESPONSE_SIZES[i], `FullDuplexCall: response ${i + 1}`);
  }
  call.end();
  const outcome = await done;
  expectOk(outcome, 'FullDuplexCall');
  expectEqual(outcome.messages.length, RESPONSE_SIZES.length, 'FullDuplexCall: number of responses');
}

async function emptyStream({ plain }) {
  const call = plain.FullDuplexCall(callOptions());
  const done = collectResponses(call);
  call.end();
  const outcome = await done;
  expectOk(outcome, 'FullDuplexCall');
  expectEqual(outcome.messages.length, 0, 'FullDuplexCall: number of responses');
}

function echoMetadata() {
  const metadata = new grpc.Metadata();
  metadata.set(ECHO_INITIAL_KEY, ECHO_INITIAL_VALUE);
  metadata.set(ECHO_TRAILING_KEY, ECHO_TRAILING_VALUE);
  return metadata;
}

function expectEchoedMetadata(outcome, what) {
  const initial = outcome.initial ? outcome.initial.get(ECHO_INITIAL_KEY) : [];
  expectEqual(initial.length === 1 ? initial[0] : initial, ECHO_INITIAL_VALUE, `${what}: initial metadata ${ECHO_INITIAL_KEY}`);
  const trailing = outcome.status.metadata.get(ECHO_TRAILING_KEY);
  const actual = trailing.length === 1 ? trailing[0].toString('hex') : trailing.map((v) => v.toString('hex'));
  expectEqual(actual, ECHO_TRAILING_VALUE.toString('hex'), `${what}: trailing metadata ${ECHO_TRAILING_KEY} (hex)`);
}

async function customMetadata({ plain }) {
  const unaryOutcome = await unary(plain, 'UnaryCall', largeRequest(), { metadata: echoMetadata() });
  expectOk(unaryOutcome, 'UnaryCall');
  expectZeroPayload(unaryOutcome.response, LARGE_RESPONSE_SIZE, 'UnaryCall');
  expectEchoedMetadata(unaryOutcome, 'UnaryCall');

  const call = plain.FullDuplexCall(echoMetadata(), callOptions());
  const done = collectResponses(call);
  call.write({ response_parameters: [{ size: LARGE_RESPONSE_SIZE }], payload: zeros(LARGE_REQUEST_SIZE) });
  call.end();
  const outcome = await done;
  expectOk(outcome, 'FullDuplexCall');
  expectPayloadSizes(outcome.messages, [LARGE_RESPONSE_SIZE], 'FullDuplexCall');
  expectEchoedMetadata(outcome, 'FullDuplexCall');
}

function expectEchoedStatus(outcome, message, what) {
  expectStatus(outcome, grpc.status.UNKNOWN, what);
  expectEqual(outcome.status.details, message, `${what}: status message`);
}

async function statusCodeAndMessage({ plain }) {
  const responseStatus = { code: grpc.status.UNKNOWN, message: STATUS_MESSAGE };
  const unaryOutcome = await unary(plain, 'UnaryCall', { response_status: responseStatus });
  expectEchoedStatus(unaryOutcome, STATUS_MESSAGE, 'UnaryCall');

  const call = plain.FullDuplexCall(callOptions());
  const done = collectResponses(call);
  call.write({ response_status: responseStatus });
  call.end();
  expectEchoedStatus(await done, STATUS_MESSAGE, 'FullDuplexCall');
}

async function specialStatusMessage({ plain }) {
  const responseStatus = { code: grpc.status.UNKNOWN, message: SPECIAL_STATUS_MESSAGE };
  const outcome = await unary(plain, 'UnaryCall', { response_status: responseStatus });
  expectEchoedStatus(outcome, SPECIAL_STATUS_MESSAGE, 'UnaryCall');
}

async function unimplementedMethod({ plain }) {
  const outcome = await unary(plain, 'UnimplementedCall', {});
  expectStatus(outcome, grpc.status.UNIMPLEMENTED, 'TestService/UnimplementedCall');
}

async function unimplementedService({ unimplemented }) {
  const outcome = await unary(unimplemented, 'UnimplementedCall', {});
  expectStatus(outcome, grpc.status.UNIMPLEMENTED, 'UnimplementedService/UnimplementedCall');
}

async function cancelAfterBegin({ plain }) {
  const outcome = await clientStream(plain, 'StreamingInputCall', (call) => call.cancel());
  expectStatus(outcome, grpc.status.CANCELLED, 'StreamingInputCall cancelled before any message');
}

async function cancelAfterFirstResponse({ plain }) {
  const call = plain.FullDuplexCall(callOptions());
  const done = collectResponses(call);
  const reader = new MessageReader(call);
  call.write({ response_parameters: [{ size: 31415 }], payload: zeros(27182) });
  const first = await reader.next().catch(() => null);
  if (!first) fail(`FullDuplexCall: expected a first response, got end of stream (${describeStatus((await done).status)})`);
  expectZeroPayload(first, 31415, 'FullDuplexCall: response 1');
  call.cancel();
  expectStatus(await done, grpc.status.CANCELLED, 'FullDuplexCall cancelled after the first response');
}

async function timeoutOnSleepingServer({ plain }) {
  const call = plain.FullDuplexCall(callOptions(1));
  const done = collectResponses(call);
  call.write({ payload: zeros(27182) });
  expectStatus(await done, grpc.status.DEADLINE_EXCEEDED, 'FullDuplexCall with a 1 ms deadline');
}

/** Test case name -> implementation. */
const TEST_CASES = new Map([
  ['empty_unary', emptyUnary],
  ['large_unary', largeUnary],
  ['client_compressed_unary', clientCompressedUnary],
  ['server_compressed_unary', serverCompressedUnary],
  ['client_streaming', clientStreaming],
  ['client_compressed_streaming', clientCompressedStreaming],
  ['server_streaming', serverStreaming],
  ['server_compressed_streaming', serverCompressedStreaming],
  ['ping_pong', pingPong],
  ['empty_stream', emptyStream],
  ['custom_metadata', customMetadata],
  ['status_code_and_message', statusCodeAndMessage],
  ['special_status_message', specialStatusMessage],
  ['unimplemented_method', unimplementedMethod],
  ['unimplemented_service', unimplementedService],
  ['cancel_after_begin', cancelAfterBegin],
  ['cancel_after_first_response', cancelAfterFirstResponse],
  ['timeout_on_sleeping_server', timeoutOnSleepingServer],
]);

module.exports = { TEST_CASES };
