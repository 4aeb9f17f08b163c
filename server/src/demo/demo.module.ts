import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { DemoSeedService } from './demo-seed.service.js';

@Module({ imports: [EnterpriseModule], providers: [DemoSeedService], exports: [DemoSeedService] })
export class DemoModule {}
