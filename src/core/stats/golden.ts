/** Golden-section search: the minimum of a function unimodal on [a, b]. */

const GOLDEN = (Math.sqrt(5) - 1) / 2;

/**
 * Minimises h on [a, b] by golden-section search (h unimodal there): at most `maxIter` steps, stopping
 * once the bracket is no wider than `tol(a, b)`. Ties move the upper end. Returns the better of the two
 * interior points and its value.
 */
export function goldenMin(
  h: (x: number) => number,
  a: number,
  b: number,
  maxIter: number,
  tol: (a: number, b: number) => number,
): { x: number; v: number } {
  let x1 = b - GOLDEN * (b - a);
  let x2 = a + GOLDEN * (b - a);
  let h1 = h(x1);
  let h2 = h(x2);
  for (let it = 0; it < maxIter && b - a > tol(a, b); it++) {
    if (h1 <= h2) {
      b = x2;
      x2 = x1;
      h2 = h1;
      x1 = b - GOLDEN * (b - a);
      h1 = h(x1);
    } else {
      a = x1;
      x1 = x2;
      h1 = h2;
      x2 = a + GOLDEN * (b - a);
      h2 = h(x2);
    }
  }
  return h1 <= h2 ? { x: x1, v: h1 } : { x: x2, v: h2 };
}
