/** Closed-form queueing results the admin queue is validated against. */

/** Erlang C: probability that an arrival waits in M/M/c with offered load a = λ/μ (a < c). */
export function erlangC(c: number, a: number): number {
  let term = 1;
  let sum = 1; // k = 0
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const top = ((term * a) / c) * (c / (c - a)); // a^c / c! · c / (c − a)
  return top / (sum + top);
}

/** Mean wait in queue of M/M/c (s): C(c, a) / (cμ − λ). */
export function mmcWait(c: number, lambda: number, mu: number): number {
  return erlangC(c, lambda / mu) / (c * mu - lambda);
}

/** Pollaczek–Khinchine mean wait of M/G/1 (s): λ E[S²] / (2 (1 − ρ)). */
export function pkWait(lambda: number, meanS: number, secondMomentS: number): number {
  return (lambda * secondMomentS) / (2 * (1 - lambda * meanS));
}

/**
 * Cobham (1954): mean wait of class k in a non-preemptive priority M/G/1 queue,
 * W_k = W0 / ((1 − σ_{k−1})(1 − σ_k)), W0 = Σ λ_i E[S_i²] / 2, σ_k = Σ_{i ≤ k} ρ_i.
 */
export function cobhamWait(lambdas: number[], means: number[], secondMoments: number[], k: number): number {
  let w0 = 0;
  for (let i = 0; i < lambdas.length; i++) w0 += ((lambdas[i] as number) * (secondMoments[i] as number)) / 2;
  let sigmaBefore = 0;
  for (let i = 0; i < k; i++) sigmaBefore += (lambdas[i] as number) * (means[i] as number);
  const sigma = sigmaBefore + (lambdas[k] as number) * (means[k] as number);
  return w0 / ((1 - sigmaBefore) * (1 - sigma));
}
