import {
  CONSEQUENCE_MODELS,
  FUELS,
  INPUT_LIMITS,
  STABILITY_CLASSES,
  TERRAINS,
  TOXIC_SUBSTANCES,
  type ConsequenceModel,
  type StabilityClass,
  type Terrain,
} from '@muster/contracts';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsNumber, IsObject, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsOmittable, trim } from '../common/validation.js';
import { GeoPointDto } from '../enterprises/enterprise.dto.js';

function Bounded(field: keyof typeof INPUT_LIMITS, description: string): PropertyDecorator {
  const [min, max] = INPUT_LIMITS[field];
  return (target, key) => {
    ApiPropertyOptional({ description, minimum: min, maximum: max })(target, key);
    IsOmittable()(target, key);
    IsNumber({ allowNaN: false, allowInfinity: false })(target, key);
    Min(min)(target, key);
    Max(max)(target, key);
  };
}

/**
 * A model run. Which fields a model needs: plume — substance, releaseRateKgS (or massKg with
 * durationS), durationS, windSpeedMS, windFromDeg, stability, terrain, sourceHeightM; puff — the
 * same with massKg instead of the rate; pool_fire — fuel, poolAreaM2, radiativeFraction; vce —
 * fuel, massKg, yieldFactor. A field the model needs and lacks is a 400 naming it.
 */
export class ConsequenceRunDto {
  @ApiProperty({ enum: CONSEQUENCE_MODELS }) @IsIn(CONSEQUENCE_MODELS) model: ConsequenceModel;

  @ApiProperty({ type: GeoPointDto, description: 'Where the release is' })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  source: GeoPointDto;

  @ApiPropertyOptional({ description: "The run's title in the room; made from the inputs when left out" })
  @IsOmittable()
  @Transform(trim)
  @IsString()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ enum: TOXIC_SUBSTANCES.map((s) => s.id) })
  @IsOmittable()
  @IsIn(TOXIC_SUBSTANCES.map((s) => s.id))
  substance?: string;

  @Bounded('releaseRateKgS', 'Release rate, kg/s (plume)') releaseRateKgS?: number;
  @Bounded('massKg', 'Mass released, kg (puff, vapour cloud; or over durationS for a plume)') massKg?: number;
  @Bounded('durationS', 'How long the release lasts, s (plume)') durationS?: number;
  @Bounded('sourceHeightM', 'Height of the release above ground, m') sourceHeightM?: number;
  @Bounded('windSpeedMS', 'Wind speed at 10 m, m/s') windSpeedMS?: number;
  @Bounded('windFromDeg', 'Where the wind blows from, degrees clockwise from north') windFromDeg?: number;

  @ApiPropertyOptional({ enum: STABILITY_CLASSES })
  @IsOmittable()
  @IsIn(STABILITY_CLASSES)
  stability?: StabilityClass;

  @ApiPropertyOptional({ enum: TERRAINS }) @IsOmittable() @IsIn(TERRAINS) terrain?: Terrain;

  @ApiPropertyOptional({ enum: FUELS.map((f) => f.id) })
  @IsOmittable()
  @IsIn(FUELS.map((f) => f.id))
  fuel?: string;

  @Bounded('poolAreaM2', 'Pool area, m²') poolAreaM2?: number;
  @Bounded('radiativeFraction', 'Fraction of the heat radiated (default 0.35)') radiativeFraction?: number;
  @Bounded('yieldFactor', 'TNT equivalence factor of the cloud (default 0.04)') yieldFactor?: number;
}
