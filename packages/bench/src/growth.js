// How a target's server time grows with the number of councils, and whether it passes: linear
// (at most in proportion to the councils, with room for noise) and within the target at the largest size.

/** Room for measurement noise on a busy machine: a quarter on top of proportional growth, and a millisecond. */
export const GROWTH_SLACK = 1.25;
export const NOISE_MS = 1;

/**
 * The server time at `to` councils over that at `from`, beside the ratio of the councils
 * themselves (3 for 50 and 150): linear growth keeps the first at or under the second.
 */
export function growth(sizes, from, to) {
  const a = sizes.find((size) => size.councils === from);
  const b = sizes.find((size) => size.councils === to);
  if (!a || !b) throw new Error(`No measurement at ${a ? to : from} councils`);
  const councilsRatio = to / from;
  const serverRatio = a.serverMsEstimate > 0 ? b.serverMsEstimate / a.serverMsEstimate : Infinity;
  const linear = b.serverMsEstimate <= a.serverMsEstimate * councilsRatio * GROWTH_SLACK + NOISE_MS;
  return { from, to, councilsRatio, serverRatio, linear };
}

/** Passes when it grows linearly and its server time at the largest size is within the target. */
export function verdict(sizes, { from, to, targetMs }) {
  const grew = growth(sizes, from, to);
  const largest = sizes.find((size) => size.councils === to);
  const withinTarget = largest.serverMsEstimate <= targetMs;
  return { growth: grew, withinTarget, pass: grew.linear && withinTarget };
}
