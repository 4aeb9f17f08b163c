import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  GB18218_CATEGORIES,
  GB18218_SUBSTANCES,
  type InstallationExposure,
  type InstallationView,
  type ListResponse,
} from '@muster/contracts';
import { Roles } from '../common/access.decorators.js';
import { ApiDoc } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import {
  InstallationCreateDto,
  InstallationListQueryDto,
  InstallationUpdateDto,
} from './installation.dto.js';
import { InstallationService } from './installation.service.js';
import { INSTALLATION_EDITORS, INSTALLATION_READERS } from './installation.access.js';

@ApiTags('major hazard installations')
@ApiBearerAuth()
@Controller('api/installations')
export class InstallationController {
  constructor(private readonly installations: InstallationService) {}

  @ApiDoc('List major hazard installations and other registered units, graded first', 400, 401, 403)
  @Get()
  @Roles(...INSTALLATION_READERS)
  list(@Query() q: InstallationListQueryDto): Promise<ListResponse<InstallationView>> {
    return this.installations.list(q);
  }

  @ApiDoc('The GB 18218-2018 tables: critical quantities and correction factors', 401, 403)
  @Get('gb18218')
  @Roles(...INSTALLATION_READERS)
  tables(): { substances: typeof GB18218_SUBSTANCES; categories: typeof GB18218_CATEGORIES } {
    return { substances: GB18218_SUBSTANCES, categories: GB18218_CATEGORIES };
  }

  @ApiDoc(
    "An enterprise's installations with grade, place and chemicals, for consequence models and plan suggestion",
    400,
    401,
    403,
    404,
  )
  @Get('exposure/:enterpriseId')
  @Roles(...INSTALLATION_READERS)
  exposure(@UuidParam('enterpriseId') enterpriseId: string): Promise<InstallationExposure[]> {
    return this.installations.exposureFor(enterpriseId);
  }

  @ApiDoc('An installation with its chemicals, identification and grade', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...INSTALLATION_READERS)
  get(@UuidParam() id: string): Promise<InstallationView> {
    return this.installations.get(id);
  }

  @ApiDoc(
    'Register a unit: identified and graded per GB 18218-2018 from its chemicals',
    400,
    401,
    403,
    409,
    413,
  )
  @Post()
  @Roles(...INSTALLATION_EDITORS)
  create(@Body() dto: InstallationCreateDto): Promise<InstallationView> {
    return this.installations.create(dto);
  }

  @ApiDoc('Change an installation; its identification and grade follow', 400, 401, 403, 404, 409, 413)
  @Patch(':id')
  @Roles(...INSTALLATION_EDITORS)
  update(@UuidParam() id: string, @Body() dto: InstallationUpdateDto): Promise<InstallationView> {
    return this.installations.update(id, dto);
  }
}
