// The catalog's migrations, in order.
import type { Migration } from '../migrate';
import { m0010 } from './0010-create-catalog';

export const catalogMigrations: readonly Migration[] = [m0010];
