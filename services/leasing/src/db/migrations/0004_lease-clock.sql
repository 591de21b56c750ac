-- The lease clock (src/leases/lease-clock.ts) runs for no organization: to find which leases of any
-- organization start or end today it may read leases when it says so (app.lease_clock = 'on', local to
-- its transaction). Only reads: every change it makes is made acting as the lease's organization.
CREATE POLICY "lease_clock_reads" ON "leases" AS PERMISSIVE FOR SELECT TO public USING (current_setting('app.lease_clock', true) = 'on');
