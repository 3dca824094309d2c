/**
 * Small dense least squares for the explainers: minimise ‖A·v − y‖² + λ‖D·v‖² by Householder QR.
 *
 * Numerically careful choices:
 * - columns are scaled to unit 2-norm first (D = diag of the column norms, so λ acts on the scaled problem and
 *   does not depend on the units of each column);
 * - the ridge is applied by appending √λ·I rows to the scaled matrix, and the augmented matrix is factored by
 *   Householder reflections (never forming AᵀA, whose condition number is the square of A's): this keeps the
 *   solve stable when two basis columns coincide (two ReLUs dragged onto the same kink), where plain QR would
 *   divide by a zero diagonal. λ = 1e−12 by default, far below any error the explainers show;
 * - columns whose norm is ≤ 1e−280 count as zero columns (weight 0), and a numerically zero pivot gives weight 0.
 */

/** Columns with a 2-norm at or below this are treated as zero (their weight is 0): 1/norm would overflow. */
const TINY_COLUMN = 1e-280;

export interface LeastSquaresResult {
  /** The solution v (length n). */
  readonly solution: Float64Array;
  /** Residual y − A·v at the m data rows. */
  readonly residual: Float64Array;
}

/**
 * Solves min_v ‖A·v − y‖² + λ‖D·v‖² for A given column-major (m rows × n columns, `a[j·m + i]` = A[i][j]).
 * `a` and `y` are not modified. Throws RangeError for inconsistent sizes or a negative/non-finite λ.
 */
export function leastSquares(a: Float64Array, m: number, n: number, y: Float64Array, ridge = 1e-12): LeastSquaresResult {
  if (a.length !== m * n || y.length !== m || !Number.isInteger(m) || !Number.isInteger(n) || n < 1) {
    throw new RangeError(`least squares: A must be m × n = ${m} × ${n} (got ${a.length} values) and y length m`);
  }
  if (!(ridge >= 0) || !Number.isFinite(ridge)) {
    throw new RangeError(`least squares: ridge must be finite and ≥ 0 (got ${ridge})`);
  }
  const rows = m + n;
  // Augmented, column-scaled copy: [A·D⁻¹; √λ·I] and [y; 0].
  const q = new Float64Array(rows * n);
  const scale = new Float64Array(n);
  const zeroColumn = new Uint8Array(n);
  const sqrtRidge = Math.sqrt(ridge);
  for (let j = 0; j < n; j++) {
    // ‖column‖ = max|aᵢ|·√Σ(aᵢ/max)²: no underflow for tiny columns, no overflow for huge ones.
    let big = 0;
    for (let i = 0; i < m; i++) {
      big = Math.max(big, Math.abs(a[j * m + i]));
    }
    let ss = 0;
    if (big > 0 && Number.isFinite(big)) {
      for (let i = 0; i < m; i++) {
        const t = a[j * m + i] / big;
        ss += t * t;
      }
    }
    const norm = big * Math.sqrt(ss);
    if (norm > TINY_COLUMN && Number.isFinite(norm)) {
      scale[j] = norm;
      for (let i = 0; i < m; i++) {
        q[j * rows + i] = a[j * m + i] / norm;
      }
    } else {
      scale[j] = 1; // a zero (or denormal-sized) column: left at 0; its weight is set to 0 (the ridge's minimiser)
      zeroColumn[j] = 1;
    }
    q[j * rows + m + j] = sqrtRidge;
  }
  const rhs = new Float64Array(rows);
  rhs.set(y);
  // Householder QR, applying each reflection to the remaining columns and to rhs.
  const diag = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const col = k * rows;
    let ss = 0;
    for (let i = k; i < rows; i++) {
      ss += q[col + i] * q[col + i];
    }
    const norm = Math.sqrt(ss);
    if (norm === 0) {
      diag[k] = 0;
      continue;
    }
    const alpha = q[col + k] > 0 ? -norm : norm;
    // v = x − alpha·e₁ stored in place; vᵀv = 2·norm·(norm + |x_k|).
    q[col + k] -= alpha;
    const vtv = 2 * norm * (norm + Math.abs(q[col + k] + alpha));
    if (!(vtv > 0) || !Number.isFinite(vtv)) {
      q[col + k] += alpha; // numerically zero column below the diagonal: no reflection, zero pivot
      diag[k] = 0;
      continue;
    }
    diag[k] = alpha;
    for (let j = k + 1; j < n; j++) {
      const cj = j * rows;
      let dot = 0;
      for (let i = k; i < rows; i++) {
        dot += q[col + i] * q[cj + i];
      }
      const f = (2 * dot) / vtv;
      for (let i = k; i < rows; i++) {
        q[cj + i] -= f * q[col + i];
      }
    }
    let dot = 0;
    for (let i = k; i < rows; i++) {
      dot += q[col + i] * rhs[i];
    }
    const f = (2 * dot) / vtv;
    for (let i = k; i < rows; i++) {
      rhs[i] -= f * q[col + i];
    }
  }
  // Back substitution R·z = (Qᵀ rhs)[0..n); R's diagonal is diag, above it q[j·rows + k] (k < j).
  const z = new Float64Array(n);
  for (let k = n - 1; k >= 0; k--) {
    let s = rhs[k];
    for (let j = k + 1; j < n; j++) {
      s -= q[j * rows + k] * z[j];
    }
    z[k] = diag[k] === 0 ? 0 : s / diag[k];
  }
  const solution = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    solution[j] = zeroColumn[j] === 1 ? 0 : z[j] / scale[j];
  }
  const residual = Float64Array.from(y);
  for (let j = 0; j < n; j++) {
    const vj = solution[j];
    if (vj !== 0) {
      for (let i = 0; i < m; i++) {
        residual[i] -= a[j * m + i] * vj;
      }
    }
  }
  return { solution, residual };
}
