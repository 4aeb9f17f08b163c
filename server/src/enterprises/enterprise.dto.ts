import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
  registerDecorator,
  type ValidationArguments,
} from 'class-validator';
import { PageQueryDto } from '../common/paging.dto.js';
import {
  EVALUATION_CATEGORIES,
  type EvaluationCategory,
  type GeoJsonPolygon,
  REGULATORY_CATEGORIES,
  RISK_CLASSES,
  type RegulatoryCategory,
  type RiskClass,
  SIZE_CLASSES,
  type SizeClass,
} from '@muster/contracts';
import { CREDIT_CODE_MESSAGES, creditCodeProblem } from './credit-code.js';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

function IsCreditCode() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isCreditCode',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (v: unknown) => typeof v === 'string' && creditCodeProblem(v) === null,
        defaultMessage: (args: ValidationArguments) => {
          const v = args.value;
          const problem = typeof v === 'string' ? creditCodeProblem(v) : 'length';
          return `${args.property} ${CREDIT_CODE_MESSAGES[problem ?? 'check']}`;
        },
      },
    });
}

/** GeoJSON Polygon/MultiPolygon with closed rings of [lng, lat] positions. */
function IsPolygonGeometry() {
  return (object: object, propertyName: string) =>
    registerDecorator({
      name: 'isPolygonGeometry',
      target: object.constructor,
      propertyName,
      validator: {
        validate: (v: unknown) => isPolygonGeometry(v),
        defaultMessage: (args: ValidationArguments) =>
          `${args.property} must be a GeoJSON Polygon or MultiPolygon with closed rings of [lng, lat] positions`,
      },
    });
}

export function isPolygonGeometry(v: unknown): v is GeoJsonPolygon {
  if (typeof v !== 'object' || v === null) return false;
  const g = v as { type?: unknown; coordinates?: unknown };
  const ring = (r: unknown) =>
    Array.isArray(r) &&
    r.length >= 4 &&
    r.every(
      (p) =>
        Array.isArray(p) &&
        p.length >= 2 &&
        typeof p[0] === 'number' &&
        typeof p[1] === 'number' &&
        Math.abs(p[0]) <= 180 &&
        Math.abs(p[1]) <= 90,
    ) &&
    r[0][0] === r[r.length - 1][0] &&
    r[0][1] === r[r.length - 1][1];
  const polygon = (p: unknown) => Array.isArray(p) && p.length >= 1 && p.every(ring);
  if (g.type === 'Polygon') return polygon(g.coordinates);
  if (g.type === 'MultiPolygon')
    return Array.isArray(g.coordinates) && g.coordinates.length > 0 && g.coordinates.every(polygon);
  return false;
}

export class GeoPointDto {
  @ApiProperty({ minimum: -90, maximum: 90, example: 33.99 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-90)
  @Max(90)
  lat: number;

  @ApiProperty({ minimum: -180, maximum: 180, example: 116.83 })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-180)
  @Max(180)
  lng: number;
}

const PHONE = /^\+?[0-9][0-9\- ]{4,19}$/;

export class EnterpriseCreateDto {
  @ApiProperty({ example: '淮北华晟煤化工有限公司' })
  @Transform(trim)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  name: string;

  @ApiProperty({ description: '统一社会信用代码, GB 32100-2015', example: '91340600MA2N0A0A0X' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsCreditCode()
  creditCode: string;

  @ApiProperty({ example: '煤化工' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  industry: string;

  @ApiProperty({ enum: RISK_CLASSES })
  @IsIn(RISK_CLASSES)
  riskClass: RiskClass;

  @ApiPropertyOptional({
    enum: SIZE_CLASSES,
    nullable: true,
    description: 'Size per the NBS standard; null or absent: not recorded (MEM Order 2 Art. 35)',
  })
  @IsOptional()
  @IsIn(SIZE_CLASSES)
  sizeClass?: SizeClass | null;

  @ApiPropertyOptional({
    enum: EVALUATION_CATEGORIES,
    nullable: true,
    description: 'What MEM Order 2 Art. 35 lists for the 3-yearly plan evaluation; `other` for none',
  })
  @IsOptional()
  @IsIn(EVALUATION_CATEGORIES)
  evaluationCategory?: EvaluationCategory | null;

  @ApiPropertyOptional({
    enum: REGULATORY_CATEGORIES,
    nullable: true,
    description:
      'MEM Order 2 Art. 33 category (half-yearly drills reported to the department for all but `other`); null: not yet recorded',
  })
  @IsOptional()
  @IsIn(REGULATORY_CATEGORIES)
  regulatoryCategory?: RegulatoryCategory | null;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  address: string;

  @ApiProperty({ type: GeoPointDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeoPointDto)
  location: GeoPointDto;

  @ApiPropertyOptional({ description: 'Site outline, GeoJSON Polygon or MultiPolygon', nullable: true })
  @IsOptional()
  @IsPolygonGeometry()
  outline?: GeoJsonPolygon | null;

  @ApiProperty({ description: '法定代表人 (first person responsible)' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  legalRepresentative: string;

  @ApiPropertyOptional({
    nullable: true,
    description: '实际控制人 (also a first person responsible; may be the legal representative)',
  })
  @IsOptional()
  @Transform(trim)
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  actualController?: string | null;

  @ApiProperty({ description: '安全负责人' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  safetyLead: string;

  @ApiProperty({ description: '值班电话', example: '0561-3012345' })
  @Transform(trim)
  @Matches(PHONE, {
    message: 'dutyPhone must be a phone number (digits, spaces, dashes, optional leading +)',
  })
  dutyPhone: string;
}

export class EnterpriseUpdateDto extends PartialType(EnterpriseCreateDto, { skipNullProperties: false }) {}

export class EnterpriseListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'Search in name, credit code and address' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  industry?: string;

  @ApiPropertyOptional({ enum: RISK_CLASSES })
  @IsOptional()
  @IsIn(RISK_CLASSES)
  riskClass?: RiskClass;
}
