'use strict';

// Promise-based wrappers over grpc-js client calls. Every wrapper resolves with an "outcome"
// ({ response | messages, initial, status }) instead of rejecting, so test cases can assert on
// both successful and failed calls the same way.

const grpc = require('@grpc/grpc-js');

/** Per-call deadline; the whole client run is bounded separately (see interop_client.js). */
const CALL_TIMEOUT_MS = 10000;

function callOptions(timeoutMs = CALL_TIMEOUT_MS) {
  return { deadline: Date.now() + timeoutMs };
}

/** Tracks initial metadata and final status of any call; resolves once both sides are done. */
function trackCall(call, outcome, isDone) {
  return new Promise((resolve) => {
    const maybeResolve = () => {
      if (outcome.status && isDone()) resolve(outcome);
    };
    call.on('metadata', (metadata) => {
      outcome.initial = metadata;
    });
    call.on('status', (status) => {
      outcome.status = status;
      maybeResolve();
    });
    outcome.settle = maybeResolve;
  });
}

/** Unary call: resolves with { response, initial, status }. */
function unary(client, method, request, { metadata = new grpc.Metadata(), options = callOptions() } = {}) {
  const outcome = { response: null, initial: null, status: null };
  let answered = false;
  const call = client[method](request, metadata, options, (error, response) => {
    answered = true;
    outcome.response = error ? null : response;
    outcome.settle();
  });
  return trackCall(call, outcome, () => answered);
}

/**
 * Client-streaming call: `drive(call)` writes the requests (and half-closes or cancels);
 * resolves with { response, initial, status }.
 */
function clientStream(client, method, drive, { metadata = new grpc.Metadata(), options = callOptions() } = {}) {
  const outcome = { response: null, initial: null, status: null };
  let answered = false;
  const call = client[method](metadata, options, (error, response) => {
    answered = true;
    outcome.response = error ? null : response;
    outcome.settle();
  });
  const done = trackCall(call, outcome, () => answered);
  drive(call);
  return done;
}

/**
 * Collects every response of a server-streaming or bidi call; resolves with
 * { messages, initial, status } once the status arrived and, on OK, the stream ended.
 */
function collectResponses(call) {
  const outcome = { messages: [], initial: null, status: null };
  let ended = false;
  call.on('data', (message) => outcome.messages.push(message));
  call.on('end', () => {
    ended = true;
    outcome.settle();
  });
  // Failed calls surface as 'error' and 'status'; the status carries everything asserted on.
  call.on('error', () => {});
  return trackCall(call, outcome, () => ended || outcome.status.code !== grpc.status.OK);
}

/** Reads the responses of a streaming call one at a time (ping-pong style). */
class MessageReader {
  constructor(call) {
    this.buffered = [];
    this.waiting = [];
    this.failure = null;
    call.on('data', (message) => this.deliver({ message }));
    call.on('end', () => this.deliver({ message: null }));
    call.on('error', (error) => {
      this.failure = error;
      this.deliver({ error });
    });
  }

  deliver(item) {
    const waiter = this.waiting.shift();
    if (waiter) waiter(item);
    else this.buffered.push(item);
  }

  /** Next response, or null when the stream ended; rejects if the call failed. */
  async next() {
    const item = this.buffered.length > 0
      ? this.buffered.shift()
      : await new Promise((resolve) => this.waiting.push(resolve));
    if (item.error) throw item.error;
    return item.message;
  }
}

module.exports = { callOptions, unary, clientStream, collectResponses, MessageReader };
