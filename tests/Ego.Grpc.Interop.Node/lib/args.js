'use strict';

// Parses the interop-standard `--name=value` command-line flags.

class UsageError extends Error {}

/**
 * Parses argv into a map. `known` lists the accepted flag names; anything else is a UsageError
 * naming the flag and the accepted ones.
 */
function parseFlags(argv, known) {
  const flags = new Map();
  for (const arg of argv) {
    const match = /^--([a-z_]+)=(.*)$/s.exec(arg);
    if (!match) {
      throw new UsageError(`invalid argument "${arg}": expected --name=value`);
    }
    const [, name, value] = match;
    if (!known.includes(name)) {
      throw new UsageError(`unknown flag --${name}: expected one of ${known.map((k) => '--' + k).join(', ')}`);
    }
    flags.set(name, value);
  }
  return flags;
}

/** Reads a boolean flag ("true"/"false"), or the default when absent. */
function boolFlag(flags, name, defaultValue) {
  if (!flags.has(name)) return defaultValue;
  const value = flags.get(name);
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new UsageError(`invalid --${name}="${value}": expected true or false`);
}

/** Reads a port flag (integer 0..65535); required unless a default is given. */
function portFlag(flags, name, defaultValue) {
  if (!flags.has(name)) {
    if (defaultValue === undefined) throw new UsageError(`missing required flag --${name}=PORT`);
    return defaultValue;
  }
  const text = flags.get(name);
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535) {
    throw new UsageError(`invalid --${name}="${text}": expected an integer port between 0 and 65535`);
  }
  return port;
}

/** Rejects --use_tls=true: this peer only speaks plaintext HTTP/2. */
function rejectTls(flags) {
  if (boolFlag(flags, 'use_tls', false)) {
    throw new UsageError('--use_tls=true is not supported: TLS not supported by this peer (plaintext only)');
  }
}

module.exports = { UsageError, parseFlags, boolFlag, portFlag, rejectTls };
