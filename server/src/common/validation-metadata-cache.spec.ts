import { describe, expect, it } from '@jest/globals';
import { IsInt, IsString, Min, validate } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache.js';

const failed = async (o: object) =>
  (await validate(o))
    .map((e) => [e.property, Object.keys(e.constraints!)])
    .sort((a, b) => (a[0]! < b[0]! ? -1 : 1));

describe('remembered validation rules', () => {
  it('validate as before, with parents, and take rules registered after they were first read', async () => {
    class Report {
      @IsString() title!: string;
    }
    cacheValidationMetadata();
    const bad = Object.assign(new Report(), { title: 1 });
    expect(await failed(bad)).toEqual([['title', ['isString']]]);
    expect(await failed(bad)).toEqual([['title', ['isString']]]);
    expect(await failed(Object.assign(new Report(), { title: 'ok' }))).toEqual([]);

    // A class defined after the first validations: its parent's rules and its own.
    class Supplement extends Report {
      @IsInt() deaths!: number;
    }
    expect(await failed(Object.assign(new Supplement(), { title: 2, deaths: 'x' }))).toEqual([
      ['deaths', ['isInt']],
      ['title', ['isString']],
    ]);

    // A rule added to a class already validated (and remembered) applies from then on.
    Min(0)(Supplement.prototype, 'deaths');
    expect(await failed(Object.assign(new Supplement(), { title: 'ok', deaths: -1 }))).toEqual([
      ['deaths', ['min']],
    ]);
    expect(await failed(Object.assign(new Report(), { title: 3 }))).toEqual([['title', ['isString']]]);
  });
});
