import { Alarm } from './alarm.entity.js';
import { SensorPoint } from './sensor-point.entity.js';

export const MONITORING_ENTITIES = [SensorPoint, Alarm];
