// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "payment-ops",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "payment-ops", targets: ["PaymentOpsServer"]),
        .executable(name: "stripe-fake", targets: ["stripe-fake"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2")
    ],
    targets: [
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        // No pkgConfig: its `-lcurl` would link libcurl, which StripeClient loads on first use instead (its
        // dependencies made up most of the start-up time). Only the headers are needed at build time.
        .systemLibrary(
            name: "CCurl",
            providers: [.apt(["libcurl4-openssl-dev"]), .brew(["curl"])]
        ),
        // No pkgConfig either, for the same reason: OrdersStore loads libpq when a PostgreSQL URL is first used.
        .systemLibrary(
            name: "CLibPQ",
            providers: [.apt(["libpq-dev"]), .brew(["libpq"])]
        ),
        .target(name: "OrdersStore", dependencies: ["CSQLite", "CLibPQ"]),
        .target(name: "StripeClient", dependencies: ["CCurl"]),
        .target(name: "PaymentCore", dependencies: ["OrdersStore", "StripeClient"]),
        // The one dynamic JSON type, its parser and writer: a library so the server and the Stripe fake share it.
        .target(name: "DynamicJSON"),
        // The MCP engine, catalog and stdio transport: a library, so tests drive it without a process.
        .target(name: "PaymentOpsMCP", dependencies: ["DynamicJSON", "PaymentCore"]),
        // The command line and the composition root: the only place that names the store and Stripe.
        .executableTarget(
            name: "PaymentOpsServer",
            dependencies: [
                "OrdersStore",
                "PaymentCore",
                "PaymentOpsMCP",
                "StripeClient",
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
            name: "PaymentOpsServerTests",
            dependencies: [
                "DynamicJSON", "OrdersStore", "PaymentCore", "PaymentOpsMCP", "PaymentOpsServer", "StripeClient",
                "StripeFake",
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
