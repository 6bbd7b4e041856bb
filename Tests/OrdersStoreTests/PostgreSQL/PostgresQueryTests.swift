import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("PostgreSQL statements and transactions", .enabled(if: TestPostgres.isConfigured, TestPostgres.skipNote))
struct PostgresQueryTests {
    @Test("a duplicate keeps its SQLSTATE and names the constraint, never the value")
    func uniqueViolation() async throws {
        try await TestPostgres.withMigratedStore { store in
            try await store.write { try $0.insertCustomer(Samples.customer("private@example.com")) }
            let error = await #expect(throws: PostgresError.self) {
                try await store.write { try $0.insertCustomer(Samples.customer("private@example.com")) }
            }
            #expect(error?.isUniqueViolation == true)
            #expect(error?.statementName != nil)
            #expect(error?.sql?.hasPrefix("INSERT INTO customers") == true)
            #expect(error?.description.contains("private@example.com") == false)
            #expect(
                error?.description == "PostgreSQL refused a statement: duplicate key value violates unique constraint "
                    + "\"customers_email_key\" (SQLSTATE 23505)")
        }
    }

    @Test("a read transaction cannot write, and a failed statement rolls the whole transaction back")
    func transactions() async throws {
        try await TestPostgres.withMigratedStore { store in
            let readOnly = await #expect(throws: PostgresError.self) {
                try await store.read { try $0.insertCustomer(Samples.customer()) }
            }
            #expect(readOnly?.sqlState == "25006")
            let customer = Samples.customer()
            await #expect(throws: PostgresError.self) {
                try await store.write { transaction throws in
                    try transaction.insertCustomer(customer)
                    try transaction.insertOrder(Samples.order(customerID: "nobody"))
                }
            }
            let rolledBack = try await store.read { try $0.customer(id: customer.id) }
            #expect(rolledBack == nil)
        }
    }
}
