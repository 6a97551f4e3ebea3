'use strict';
// Parses --name=value flags, rejecting unknown names with a message that lists the known ones.
function parseFlags(argv, defaults) {
  const flags = { ...defaults };
  for (const arg of argv) {
    const match = /^--([a-z-]+)=(.*)$/.exec(arg);
    if (!match || !(match[1] in defaults)) {
      throw new Error(`'${arg}' is invalid: expected one of ${Object.keys(defaults).map((k) => `--${k}=`).join(', ')}`);
    }
    flags[match[1]] = match[2];
  }
  return flags;
}

function parseDuration(name, text) {
  const match = /^(\d+(?:\.\d+)?)(ms|s)?$/.exec(text);
  if (!match) {
    throw new Error(`--${name}='${text}' is invalid: expected a duration such as 10s or 500ms`);
  }
  return Number(match[1]) * (match[2] === 'ms' ? 1 : 1000);
}

function parseInteger(name, text, min) {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`--${name}='${text}' is invalid: expected an integer >= ${min}`);
  }
  return value;
}

module.exports = { parseFlags, parseDuration, parseInteger };
