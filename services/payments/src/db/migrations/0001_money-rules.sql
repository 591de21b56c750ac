-- drizzle-kit has no FORCE option; output of forceRowLevelSecuritySql([...the org-owned tables]).
ALTER TABLE "organizations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "leases" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "lease_parties" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "accounts" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "journal_entries" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "journal_lines" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "charges" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "payments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "credits" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "allocations" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "reversals" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "idempotency_keys" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- What drizzle cannot model: the rules of money, enforced by the database whatever the code does.
ALTER TABLE "leases" ADD CONSTRAINT "leases_currency" CHECK ("currency" ~ '^[A-Z]{3}$');
--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_money" CHECK ("amount_minor" > 0 AND "currency" ~ '^[A-Z]{3}$');
--> statement-breakpoint
ALTER TABLE "charges" ADD CONSTRAINT "charges_type" CHECK ("charge_type" IN ('RENT', 'LATE_FEE', 'DEPOSIT', 'UTILITY', 'OTHER'));
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_money" CHECK ("amount_minor" > 0 AND "currency" ~ '^[A-Z]{3}$');
--> statement-breakpoint
ALTER TABLE "payments" ADD CONSTRAINT "payments_method" CHECK ("method" IN ('CASH', 'CHECK', 'BANK_TRANSFER', 'MONEY_ORDER', 'CARD', 'ACH'));
--> statement-breakpoint
ALTER TABLE "credits" ADD CONSTRAINT "credits_money" CHECK ("amount_minor" > 0 AND "currency" ~ '^[A-Z]{3}$');
--> statement-breakpoint
ALTER TABLE "credits" ADD CONSTRAINT "credits_kind" CHECK ("kind" IN ('CONCESSION', 'WAIVER', 'WRITE_OFF'));
--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_money" CHECK ("amount_minor" <> 0 AND ("amount_minor" > 0) = ("reverses_allocation_id" IS NULL));
--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_one_source" CHECK (num_nonnulls("payment_id", "credit_id") = 1);
--> statement-breakpoint
-- An allocation's currency is its charge's and its payment's: amounts of different currencies never meet.
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_charge_currency" FOREIGN KEY ("charge_id", "currency") REFERENCES "charges" ("id", "currency");
--> statement-breakpoint
ALTER TABLE "allocations" ADD CONSTRAINT "allocations_payment_currency" FOREIGN KEY ("payment_id", "currency") REFERENCES "payments" ("id", "currency");
--> statement-breakpoint
ALTER TABLE "reversals" ADD CONSTRAINT "reversals_one_target" CHECK (num_nonnulls("payment_id", "charge_id") = 1);
--> statement-breakpoint
ALTER TABLE "journal_lines" ADD CONSTRAINT "journal_lines_money" CHECK ("amount_minor" <> 0 AND "currency" ~ '^[A-Z]{3}$');
--> statement-breakpoint
-- Money records are never changed or removed: a correction is a new row naming the one it corrects.
CREATE FUNCTION refuse_money_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'money records are immutable: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'PM001', HINT = 'Post a credit or a reversal that names the record instead.';
END $$;
--> statement-breakpoint
CREATE TRIGGER "journal_entries_immutable" BEFORE UPDATE OR DELETE ON "journal_entries" FOR EACH ROW EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "journal_entries_no_truncate" BEFORE TRUNCATE ON "journal_entries" FOR EACH STATEMENT EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "journal_lines_immutable" BEFORE UPDATE OR DELETE ON "journal_lines" FOR EACH ROW EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "journal_lines_no_truncate" BEFORE TRUNCATE ON "journal_lines" FOR EACH STATEMENT EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "charges_immutable" BEFORE UPDATE OR DELETE ON "charges" FOR EACH ROW EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "charges_no_truncate" BEFORE TRUNCATE ON "charges" FOR EACH STATEMENT EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "payments_immutable" BEFORE UPDATE OR DELETE ON "payments" FOR EACH ROW EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "payments_no_truncate" BEFORE TRUNCATE ON "payments" FOR EACH STATEMENT EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "credits_immutable" BEFORE UPDATE OR DELETE ON "credits" FOR EACH ROW EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "credits_no_truncate" BEFORE TRUNCATE ON "credits" FOR EACH STATEMENT EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "allocations_immutable" BEFORE UPDATE OR DELETE ON "allocations" FOR EACH ROW EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "allocations_no_truncate" BEFORE TRUNCATE ON "allocations" FOR EACH STATEMENT EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "reversals_immutable" BEFORE UPDATE OR DELETE ON "reversals" FOR EACH ROW EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
CREATE TRIGGER "reversals_no_truncate" BEFORE TRUNCATE ON "reversals" FOR EACH STATEMENT EXECUTE FUNCTION refuse_money_change();
--> statement-breakpoint
-- Every journal entry balances in each currency and has lines. Checked at commit (deferred), when all of an
-- entry's lines are in.
CREATE FUNCTION check_journal_entry_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
-- A line names its entry (entry_id); an entry is its own (id).
DECLARE entry uuid := coalesce(to_jsonb(NEW) ->> 'entry_id', to_jsonb(NEW) ->> 'id')::uuid;
BEGIN
  IF NOT EXISTS (SELECT 1 FROM journal_lines WHERE entry_id = entry) THEN
    RAISE EXCEPTION 'journal entry % has no lines', entry USING ERRCODE = 'PM002';
  END IF;
  IF EXISTS (SELECT 1 FROM journal_lines WHERE entry_id = entry GROUP BY currency HAVING sum(amount_minor) <> 0) THEN
    RAISE EXCEPTION 'journal entry % does not balance', entry USING ERRCODE = 'PM002';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "journal_lines_balanced" AFTER INSERT ON "journal_lines" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_journal_entry_balanced();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "journal_entries_balanced" AFTER INSERT ON "journal_entries" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_journal_entry_balanced();
--> statement-breakpoint
-- No charge gets more than its amount (0 once voided) and no payment gives more than its amount (0 once
-- reversed): the net of allocations stays within [0, amount]. The service locks the lease first; this is
-- the net under it.
CREATE FUNCTION check_allocation_bounds() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  charge uuid := NEW.charge_id;
  payment uuid := NEW.payment_id;
BEGIN
  IF charge IS NOT NULL AND (
    SELECT coalesce(sum(a.amount_minor), 0) NOT BETWEEN 0 AND
           (SELECT CASE WHEN EXISTS (SELECT 1 FROM reversals r WHERE r.charge_id = charge) THEN 0 ELSE c.amount_minor END
              FROM charges c WHERE c.id = charge)
      FROM allocations a WHERE a.charge_id = charge) THEN
    RAISE EXCEPTION 'charge % would be over-allocated', charge USING ERRCODE = 'PM003';
  END IF;
  IF payment IS NOT NULL AND (
    SELECT coalesce(sum(a.amount_minor), 0) NOT BETWEEN 0 AND
           (SELECT CASE WHEN EXISTS (SELECT 1 FROM reversals r WHERE r.payment_id = payment) THEN 0 ELSE p.amount_minor END
              FROM payments p WHERE p.id = payment)
      FROM allocations a WHERE a.payment_id = payment) THEN
    RAISE EXCEPTION 'payment % would be over-allocated', payment USING ERRCODE = 'PM003';
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "allocations_within_bounds" AFTER INSERT ON "allocations" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_allocation_bounds();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER "reversals_within_bounds" AFTER INSERT ON "reversals" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_allocation_bounds();
