import { describe, expect, it } from 'vitest';
import { riskClassAtLeast, riskClassOf } from '../../src/capital/riskRating';

// C-ROSS phase II (偿付能力监管规则第10号, 2021): class A = AAA, AA, A; class B = BBB, BB, B; then C and D.
describe('risk ratings in C-ROSS classes', () => {
  it('maps every rating to its class', () => {
    expect(['AAA', 'AA', 'A', 'BBB', 'BB', 'B', 'CCC', 'CC', 'C', 'D'].map((r) => riskClassOf(r as never))).toEqual(['A', 'A', 'A', 'B', 'B', 'B', 'C', 'C', 'C', 'D']);
  });

  it('"B类及以上" admits the lowest B and refuses the highest C', () => {
    expect(riskClassAtLeast('B', 'B')).toBe(true);
    expect(riskClassAtLeast('BBB', 'B')).toBe(true);
    expect(riskClassAtLeast('A', 'B')).toBe(true);
    expect(riskClassAtLeast('CCC', 'B')).toBe(false);
    expect(riskClassAtLeast('C', 'B')).toBe(false);
  });

  it('"A类以上" admits the lowest A and refuses the highest B', () => {
    expect(riskClassAtLeast('A', 'A')).toBe(true);
    expect(riskClassAtLeast('AAA', 'A')).toBe(true);
    expect(riskClassAtLeast('BBB', 'A')).toBe(false);
  });

  it('class C or better admits C and refuses D', () => {
    expect(riskClassAtLeast('C', 'C')).toBe(true);
    expect(riskClassAtLeast('D', 'C')).toBe(false);
  });
});
