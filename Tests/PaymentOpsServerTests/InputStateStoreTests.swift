import DynamicJSON
import PaymentCore
import Testing

@testable import PaymentOpsMCP

@Suite("requestState handles and page cursors")
struct InputStateStoreTests {
    @Test("a handle is 64 hex digits, redeemable once")
    func singleUse() {
        var store = InputStateStore(lifetime: .seconds(600))
        let handle = store.issue(
            toolName: "t", arguments: ["a": 1], answers: [:],
            asked: ["k": ElicitationRequest(key: "k", message: "m", requestedSchema: [:])])
        #expect(handle.count == 64)
        #expect(handle.allSatisfy { $0.isHexDigit })
        #expect(store.redeem(handle)?.toolName == "t")
        #expect(store.redeem(handle) == nil)
    }

    @Test("handles differ and expire")
    func expiry() {
        var store = InputStateStore(lifetime: .seconds(600))
        let now = ContinuousClock.now
        let first = store.issue(toolName: "t", arguments: [:], answers: [:], asked: [:], now: now)
        let second = store.issue(toolName: "t", arguments: [:], answers: [:], asked: [:], now: now)
        #expect(first != second)
        #expect(store.redeem(first, now: now + .seconds(601)) == nil)
        #expect(store.redeem(second, now: now + .seconds(599)) != nil)
    }

    @Test("the store keeps at most its capacity, dropping the oldest")
    func capacity() {
        var store = InputStateStore(lifetime: .seconds(600), capacity: 2)
        let now = ContinuousClock.now
        let oldest = store.issue(toolName: "a", arguments: [:], answers: [:], asked: [:], now: now)
        let middle = store.issue(toolName: "b", arguments: [:], answers: [:], asked: [:], now: now + .seconds(1))
        _ = store.issue(toolName: "c", arguments: [:], answers: [:], asked: [:], now: now + .seconds(2))
        #expect(store.redeem(oldest, now: now) == nil)
        #expect(store.redeem(middle, now: now) != nil)
    }

    @Test("cursors round-trip and foreign cursors are rejected")
    func cursors() {
        let cursor = PageCursor(provider: 1, inner: "abc:def")
        #expect(PageCursor(encoded: cursor.encoded) == cursor)
        #expect(PageCursor(encoded: PageCursor(provider: 0, inner: nil).encoded) == PageCursor(provider: 0, inner: nil))
        for bad in ["", "zz", "abc", "3a", "!!", OpaqueCursor.encode("-1:"), OpaqueCursor.encode("x:")] {
            #expect(PageCursor(encoded: bad) == nil)
        }
    }
}
