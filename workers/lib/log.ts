/** Structured JSON logs, one object per line. Keys that could carry credentials are redacted before writing. */
type Fields = Record<string, unknown>;

const SECRET_KEY = /pass(word)?|token|secret|authorization|cookie|api[-_]?key|signature/i;

function redact(value: unknown, depth = 0): unknown {
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [key, SECRET_KEY.test(key) ? "[redacted]" : redact(inner, depth + 1)]),
  );
}

export interface Logger {
  debug(message: string, fields?: Fields): void;
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, fields?: Fields): void;
  child(fields: Fields): Logger;
}

export function createLogger(base: Fields = {}): Logger {
  const write = (level: string, message: string, fields: Fields = {}) => {
    const line = JSON.stringify(redact({ time: new Date().toISOString(), level, message, ...base, ...fields }));
    if (level === "error") console.error(line);
    else console.log(line);
  };
  return {
    debug: (message, fields) => write("debug", message, fields),
    info: (message, fields) => write("info", message, fields),
    warn: (message, fields) => write("warn", message, fields),
    error: (message, fields) => write("error", message, fields),
    child: (fields) => createLogger({ ...base, ...fields }),
  };
}
