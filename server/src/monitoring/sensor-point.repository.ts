import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { Db } from '../database/db.js';
import { RequestContext } from '../common/request-context.js';
import { EnterpriseScopedRepository } from '../common/scoped.repository.js';
import { SensorPoint } from './sensor-point.entity.js';

@Injectable()
export class SensorPointRepository extends EnterpriseScopedRepository<SensorPoint> {
  protected readonly target = SensorPoint;
  protected readonly scopeProperty = 'enterpriseId';
  protected readonly notFoundMessage = 'Sensor point not found';

  constructor(db: Db, context: RequestContext) {
    super(db, context);
  }

  ofInstallation(installationId: string): Promise<SensorPoint[]> {
    return this.query('p')
      .andWhere('p.installationId = :installationId', { installationId })
      .orderBy('p.code', 'ASC')
      .getMany();
  }

  /** Every point of one enterprise, whatever the caller: ingestion is authenticated by its key or topic. */
  byEnterprise(enterpriseId: string): Promise<SensorPoint[]> {
    return this.repo.findBy({ enterpriseId });
  }

  anyByIds(ids: readonly string[]): Promise<SensorPoint[]> {
    return ids.length ? this.repo.findBy({ id: In([...new Set(ids)]) }) : Promise.resolve([]);
  }

  save(p: SensorPoint): Promise<SensorPoint> {
    this.assertInScope(p.enterpriseId);
    return this.repo.save(p);
  }
}
