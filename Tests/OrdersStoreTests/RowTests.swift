import Testing

@testable import OrdersStore

@Suite("Rows by column name")
struct RowTests {
    @Test("a row is read by name, whatever the order of the SELECT list")
    func readByName() throws {
        let store = try SQLiteStore(location: .memory)
        let customer = try store.read { db throws in
            try db.fetchOne(
                "SELECT created_at, stripe_customer_id, name, email, id FROM (SELECT 'c1' AS id, 'a@b.c' AS email, "
                    + "'Ann' AS name, NULL AS stripe_customer_id, NULL AS created_at)",
                [], Customer.init(row:))
        }
        #expect(customer == Customer(id: "c1", email: "a@b.c", name: "Ann", createdAt: nil))
        let named = try store.read { db throws in
            try db.fetchOne("SELECT 'x' AS word, 7 AS number") { row in
                "\(try row.string("word")) \(try row.int("number"))"
            }
        }
        #expect(named == "x 7")
    }

    @Test("a column the result lacks is a clear error naming it and the SQL")
    func missingColumn() throws {
        let store = try SQLiteStore(location: .memory)
        let sql = "SELECT 'c1' AS id, 'a@b.c' AS mail, 'Ann' AS name, NULL AS stripe_customer_id, NULL AS created_at"
        let error = try #require(throws: StoreError.self) {
            try store.read { try $0.fetchOne(sql, [], Customer.init(row:)) }
        }
        #expect(error.kind == .missingColumn)
        #expect(error.message == "The query's result has no column named email — while running: \(sql)")
        let byName = try #require(throws: StoreError.self) {
            try store.read { try $0.fetchOne("SELECT 1 AS one") { try $0.int("two") } }
        }
        #expect(byName.message == "The query's result has no column named two — while running: SELECT 1 AS one")
    }

    @Test("a column renamed in the table is a clear error, not another column's value")
    func renamedColumn() throws {
        let ann = Samples.customer("ann@example.com")
        let store = try Samples.memoryStore(with: [ann])
        try store.write { db throws in
            try db.insertOrder(Samples.order(customerID: ann.id, id: "o1"))
            try db.execute("ALTER TABLE orders RENAME COLUMN stripe_charge_id TO payment_intent_id")
        }
        let error = try #require(throws: (any Error).self) { try store.read { try $0.order(id: "o1") } }
        // SQLite itself refuses the SELECT list that names the old column.
        #expect((error as? SQLiteError)?.message == "no such column: stripe_charge_id")
    }
}
