/**
 * The web app's module registry: every business area, in menu order of appearance.
 * To add an area, create src/web/modules/<area>/index.ts exporting a `WebArea`
 * (routes, menu groups and entries, workbench widgets) and add it to this list.
 */
import { customersArea } from '../modules/customers';
import { homeArea } from '../modules/home';
import { orgArea } from '../modules/org';
import { systemArea } from '../modules/system';
import type { WebArea } from './registry/types';

export const areas: WebArea[] = [homeArea, customersArea, orgArea, systemArea];
