import DynamicJSON
import OrdersStore
import PaymentCore
import Testing

@testable import PaymentOpsMCP

/// Rules every registered tool and prompt must follow, so clients (Claude among them) accept
/// them. Runs over the real catalog and the test catalog.
@Suite("Catalog conformance")
struct CatalogConformanceTests {
    static let catalogs: [(String, Catalog)] = [("real", realCatalog()), ("test", TestCatalog().catalog)]

    /// The catalog `serve` registers, on an in-memory database and without Stripe.
    static func realCatalog() -> Catalog {
        // A fresh in-memory store cannot fail to open; a failure here is a bug worth crashing the test run on.
        let store = try! SQLiteStore(url: "sqlite::memory:")
        return makeCatalog(service: PaymentService(store: store, gateway: nil))
    }

    static func isValidName(_ name: String) -> Bool {
        (1...64).contains(name.utf8.count)
            && name.utf8.allSatisfy { byte in
                (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                    || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
                    || byte == UInt8(ascii: "-")
            }
    }

    @Test("the name rule accepts and refuses what it should")
    func nameRule() {
        #expect(Self.isValidName("issue_refund"))
        #expect(Self.isValidName("a-B_9"))
        #expect(!Self.isValidName(""))
        #expect(!Self.isValidName("issue refund"))
        #expect(!Self.isValidName("tools/call"))
        #expect(!Self.isValidName("é"))
        #expect(!Self.isValidName(String(repeating: "a", count: 65)))
    }

    @Test("tools have valid unique names, titles, object schemas without combinators", arguments: catalogs.map(\.0))
    func tools(catalogName: String) {
        let catalog = Self.catalogs.first { $0.0 == catalogName }!.1
        let names = catalog.tools.map(\.name)
        #expect(Set(names).count == names.count, "duplicate tool names in \(names)")
        for tool in catalog.tools {
            #expect(Self.isValidName(tool.name), "\(tool.name)")
            #expect(!tool.title.isEmpty && !tool.description.isEmpty, "\(tool.name)")
            let schema = tool.inputSchema
            #expect(schema["type"] == "object", "\(tool.name)")
            #expect(schema["additionalProperties"] == false, "\(tool.name)")
            for combinator in ["oneOf", "anyOf", "allOf", "not", "if"] {
                #expect(schema[combinator] == nil, "\(tool.name) has top-level \(combinator)")
            }
            let properties = schema["properties"]?.objectValue ?? [:]
            for case .string(let required) in schema["required"]?.arrayValue ?? [] {
                #expect(properties[required] != nil, "\(tool.name) requires undeclared \(required)")
            }
            #expect(tool.outputSchema["type"] == "object", "\(tool.name)")
        }
    }

    @Test("prompts have valid unique names and described arguments", arguments: catalogs.map(\.0))
    func prompts(catalogName: String) {
        let catalog = Self.catalogs.first { $0.0 == catalogName }!.1
        let names = catalog.prompts.map(\.name)
        #expect(Set(names).count == names.count)
        for prompt in catalog.prompts {
            #expect(Self.isValidName(prompt.name), "\(prompt.name)")
            #expect(!prompt.title.isEmpty && !prompt.description.isEmpty)
            #expect(prompt.arguments.allSatisfy { Self.isValidName($0.name) && !$0.description.isEmpty })
        }
    }

    @Test("the real catalog has instructions for the model")
    func instructions() {
        #expect(Self.realCatalog().instructions.contains("issue_refund"))
    }
}
