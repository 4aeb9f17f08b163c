import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Query,
  Res,
  StreamableFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type {
  ListResponse,
  PostRiskCardView,
  RiskInspectionPlansResult,
  RiskMapPoint,
  RiskPointDetailView,
  RiskPointView,
  RiskZoneStats,
} from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import {
  PostCardQueryDto,
  RiskAssessDto,
  RiskPlansCreateDto,
  RiskPointCreateDto,
  RiskPointListQueryDto,
  RiskPointUpdateDto,
} from './risk.dto.js';
import { RiskCardService } from './risk-card.service.js';
import { RiskPlansService } from './risk-plans.service.js';
import { RiskService } from './risk.service.js';

/** Zone roles read every register, officers their own. */
const READERS = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'] as const;
/** Who records and assesses risk points: the enterprise and the zone's safety staff. */
const WRITERS = ['zone_admin', 'inspector', 'enterprise_officer'] as const;

@ApiTags('risks')
@ApiBearerAuth()
@Controller('api/risks')
export class RiskController {
  constructor(
    private readonly risks: RiskService,
    private readonly plans: RiskPlansService,
    private readonly cards: RiskCardService,
  ) {}

  @ApiDoc('List risk points, worst grade first', 400, 401, 403)
  @Get('points')
  @Roles(...READERS)
  list(@Query() q: RiskPointListQueryDto): Promise<ListResponse<RiskPointView>> {
    return this.risks.list(q);
  }

  @ApiDoc('The risk points with a position, for the map', 401, 403)
  @Get('map')
  @Roles(...READERS)
  map(): Promise<RiskMapPoint[]> {
    return this.risks.mapPoints();
  }

  @ApiDoc('Risk points counted by grade, industry and enterprise, with the trend by quarter', 401, 403)
  @Get('stats')
  @Roles(...READERS)
  stats(): Promise<RiskZoneStats> {
    return this.risks.stats();
  }

  @ApiDoc('The post risk notification card (岗位风险告知卡) of one post', 400, 401, 403, 404)
  @Get('card')
  @Roles(...READERS)
  card(@Query() q: PostCardQueryDto): Promise<PostRiskCardView> {
    return this.risks.postCard(q.enterpriseId, q.post);
  }

  @ApiDoc(
    'The post risk notification card (岗位风险告知卡) of one post as a printable PDF',
    400,
    401,
    403,
    404,
    503,
  )
  @Get('card/pdf')
  @Roles(...READERS)
  @ApiProduces('application/pdf')
  async cardPdf(
    @Query() q: PostCardQueryDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.cards.postCardPdf(q.enterpriseId, q.post);
    // The card follows the register: never served from a cache.
    res.setHeader('Cache-Control', 'private, no-store');
    return new StreamableFile(file.body, {
      type: 'application/pdf',
      disposition: `attachment; filename="risk-card.pdf"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    });
  }

  @ApiDoc('Get a risk point with its assessments and open hazards', 400, 401, 403, 404)
  @Get('points/:id')
  @Roles(...READERS)
  get(@UuidParam() id: string): Promise<RiskPointDetailView> {
    return this.risks.get(id);
  }

  @ApiDoc('Record a risk point', 400, 401, 403, 413)
  @Post('points')
  @Roles(...WRITERS)
  create(@Body() dto: RiskPointCreateDto): Promise<RiskPointDetailView> {
    return this.risks.create(dto);
  }

  @ApiDoc('Change a risk point', 400, 401, 403, 404, 413)
  @Patch('points/:id')
  @Roles(...WRITERS)
  update(@UuidParam() id: string, @Body() dto: RiskPointUpdateDto): Promise<RiskPointDetailView> {
    return this.risks.update(id, dto);
  }

  @ApiDoc('Delete a risk point', 400, 401, 403, 404)
  @Delete('points/:id')
  @Roles(...WRITERS)
  @HttpCode(204)
  async remove(@UuidParam() id: string): Promise<void> {
    await this.risks.remove(id);
  }

  @ApiDoc('Assess a risk point by LEC or the risk matrix', 400, 401, 403, 404, 413)
  @Post('points/:id/assessments')
  @Roles(...WRITERS)
  assess(@UuidParam() id: string, @Body() dto: RiskAssessDto): Promise<RiskPointDetailView> {
    return this.risks.assess(id, dto);
  }

  @ApiDoc(
    'Generate the self-inspection plans that check every control measure at its grade’s frequency',
    400,
    401,
    403,
    404,
    413,
  )
  @Post('enterprises/:id/inspection-plans')
  @Roles(...WRITERS)
  generatePlans(
    @UuidParam() id: string,
    @Body() dto: RiskPlansCreateDto,
  ): Promise<RiskInspectionPlansResult> {
    return this.plans.generate(id, dto.startsOn);
  }
}
