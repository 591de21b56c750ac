import { forbidden, notFound, type Principal } from '@portfolioos/service-kit';
import { actorOf, inActorOrg } from '../access.js';
import type { MaintenanceDb } from '../db/database.js';
import { refusingDuplicateEmail } from '../db/errors.js';
import type { CursorPosition } from '../http-schemas.js';
import { writerOf } from '../requests/service.js';
import { vendorColumns } from './mapping.js';
import {
  findVendor,
  insertVendor,
  listVendors,
  updateVendor,
  vendorIdOfUser,
  type VendorWithUsers,
} from './repository.js';
import type { VendorBody, VendorPatch } from './schemas.js';

/** The vendors directory (staff), and a vendor portal user's own record. */
export class VendorService {
  constructor(private readonly db: MaintenanceDb) {}

  create(principal: Principal | null, body: VendorBody): Promise<VendorWithUsers> {
    const actor = staffWriter(principal);
    return refusingDuplicateEmail(() =>
      inActorOrg(this.db, actor, (tx, orgId) =>
        insertVendor(tx, {
          orgId,
          name: body.name,
          trade: body.trade,
          email: body.email.toLowerCase(),
          currency: body.currency,
          serviceArea: [],
          w9OnFile: false,
          eligible1099: false,
          ...vendorColumns(body),
        }),
      ),
    );
  }

  update(principal: Principal | null, id: string, patch: VendorPatch): Promise<VendorWithUsers> {
    const actor = staffWriter(principal);
    return refusingDuplicateEmail(() =>
      inActorOrg(this.db, actor, async (tx, orgId) => {
        const row = await updateVendor(tx, orgId, id, vendorColumns(patch));
        if (!row) throw notFound();
        return row;
      }),
    );
  }

  get(principal: Principal | null, id: string): Promise<VendorWithUsers> {
    return inActorOrg(this.db, actorOf(principal), async (tx, orgId) => {
      const row = await findVendor(tx, orgId, id);
      if (!row) throw notFound();
      return row;
    });
  }

  list(principal: Principal | null, limit: number, after?: CursorPosition): Promise<VendorWithUsers[]> {
    return inActorOrg(this.db, actorOf(principal), (tx, orgId) => listVendors(tx, orgId, limit, after));
  }

  /** The vendor the calling portal user acts for; 404 until its invitation is accepted and matched. */
  mine(principal: Principal | null): Promise<VendorWithUsers> {
    const actor = actorOf(principal);
    if (actor.kind !== 'vendor') throw forbidden('This is for vendor portal users.');
    return inActorOrg(this.db, actor, async (tx, orgId) => {
      const vendorId = await vendorIdOfUser(tx, orgId, actor.userId);
      const row = vendorId && (await findVendor(tx, orgId, vendorId));
      if (!row) throw notFound('No vendor of this organization is linked to you.');
      return row;
    });
  }
}

function staffWriter(principal: Principal | null) {
  const actor = writerOf(principal);
  if (actor.kind !== 'staff') throw forbidden();
  return actor;
}
