package io.github.migrations.executor;

import java.util.Map;

import io.github.migrations.MigrationException;
import io.github.migrations.operation.AddField;
import io.github.migrations.operation.AlterField;
import io.github.migrations.operation.CreateModel;
import io.github.migrations.operation.Operation;
import io.github.migrations.schema.Vendor;
import io.github.migrations.state.FieldState;

/**
 * What a forwards plan asks of its database that the database cannot keep, refused before the
 * plan's first statement runs. The schema editors refuse the same while they write SQL, but on
 * MariaDB and MySQL, where DDL commits at once, that would leave the earlier operations of the
 * migration applied.
 */
final class VendorSupport {

	private VendorSupport() {
	}

	/**
	 * Refuse a database-level {@code SET DEFAULT} on MariaDB and MySQL: InnoDB accepts
	 * {@code ON DELETE SET DEFAULT} and creates the foreign key without it.
	 * @param plan the steps, all forwards
	 * @param vendor the database
	 * @throws MigrationException naming the migration, the field and the fix
	 */
	static void check(Iterable<PlanStep> plan, Vendor vendor) {
		if (vendor != Vendor.MARIADB && vendor != Vendor.MYSQL) {
			return;
		}
		for (PlanStep step : plan) {
			for (Operation operation : step.migration().operations()) {
				if (operation instanceof CreateModel create) {
					for (Map.Entry<String, FieldState> field : create.fields().entrySet()) {
						refuseSetDefault(step, vendor, create.name(), field.getKey(), field.getValue());
					}
				}
				else if (operation instanceof AddField add) {
					refuseSetDefault(step, vendor, add.modelName(), add.name(), add.field());
				}
				else if (operation instanceof AlterField alter) {
					refuseSetDefault(step, vendor, alter.modelName(), alter.name(), alter.field());
				}
			}
		}
	}

	private static void refuseSetDefault(PlanStep step, Vendor vendor, String model, String name, FieldState field) {
		if ("SET DEFAULT".equals(field.type().databaseOnDelete())) {
			throw new MigrationException(step.migration().key() + ": " + model + "." + name + " has on_delete "
					+ "DB_SET_DEFAULT, which " + vendor.displayName() + " cannot keep (InnoDB creates the foreign key "
					+ "without ON DELETE SET DEFAULT). Nothing was applied. Use on_delete DB_SET_NULL or DB_CASCADE, "
					+ "or the application's SET_DEFAULT, in the model and in this migration.");
		}
	}

}
