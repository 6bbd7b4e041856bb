// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "payment-ops",
    products: [
        .executable(name: "payment-ops", targets: ["PaymentOpsServer"]),
        .executable(name: "stripe-fake", targets: ["stripe-fake"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        // Default traits off: neither full Foundation nor swift-configuration comes into the binary.
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: []),
        .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        // Named for the modules PaymentOpsHTTP imports itself; Hummingbird brings the same versions.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0", traits: []),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        // No pkgConfig: its `-lcurl` would link libcurl, which StripeClient loads on first use instead (its
        // dependencies made up most of the start-up time). Only the headers are needed at build time.
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        // No pkgConfig either, for the same reason: OrdersStore loads libpq when a PostgreSQL URL is first used.
        .systemLibrary(
            name: "CLibPQ",
            providers: [.apt(["libpq-dev"])]
        ),
        // The one definition of surrounding whitespace, shared by every layer that trims what people type.
        .target(name: "Whitespace"),
        .target(name: "OrdersStore", dependencies: ["CSQLite", "CLibPQ", "Whitespace"]),
        .target(name: "StripeClient", dependencies: ["CCurl", "Whitespace"]),
        .target(name: "PaymentCore", dependencies: ["OrdersStore", "StripeClient", "Whitespace"]),
        // The one dynamic JSON type, its parser and writer: a library so the server and the Stripe fake share it.
        .target(name: "DynamicJSON"),
        // The MCP engine, catalog and stdio transport: a library, so tests drive it without a process.
        .target(name: "PaymentOpsMCP", dependencies: ["DynamicJSON", "PaymentCore", "Whitespace"]),
        // The team server's edge: Streamable HTTP, the OAuth resource server and its hardening, over the same engine.
        .target(
            name: "PaymentOpsHTTP",
            dependencies: [
                "DynamicJSON",
                "PaymentOpsMCP",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        // The command line and the composition root: the only place that names the store and Stripe.
        .executableTarget(
            name: "PaymentOpsServer",
            dependencies: [
                "OrdersStore",
                "PaymentCore",
                "PaymentOpsHTTP",
                "PaymentOpsMCP",
                "StripeClient",
                "Whitespace",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds link the Swift runtime and Foundation in, instead of loading them: the dynamic loader's
            // relocations were most of what remained of start-up (about 10 -> 6.5 ms). FoundationEssentials' own
            // static dependencies are named because only SwiftPM's --static-swift-stdlib would add them.
            linkerSettings: [
                .unsafeFlags(
                    ["-static-stdlib", "-l_FoundationCollections", "-l_FoundationCShims"],
                    .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .target(name: "StripeFake", dependencies: ["DynamicJSON"], path: "Tests/StripeFake"),
        .executableTarget(name: "stripe-fake", dependencies: ["StripeFake"], path: "Tests/StripeFakeServer"),
        .testTarget(name: "DynamicJSONTests", dependencies: ["DynamicJSON"]),
        .testTarget(name: "OrdersStoreTests", dependencies: ["OrdersStore"]),
        .testTarget(name: "StripeClientTests", dependencies: ["DynamicJSON", "StripeClient", "StripeFake"]),
        .testTarget(
            name: "PaymentCoreTests", dependencies: ["OrdersStore", "PaymentCore", "StripeClient", "StripeFake"]
        ),
        .testTarget(
            name: "PaymentOpsHTTPTests",
            dependencies: [
                "DynamicJSON", "OrdersStore", "PaymentCore", "PaymentOpsHTTP", "PaymentOpsMCP",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "CryptoExtras", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "JWTKit", package: "jwt-kit"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "PaymentOpsServerTests",
            dependencies: [
                "DynamicJSON", "OrdersStore", "PaymentCore", "PaymentOpsMCP", "PaymentOpsServer", "StripeClient",
                "StripeFake",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)

// As Hummingbird does: an import is internal unless written `public import`, so a module's public API cannot leak
// another module's types by accident; members come only from modules a file imports; existentials say `any`.
for target in package.targets where target.type != .system {
    target.swiftSettings =
        (target.swiftSettings ?? []) + [
            .enableUpcomingFeature("InternalImportsByDefault"),
            .enableUpcomingFeature("MemberImportVisibility"),
            .enableUpcomingFeature("ExistentialAny"),
        ]
}
