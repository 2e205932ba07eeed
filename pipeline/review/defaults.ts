// Where `copydesk review` listens by default: apart from server.ts, so the command line's help needs no server code.
export const DEFAULT_PORT = 4477;
export const DEFAULT_HOST = '127.0.0.1';
