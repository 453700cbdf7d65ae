/** The part of jStat (npm `jstat`, no bundled types) the workbench uses: Student's t distribution. */
declare module 'jstat' {
  export const jStat: {
    readonly studentt: {
      /** P(T ≤ x) for T with `dof` degrees of freedom. */
      cdf(x: number, dof: number): number;
      /** The p-quantile of T with `dof` degrees of freedom. */
      inv(p: number, dof: number): number;
    };
  };
}
