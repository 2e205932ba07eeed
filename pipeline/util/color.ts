// Whether to colour output: --color / --no-color first, then NO_COLOR (any value turns it off), then
// FORCE_COLOR (0 or false off, anything else on), then whether the stream is a terminal that has colours.
// Never into a file unless --color says so.

export function useColor(flag: boolean | undefined, stream: { isTTY?: boolean; hasColors?: () => boolean }, toFile = false): boolean {
  if (flag !== undefined) return flag;
  if (toFile) return false;
  if ((process.env.NO_COLOR ?? '') !== '') return false;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (!stream.isTTY) return false;
  return typeof stream.hasColors === 'function' ? stream.hasColors() : true;
}
