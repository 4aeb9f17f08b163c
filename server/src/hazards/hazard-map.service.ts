import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '../common/clock.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import {
  type HazardCategory,
  type HazardLevel,
  type HazardListedSupervision,
  type HazardStatus,
  hazardCode,
} from '@muster/contracts';
import { HazardRepository } from './hazard.repository.js';
import { isOverdue } from '../zone/zone-time.js';

export interface HazardFeatureProperties {
  id: string;
  code: string;
  enterpriseId: string;
  enterpriseName: string;
  place: string;
  category: HazardCategory;
  level: HazardLevel;
  status: HazardStatus;
  deadline: string | null;
  overdue: boolean;
  /** False when the hazard has no point of its own and sits at its enterprise's site. */
  located: boolean;
  /** 挂牌督办: the regulator's listed supervision, marked on the map. */
  listedSupervision: HazardListedSupervision | null;
}

export interface HazardFeatureCollection {
  type: 'FeatureCollection';
  features: {
    type: 'Feature';
    id: string;
    geometry: { type: 'Point'; coordinates: [number, number] };
    properties: HazardFeatureProperties;
  }[];
}

/** The open-hazards layer of the zone map, as GeoJSON ([lng, lat]). */
@Injectable()
export class HazardMapService {
  constructor(
    private readonly hazards: HazardRepository,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async openHazards(): Promise<HazardFeatureCollection> {
    const rows = await this.hazards.openForMap();
    const now = this.clock.now();
    return {
      type: 'FeatureCollection',
      features: rows.map((h) => {
        const located = h.lat !== null && h.lng !== null;
        return {
          type: 'Feature' as const,
          id: h.id,
          geometry: {
            type: 'Point' as const,
            coordinates: located ? [h.lng!, h.lat!] : [h.siteLng, h.siteLat],
          },
          properties: {
            id: h.id,
            code: hazardCode(h.seq),
            enterpriseId: h.enterpriseId,
            enterpriseName: h.enterpriseName,
            place: h.place,
            category: h.category,
            level: h.level,
            status: h.status,
            deadline: h.deadline,
            overdue: isOverdue(h.deadline, now, this.config.TZ),
            located,
            listedSupervision: h.listedSupervision ?? null,
          },
        };
      }),
    };
  }
}
