/**
 * The least-squares line y = intercept + slope * x through the points, and R², the share of
 * the variation in y the line explains (1 is a perfect line).
 */
export function linearFit(points) {
  const n = points.length;
  if (n < 2) throw new Error('A line needs at least two points');
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / n;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxx = points.reduce((sum, [x]) => sum + (x - meanX) ** 2, 0);
  const sxy = points.reduce((sum, [x, y]) => sum + (x - meanX) * (y - meanY), 0);
  const slope = sxy / sxx;
  const intercept = meanY - slope * meanX;
  const total = points.reduce((sum, [, y]) => sum + (y - meanY) ** 2, 0);
  const residual = points.reduce((sum, [x, y]) => sum + (y - (intercept + slope * x)) ** 2, 0);
  return { slope, intercept, r2: total === 0 ? 1 : 1 - residual / total };
}
