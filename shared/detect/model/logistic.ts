/** Logistic regression: scoring with per-feature contributions (explainable), and a small trainer. */
export interface LogisticModel {
  kind: 'logistic-regression';
  features: string[];
  /** Standardisation applied before the weights: (x - mean) / std. */
  mean: number[];
  std: number[];
  weights: number[];
  bias: number;
  threshold: number;
  trainedOn?: string;
  metrics?: Record<string, number>;
}

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** The model's log-odds for x: bias plus each weight times the standardised feature. */
export function logOdds(m: LogisticModel, x: number[]): number {
  let z = m.bias;
  for (let i = 0; i < m.features.length; i++) z += ((m.weights[i] ?? 0) * ((x[i] ?? 0) - (m.mean[i] ?? 0))) / (m.std[i] || 1);
  return z;
}

export function score(m: LogisticModel, x: number[]): { p: number; contributions: Array<{ feature: string; value: number; contribution: number }> } {
  let z = m.bias;
  const contributions = m.features.map((f, i) => {
    const v = x[i] ?? 0;
    const c = (m.weights[i] ?? 0) * ((v - (m.mean[i] ?? 0)) / (m.std[i] || 1));
    z += c;
    return { feature: f, value: v, contribution: c };
  });
  contributions.sort((a, b) => b.contribution - a.contribution);
  return { p: sigmoid(z), contributions };
}

/** Full-batch gradient descent with L2; deterministic. */
export function train(features: string[], X: number[][], y: number[], opts: { epochs?: number; lr?: number; l2?: number; threshold?: number } = {}): LogisticModel {
  const d = features.length, n = X.length;
  const mean = new Array<number>(d).fill(0), std = new Array<number>(d).fill(0);
  for (const x of X) for (let j = 0; j < d; j++) mean[j]! += (x[j] ?? 0) / Math.max(n, 1);
  for (const x of X) for (let j = 0; j < d; j++) std[j]! += ((x[j] ?? 0) - mean[j]!) ** 2 / Math.max(n, 1);
  for (let j = 0; j < d; j++) std[j] = Math.sqrt(std[j]!) || 1;
  const Z = X.map((x) => x.map((v, j) => (v - mean[j]!) / std[j]!));
  const pos = y.filter((v) => v === 1).length;
  const wPos = pos ? n / (2 * pos) : 1, wNeg = n - pos ? n / (2 * (n - pos)) : 1;
  const w = new Array<number>(d).fill(0);
  let b = 0;
  const epochs = opts.epochs ?? 2000, lr = opts.lr ?? 0.1, l2 = opts.l2 ?? 0.01;
  for (let e = 0; e < epochs; e++) {
    const gw = new Array<number>(d).fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      const z = Z[i]!;
      let s = b;
      for (let j = 0; j < d; j++) s += w[j]! * z[j]!;
      const err = (sigmoid(s) - y[i]!) * (y[i] === 1 ? wPos : wNeg);
      for (let j = 0; j < d; j++) gw[j]! += err * z[j]!;
      gb += err;
    }
    for (let j = 0; j < d; j++) w[j]! -= lr * (gw[j]! / Math.max(n, 1) + l2 * w[j]!);
    b -= (lr * gb) / Math.max(n, 1);
  }
  return { kind: 'logistic-regression', features, mean, std, weights: w, bias: b, threshold: opts.threshold ?? 0.5 };
}
