import { RequestMethod, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY } from '../../server/src/common/access.decorators.js';
import type { Role } from '@muster/contracts';
import type { TestApp } from './app.js';

export interface Route {
  method: string;
  path: string;
  isPublic: boolean;
  roles: Role[] | undefined;
  /** The controller class and the name of its handler method (for reading more metadata). */
  controller: Type;
  handler: string;
}

function joinPath(...parts: (string | string[] | undefined)[]): string {
  const segs = parts.flatMap((p) => (Array.isArray(p) ? p[0] : p) ?? '').filter((p) => p && p !== '/');
  return '/' + segs.map((s) => s.replace(/^\/+|\/+$/g, '')).join('/');
}

/** Every HTTP route, read from Nest's own controller metadata. */
export function listRoutes(t: TestApp): Route[] {
  const modules = t.app.get(ModulesContainer);
  const routes: Route[] = [];
  const controllers = [...modules.values()].flatMap((m) => [...m.controllers.values()]);
  for (const wrapper of controllers) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const cls = instance.constructor as Type;
    const base = Reflect.getMetadata(PATH_METADATA, cls) as string | undefined;
    const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto).filter((n) => n !== 'constructor')) {
      const handler = proto[name] as object;
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (path === undefined || method === undefined) continue;
      routes.push({
        method: RequestMethod[method],
        path: joinPath(base, path),
        isPublic: Boolean(Reflect.getMetadata(PUBLIC_KEY, handler) ?? Reflect.getMetadata(PUBLIC_KEY, cls)),
        roles: (Reflect.getMetadata(ROLES_KEY, handler) ?? Reflect.getMetadata(ROLES_KEY, cls)) as
          Role[] | undefined,
        controller: cls,
        handler: name,
      });
    }
  }
  return routes;
}
