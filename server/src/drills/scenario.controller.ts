import {
  BadRequestException,
  Body,
  Controller,
  Delete,
  Get,
  Header,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Put,
  Query,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiTags } from '@nestjs/swagger';
import { Roles } from '../common/access.decorators.js';
import { UuidParam } from '../common/uuid-param.js';
import type {
  ListResponse,
  ScenarioDocument,
  ScenarioExport,
  ScenarioVersionSummary,
  ScenarioView,
} from '@muster/contracts';
import { ScenarioListQueryDto } from './drill-run.dto.js';
import { ScenarioService } from './scenario.service.js';
import { ApiDoc } from '../common/api-docs.js';

const READERS = ['zone_admin', 'commander', 'inspector', 'evaluator', 'enterprise_officer'] as const;
const AUTHORS = ['zone_admin', 'commander'] as const;
const DOCUMENT_BODY = {
  description: 'A ScenarioDocument (see contracts/drills.ts); checked field by field',
  schema: { type: 'object' },
};

/** The scenario library (MSEL). Bodies are checked by the scenario schema, which names bad fields by path. */
@ApiTags('drills')
@ApiBearerAuth()
@Controller('api/drills/scenarios')
export class ScenarioController {
  constructor(private readonly scenarios: ScenarioService) {}

  @ApiDoc('List drill scenarios', 400, 401, 403)
  @Get()
  @Roles(...READERS)
  list(@Query() q: ScenarioListQueryDto): Promise<ListResponse<ScenarioView>> {
    return this.scenarios.list(q);
  }

  @ApiDoc('Create a drill scenario', 400, 401, 403, 409, 413)
  @Post()
  @Roles(...AUTHORS)
  @ApiBody(DOCUMENT_BODY)
  create(@Body() body: unknown): Promise<ScenarioView> {
    return this.scenarios.create(body);
  }

  @ApiDoc('Import a drill scenario from its exported JSON', 400, 401, 403, 409, 413)
  @Post('import')
  @Roles(...AUTHORS)
  @ApiBody({ description: 'A ScenarioExport as answered by the export route', schema: { type: 'object' } })
  import(@Body() body: unknown): Promise<ScenarioView> {
    return this.scenarios.import(body);
  }

  @ApiDoc('Get a drill scenario with its injects and expected actions', 400, 401, 403, 404)
  @Get(':id')
  @Roles(...READERS)
  get(@UuidParam() id: string): Promise<ScenarioView> {
    return this.scenarios.get(id);
  }

  @ApiDoc('Replace a drill scenario (saved as a new version)', 400, 401, 403, 404, 409, 413)
  @Put(':id')
  @Roles(...AUTHORS)
  @ApiBody(DOCUMENT_BODY)
  update(@UuidParam() id: string, @Body() body: unknown): Promise<ScenarioView> {
    return this.scenarios.update(id, body);
  }

  @ApiDoc('Archive a drill scenario', 400, 401, 403, 404, 409)
  @Delete(':id')
  @HttpCode(204)
  @Roles(...AUTHORS)
  archive(@UuidParam() id: string): Promise<void> {
    return this.scenarios.archive(id);
  }

  @ApiDoc("List a drill scenario's versions", 400, 401, 403, 404)
  @Get(':id/versions')
  @Roles(...READERS)
  versions(@UuidParam() id: string): Promise<ScenarioVersionSummary[]> {
    return this.scenarios.versions(id);
  }

  @ApiDoc('Get one version of a drill scenario', 400, 401, 403, 404)
  @Get(':id/versions/:version')
  @Roles(...READERS)
  version(
    @UuidParam() id: string,
    @Param('version', new ParseIntPipe({ exceptionFactory: () => versionError() })) version: number,
  ): Promise<ScenarioDocument> {
    return this.scenarios.version(id, version);
  }

  @ApiDoc('Copy a drill scenario into a new one', 400, 401, 403, 404, 409)
  @Post(':id/copy')
  @Roles(...AUTHORS)
  copy(@UuidParam() id: string): Promise<ScenarioView> {
    return this.scenarios.copy(id);
  }

  @ApiDoc('Export a drill scenario as JSON, for import elsewhere', 400, 401, 403, 404)
  @Get(':id/export')
  @Roles(...READERS)
  @Header('Content-Disposition', 'attachment; filename="drill-scenario.json"')
  export(@UuidParam() id: string): Promise<ScenarioExport> {
    return this.scenarios.export(id);
  }
}

function versionError() {
  return new BadRequestException(['version: must be a whole number']);
}
