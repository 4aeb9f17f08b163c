import { Module } from '@nestjs/common';
import { EnterpriseModule } from '../enterprises/enterprise.module.js';
import { InstallationRepository } from './installation.repository.js';
import { InstallationService } from './installation.service.js';

@Module({
  imports: [EnterpriseModule],
  providers: [InstallationService, InstallationRepository],
  exports: [InstallationService, InstallationRepository],
})
export class InstallationsModule {}
