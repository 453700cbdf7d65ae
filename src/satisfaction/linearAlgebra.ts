import { CholeskyDecomposition, Matrix } from 'ml-matrix';

/**
 * Solves A·x = b for a small symmetric positive definite matrix A (k×k, row-major), as in the
 * normal equations of a regression on standardised scores. Uses ml-matrix's Cholesky decomposition.
 * @returns x, or null when A is not positive definite (collinear or constant predictors).
 * @example solveSymmetric(new Float64Array([4, 2, 2, 3]), 2, new Float64Array([2, 1])) // Float64Array [0.5, 0]
 */
export function solveSymmetric(a: Float64Array, k: number, b: Float64Array): Float64Array | null {
  if (k === 1) return a[0] > 0 ? new Float64Array([b[0] / a[0]]) : null;
  const rows: number[][] = [];
  for (let i = 0; i < k; i++) rows.push(Array.from(a.subarray(i * k, i * k + k)));
  const cholesky = new CholeskyDecomposition(new Matrix(rows));
  if (!cholesky.isPositiveDefinite()) return null;
  const x = cholesky.solve(Matrix.columnVector(Array.from(b)));
  return Float64Array.from(x.getColumn(0));
}

/**
 * The inverse of a small symmetric positive definite matrix (k×k, row-major), for variance
 * inflation factors (the diagonal of the inverse correlation matrix).
 * @returns the inverse, row-major, or null when the matrix is not positive definite.
 * @example inverseSymmetric(new Float64Array([2, 0, 0, 4]), 2) // Float64Array [0.5, 0, 0, 0.25]
 */
export function inverseSymmetric(a: Float64Array, k: number): Float64Array | null {
  const rows: number[][] = [];
  for (let i = 0; i < k; i++) rows.push(Array.from(a.subarray(i * k, i * k + k)));
  const cholesky = new CholeskyDecomposition(new Matrix(rows));
  if (!cholesky.isPositiveDefinite()) return null;
  return Float64Array.from(cholesky.solve(Matrix.eye(k, k)).to1DArray());
}
