import type { PlsFit } from './estimatePls';

/**
 * Construct (latent variable) scores of respondents: score_ij = Σ_h∈j w_h (x_ih − mean_h)/sd_h with
 * the fit's standardised outer weights, so each score has (weighted) mean 0 and variance 1 on the
 * data the model was estimated on. For analysis in memory only: scores are respondent-level and
 * are never written to reports or evidence (S3 art. 34).
 * @param values answers (missing ones replaced), row-major n×p in `fit.design.items` order
 * @returns row-major n×m scores
 * @example latentScores(fit, matrix.values) // Float64Array of n × 7 scores for the ICSI model
 */
export function latentScores(fit: PlsFit, values: Float64Array): Float64Array {
  const { design, weights, mean, sd } = fit;
  const p = design.items.length;
  const m = design.constructs.length;
  const n = values.length / p;
  const scores = new Float64Array(n * m);
  for (let i = 0; i < n; i++) {
    for (let h = 0; h < p; h++) scores[i * m + design.blockOf[h]] += (weights[h] * (values[i * p + h] - mean[h])) / sd[h];
  }
  return scores;
}
