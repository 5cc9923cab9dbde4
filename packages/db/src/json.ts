/** Lists of plain values are stored as JSON text, the one representation both dialects share. */
export const toJson = (value: unknown): string => JSON.stringify(value);

export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
