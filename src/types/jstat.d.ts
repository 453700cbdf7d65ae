/** The part of jStat (npm `jstat`, no bundled types) the workbench uses: the normal and Student's t distributions. */
declare module 'jstat' {
  export const jStat: {
    readonly normal: {
      /** Φ(x) for a normal distribution with the given mean and standard deviation. */
      cdf(x: number, mean: number, sd: number): number;
      /** The p-quantile of a normal distribution with the given mean and standard deviation. */
      inv(p: number, mean: number, sd: number): number;
    };
    readonly studentt: {
      /** P(T ≤ x) for T with `dof` degrees of freedom. */
      cdf(x: number, dof: number): number;
      /** The p-quantile of T with `dof` degrees of freedom. */
      inv(p: number, dof: number): number;
    };
  };
}
