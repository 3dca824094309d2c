/**
 * Turning sampled points into drawable pixel polylines: breaks at non-finite samples, clipping of steep
 * parts to the plot's y-window (a clipped line ends exactly at the window edge, it is never clamped along
 * it), and Ramer–Douglas–Peucker simplification so straight stretches cost two points.
 */

export type Point = readonly [number, number];

/**
 * Split samples (xs[i], ys[i]) into runs of finite points clipped to y ∈ [yLo, yHi] (x is assumed in range).
 * A run ends at a non-finite sample or where the curve leaves the window; a segment from outside to inside
 * starts a run at its crossing; a segment crossing the whole window is kept as a two-point run. Returns runs
 * in data coordinates, each with ≥ 2 points.
 */
export function clipRuns(xs: ArrayLike<number>, ys: ArrayLike<number>, yLo: number, yHi: number): Point[][] {
  const runs: Point[][] = [];
  let run: Point[] = [];
  const flush = (): void => {
    if (run.length >= 2) {
      runs.push(run);
    }
    run = [];
  };
  const cross = (x0: number, y0: number, x1: number, y1: number, yb: number): Point => {
    const dy = y1 - y0;
    const t = Number.isFinite(dy) && dy !== 0 ? (yb - y0) / dy : 0.5;
    return [x0 + (x1 - x0) * Math.min(1, Math.max(0, t)), yb];
  };
  const n = Math.min(xs.length, ys.length);
  for (let i = 0; i < n; i++) {
    const x1 = xs[i];
    const y1 = ys[i];
    if (!Number.isFinite(x1) || !Number.isFinite(y1)) {
      flush();
      continue;
    }
    const in1 = y1 >= yLo && y1 <= yHi;
    const prevOk = i > 0 && Number.isFinite(xs[i - 1]) && Number.isFinite(ys[i - 1]);
    if (!prevOk) {
      if (in1) {
        run.push([x1, y1]);
      }
      continue;
    }
    const x0 = xs[i - 1];
    const y0 = ys[i - 1];
    const in0 = y0 >= yLo && y0 <= yHi;
    if (in0 && in1) {
      if (run.length === 0) {
        run.push([x0, y0]);
      }
      run.push([x1, y1]);
    } else if (in0 && !in1) {
      if (run.length === 0) {
        run.push([x0, y0]);
      }
      run.push(cross(x0, y0, x1, y1, y1 > yHi ? yHi : yLo));
      flush();
    } else if (!in0 && in1) {
      flush();
      run.push(cross(x0, y0, x1, y1, y0 > yHi ? yHi : yLo), [x1, y1]);
    } else if ((y0 > yHi && y1 < yLo) || (y0 < yLo && y1 > yHi)) {
      flush();
      run.push(cross(x0, y0, x1, y1, y0 > yHi ? yHi : yLo), cross(x0, y0, x1, y1, y1 > yHi ? yHi : yLo));
      flush();
    }
  }
  flush();
  return runs;
}

/**
 * Ramer–Douglas–Peucker: the subset of `pts` (first and last always kept) such that every dropped point lies
 * within `tolerance` (same units as the points) of the kept polyline.
 */
export function simplify(pts: readonly Point[], tolerance: number): Point[] {
  if (pts.length <= 2) {
    return pts.slice();
  }
  const keep = new Uint8Array(pts.length);
  keep[0] = 1;
  keep[pts.length - 1] = 1;
  const stack: [number, number][] = [[0, pts.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = pts[a];
    const [bx, by] = pts[b];
    const dx = bx - ax;
    const dy = by - ay;
    const len = Math.hypot(dx, dy);
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = pts[i];
      const d = len > 0 ? Math.abs(dy * (px - ax) - dx * (py - ay)) / len : Math.hypot(px - ax, py - ay);
      if (d > worst) {
        worst = d;
        at = i;
      }
    }
    if (at >= 0 && worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return pts.filter((_, i) => keep[i] === 1);
}
