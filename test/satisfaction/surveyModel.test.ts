import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/data/InputError';
import { loadSurveyModel, parseSurveyModel } from '../../src/satisfaction/surveyModel';

const base = () => ({ constructs: { A: ['a1', 'a2'], B: { items: ['b1'], mode: 'B' }, C: ['c1', 'c2'] }, paths: [['A', 'B'], ['B', 'C']] as [string, string][] });

function failure(json: unknown): InputError {
  try {
    parseSurveyModel(json, 'model.json');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

describe('the shipped ICSI model (src/satisfaction/icsi-model.json)', () => {
  it('has the seven constructs of S3 art. 24 with their Chinese names, 24 items and the ECSI paths', () => {
    const model = loadSurveyModel(path.resolve(__dirname, '..', '..', 'src', 'satisfaction', 'icsi-model.json'));
    expect(model.constructs.map((c) => `${c.name} ${c.name_zh}`)).toEqual([
      'Image 企业形象', 'Expectation 客户期望', 'Quality 感知质量', 'Value 感知价值', 'Satisfaction 客户满意度', 'Complaints 客户关系管理', 'Loyalty 客户忠诚度',
    ]);
    expect(model.constructs.flatMap((c) => c.items)).toHaveLength(24);
    expect(model.paths).toHaveLength(12);
    expect(model.scale).toEqual({ min: 1, max: 10 });
  });
});

describe('parseSurveyModel()', () => {
  it('reads a bare item list as mode A and keeps the file order of constructs', () => {
    const model = parseSurveyModel(base(), 'model.json');
    expect(model.constructs.map((c) => [c.name, c.mode])).toEqual([['A', 'A'], ['B', 'B'], ['C', 'A']]);
    expect(model.scale).toBeNull();
  });

  it('names the file and the entry of a path to an unknown construct', () => {
    const e = failure({ ...base(), paths: [['A', 'B'], ['B', 'D']] });
    expect(e.message).toContain('model.json, column paths[1]');
    expect(e.message).toContain('found "D"');
  });

  it('names the path that closes a cycle', () => {
    const e = failure({ ...base(), paths: [['A', 'B'], ['B', 'C'], ['C', 'A']] });
    expect(e.message).toContain('paths[2]');
    expect(e.message).toContain('without a cycle');
  });

  it('rejects a construct without items, an item in two constructs, an unknown mode and an unconnected construct', () => {
    expect(failure({ ...base(), constructs: { ...base().constructs, C: [] } }).message).toContain('constructs.C.items');
    expect(failure({ ...base(), constructs: { ...base().constructs, C: ['c1', 'a2'] } }).message).toContain('already measures A');
    expect(failure({ ...base(), constructs: { ...base().constructs, B: { items: ['b1'], mode: 'C' } } }).message).toContain('constructs.B.mode');
    expect(failure({ ...base(), constructs: { ...base().constructs, D: ['d1'] } }).message).toContain('constructs.D');
  });

  it('rejects a repeated path, a self path and a scale whose max is not above its min', () => {
    expect(failure({ ...base(), paths: [['A', 'B'], ['A', 'B'], ['B', 'C']] }).message).toContain('each path once');
    expect(failure({ ...base(), paths: [['A', 'A'], ['B', 'C']] }).message).toContain('two different constructs');
    expect(failure({ ...base(), scale: { min: 10, max: 1 } }).message).toContain('scale');
  });
});
