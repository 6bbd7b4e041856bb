import ArgumentParser
import PaymentCore
import PaymentOpsMCP

/// `payment-ops reconcile`: settles refunds whose outcome at Stripe is not yet known.
struct ReconcileCommand: AsyncParsableCommand {
    /// Describes the subcommand.
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "Settle pending refunds against Stripe; never creates a refund.",
        discussion: """
            Looks each pending refund_log row up among its PaymentIntent's refunds at Stripe: found, the row \
            is settled with Stripe's refund id; not found, it is marked failed (nothing was refunded). The \
            server also does this at start-up and every minute while it serves.
            """,
        version: PaymentOps.version
    )

    @OptionGroup var settings: SettingsOptions

    /// Creates the command; ArgumentParser fills in the options.
    init() {}

    /// Reconciles and prints each row it settled.
    func run() async throws {
        let service = try await settings.serviceWithStripe(for: "reconcile")
        do {
            let report = try await service.reconcile()
            print(report.rows.isEmpty ? "No pending refunds." : report.text)
        } catch {
            Logger.writeToStderr("payment-ops: reconcile stopped; pending refunds stay pending: \(error)")
            throw ExitCode.failure
        }
    }
}
