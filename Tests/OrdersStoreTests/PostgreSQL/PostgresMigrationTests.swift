import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("PostgreSQL migrations", .enabled(if: TestPostgres.isConfigured, TestPostgres.skipNote))
struct PostgresMigrationTests {
    /// The DDL SQLAlchemy's models emit on PostgreSQL, kept apart from the store's own copy on purpose.
    static let sqlAlchemyDDL = [
        "CREATE TYPE order_status AS ENUM ('paid', 'refunded', 'partially_refunded')",
        """
        CREATE TABLE customers (id VARCHAR NOT NULL, email VARCHAR NOT NULL, name VARCHAR NOT NULL,
          stripe_customer_id VARCHAR, created_at TIMESTAMP WITHOUT TIME ZONE, PRIMARY KEY (id), UNIQUE (email),
          UNIQUE (stripe_customer_id))
        """,
        """
        CREATE TABLE orders (id VARCHAR NOT NULL, customer_id VARCHAR NOT NULL, stripe_charge_id VARCHAR,
          amount_cents INTEGER NOT NULL, currency VARCHAR, status order_status, created_at TIMESTAMP WITHOUT TIME ZONE,
          PRIMARY KEY (id), FOREIGN KEY(customer_id) REFERENCES customers (id))
        """,
        """
        CREATE TABLE refund_log (id VARCHAR NOT NULL, order_id VARCHAR NOT NULL, stripe_refund_id VARCHAR,
          amount_cents INTEGER NOT NULL, reason VARCHAR, refunded_by VARCHAR, created_at TIMESTAMP WITHOUT TIME ZONE,
          PRIMARY KEY (id), FOREIGN KEY(order_id) REFERENCES orders (id))
        """,
    ]

    /// Creates the SQLAlchemy-made tables and the legacy rows of every kind (the SQLite tests' rows).
    static func createLegacy(in store: PostgresStore) async throws {
        try await store.write { transaction in
            for statement in sqlAlchemyDDL + LegacyDatabase.customers + LegacyDatabase.orders
                + LegacyDatabase.refunds
            {
                try transaction.execute(statement)
            }
        }
    }

    /// `column type nullable default` for each column of `table`, in order.
    static func columns(_ table: String, in store: PostgresStore) async throws -> [String] {
        try await store.read { transaction in
            try transaction.fetchAll(
                """
                SELECT column_name, CASE data_type WHEN 'USER-DEFINED' THEN udt_name ELSE data_type END AS type,
                  is_nullable, COALESCE(column_default, '-') AS column_default
                FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
                ORDER BY ordinal_position
                """, [table]
            ) { row in
                "\(try row.string("column_name")) \(try row.string("type")) \(try row.string("is_nullable")) "
                    + (try row.string("column_default"))
            }
        }
    }

    @Test("an empty database gets the whole schema, with SQLAlchemy's types and the native enum")
    func emptyDatabase() async throws {
        try await TestPostgres.withFreshSchema { url in
            let store = try PostgresStore(url: url)
            #expect(try await store.applyMigrations() == Array(1...PostgresStore.latestSchemaVersion))
            #expect(try await store.schemaVersion() == PostgresStore.latestSchemaVersion)
            #expect(
                try await Self.columns("orders", in: store) == [
                    "id character varying NO -", "customer_id character varying NO -",
                    "stripe_charge_id character varying YES -", "amount_cents integer NO -",
                    "currency character varying YES -", "status order_status YES -",
                    "created_at timestamp without time zone YES -", "refunded_cents bigint NO 0",
                    "pending_refund_cents bigint NO 0",
                ])
            let indexes = try await store.read { transaction in
                try transaction.fetchAll(
                    "SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname"
                ) { try $0.string("indexname") }
            }
            for index in [
                "ix_customers_email_lower", "ix_orders_created_revenue", "ix_orders_customer_history",
                "ix_orders_stripe_charge_id", "ix_refund_log_idempotency_key", "ix_refund_log_order_status",
                "ix_refund_log_pending", "ix_review_flags_order", "ix_refund_approvals_order",
            ] {
                #expect(indexes.contains(index), "missing \(index)")
            }
            #expect(!indexes.contains("ix_orders_customer_created"))
            #expect(try await store.applyMigrations() == [])
        }
    }

    @Test("a database SQLAlchemy made, native enum and all, is migrated in place with nothing lost")
    func legacyDatabase() async throws {
        try await TestPostgres.withFreshSchema { url in
            let store = try PostgresStore(url: url)
            try await Self.createLegacy(in: store)
            #expect(try await store.schemaVersion() == 0)
            #expect(try await store.applyMigrations() == Array(1...PostgresStore.latestSchemaVersion))
            let legacyOrderColumns = try await Self.columns("orders", in: store)
            let (customers, orders, journal, flags, kept) = try await store.read { transaction in
                (
                    try transaction.customers(after: nil, limit: 10),
                    try transaction.refundedOrders(
                        customerID: "3e9b0257-f56b-4b12-8554-06f941ae099f", limit: 10, after: nil)
                        + transaction.refundedOrders(customerID: "c2", limit: 10, after: nil),
                    try ["o1", "o2", "o3", "o4"].flatMap { try transaction.refundLogEntries(orderID: $0) },
                    try ["o1", "o3"].flatMap { try transaction.reviewFlags(orderID: $0) },
                    try transaction.fetchOne("SELECT COUNT(*) AS count FROM refund_log") { try $0.int("count") }
                )
            }
            #expect(customers.map(\.email) == ["Bob@Example.com", "a@b.c", "carol@example.com"])
            #expect(customers.first { $0.id == "c2" }?.name == "Bob O'Brien")
            #expect(customers.first { $0.id == "c3" }?.createdAt == nil)
            #expect(
                orders.map { "\($0.order.id) \($0.order.status.rawValue) \($0.succeededCents) \($0.pendingCents)" }
                    == ["o2 refunded 10000 0", "o1 paid 0 0", "o4 paid 100 0", "o3 partially_refunded 1500 0"])
            #expect(orders.first { $0.order.id == "o1" }?.order.createdAt == Samples.time("2026-11-01 10:00:00.000001"))
            #expect(journal.map(\.id) == ["r1", "r2", "k1", "k2"])
            #expect(journal.allSatisfy { $0.status == .succeeded })
            #expect(journal.map(\.currency) == ["usd", "eur", "jpy", "jpy"])
            #expect(kept == 4)
            #expect(
                flags.map { "\($0.id) \($0.note) \($0.flaggedBy) \($0.paymentIntentID ?? "-")" } == [
                    "f1 Card used from two countries ai-assistant pi_1",
                    "f2 No space after the marker unknown pi_3",
                ])
            #expect(flags.first?.createdAt == Samples.time("2026-11-07 10:00:00.123456"))
            #expect(legacyOrderColumns.contains("status order_status YES -"))
        }
    }

    @Test("a database newer than the binary is refused and left untouched")
    func newerSchema() async throws {
        try await TestPostgres.withMigratedStore { store in
            try await store.write { transaction in
                try transaction.execute(
                    "INSERT INTO payment_ops_schema_versions (version, applied_at) VALUES (99, now())")
            }
            let error = await #expect(throws: PostgresError.self) { try await store.applyMigrations() }
            #expect(error?.kind == .newerSchema)
            #expect(
                error?.message
                    == "The database at \(store.url.redacted) has schema version 99, but this payment-ops knows only "
                    + "up to version \(PostgresStore.latestSchemaVersion); upgrade payment-ops. The database was left untouched."
            )
            #expect(try await store.postgresStatus().isNewer)
            #expect(try await store.schemaVersion() == 99)
        }
    }

    @Test("the schema version and pending migrations are read without changing anything")
    func statusWithoutMigrating() async throws {
        try await TestPostgres.withFreshSchema { url in
            let store = try PostgresStore(url: url)
            let status = try await store.postgresStatus()
            #expect(status.schemaVersion == 0)
            #expect(status.pendingVersions == Array(1...PostgresStore.latestSchemaVersion))
            #expect(!status.usesTLS)
            #expect(status.serverVersion.first?.isNumber == true)
            let tables = try await store.read { transaction in
                try transaction.fetchOne(
                    "SELECT COUNT(*) AS count FROM pg_tables WHERE schemaname = current_schema()"
                ) { try $0.int("count") }
            }
            #expect(tables == 0)
        }
    }

    @Test("two processes migrating at once take turns and apply each version once")
    func concurrentMigrators() async throws {
        try await TestPostgres.withFreshSchema { url in
            let first = try PostgresStore(url: url)
            let second = try PostgresStore(url: url)
            try await Self.createLegacy(in: first)
            async let appliedByFirst = first.applyMigrations()
            async let appliedBySecond = second.applyMigrations()
            let applied = try await appliedByFirst + appliedBySecond
            #expect(applied.sorted() == Array(1...PostgresStore.latestSchemaVersion))
            let recorded = try await first.read { transaction in
                try transaction.fetchAll("SELECT version FROM payment_ops_schema_versions ORDER BY version") {
                    try $0.int("version")
                }
            }
            #expect(recorded == Array(1...PostgresStore.latestSchemaVersion))
            let flags = try await first.read { try $0.reviewFlags(orderID: "o1") }
            #expect(flags.count == 1)
        }
    }

    @Test("the trigger keeps each order's succeeded and pending sums through inserts, updates and deletes")
    func keptSums() async throws {
        try await TestPostgres.withMigratedStore { store in
            let customer = Samples.customer()
            let order = Samples.order(customerID: customer.id, amountCents: 10_000)
            let other = Samples.order(customerID: customer.id, amountCents: 10_000)
            let pending = Samples.refund(orderID: order.id, amountCents: 1_000, status: .pending)
            let succeeded = Samples.refund(orderID: order.id, amountCents: 2_000, status: .succeeded)
            let sums = { @Sendable (transaction: PostgresTransaction) throws -> [String] in
                try transaction.refundedOrders(customerID: customer.id, limit: 10, after: nil)
                    .sorted { $0.order.id == order.id && $1.order.id != order.id }
                    .map { "\($0.succeededCents)/\($0.pendingCents)" }
            }
            let afterInsert = try await store.write { transaction in
                try transaction.insertCustomer(customer)
                try transaction.insertOrder(order)
                try transaction.insertOrder(other)
                try transaction.insertRefundLogEntry(pending)
                try transaction.insertRefundLogEntry(succeeded)
                return try sums(transaction)
            }
            #expect(afterInsert == ["2000/1000", "0/0"])
            let afterSettle = try await store.write { transaction in
                try transaction.settleRefund(id: pending.id, stripeRefundID: "re_1", completedAt: Samples.instant)
                return try sums(transaction)
            }
            #expect(afterSettle == ["3000/0", "0/0"])
            let afterMove = try await store.write { transaction in
                try transaction.execute("UPDATE refund_log SET order_id = $1 WHERE id = $2", [other.id, succeeded.id])
                return try sums(transaction)
            }
            #expect(afterMove == ["1000/0", "2000/0"])
            let afterDelete = try await store.write { transaction in
                try transaction.execute("DELETE FROM refund_log WHERE id = $1", [pending.id])
                return try sums(transaction)
            }
            #expect(afterDelete == ["0/0", "2000/0"])
        }
    }
}
