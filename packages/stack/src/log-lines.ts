/** One JSON log line, as the API (pino) and the portal write them. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

/** The JSON lines of a server's output; anything else it printed is left out. */
export const logLines = (output: string): LogLine[] =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
