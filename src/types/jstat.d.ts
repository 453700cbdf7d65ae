/** The part of jStat (https://jstat.github.io) the workbench uses: the standard normal distribution. */
declare module 'jstat' {
  export const jStat: {
    normal: {
      /** Φ(x) for a normal distribution with the given mean and standard deviation. */
      cdf(x: number, mean: number, sd: number): number;
      /** The p-quantile of a normal distribution with the given mean and standard deviation. */
      inv(p: number, mean: number, sd: number): number;
    };
  };
}
