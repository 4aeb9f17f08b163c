import { Module } from '@nestjs/common';
import { MeasureProviders } from './measure-providers.js';

/**
 * The assessment's measure registry, below every domain that measures something: each imports
 * this module and registers its providers, and the assessment reads them all through it.
 */
@Module({ providers: [MeasureProviders], exports: [MeasureProviders] })
export class MeasuresModule {}
