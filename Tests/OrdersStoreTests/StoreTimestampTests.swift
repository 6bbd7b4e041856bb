import FoundationEssentials
import Testing

@testable import OrdersStore

@Suite("Timestamps")
struct StoreTimestampTests {
    @Test("the legacy service's format round-trips to the microsecond")
    func legacyFormatRoundTrips() throws {
        let date = try #require(StoreTimestamp.date(from: "2026-11-27 16:21:52.929971"))
        #expect(date.timeIntervalSince1970 == 1_795_796_512.929971)
        #expect(StoreTimestamp.string(from: date) == "2026-11-27 16:21:52.929971")
        #expect(StoreTimestamp.iso8601(date) == "2026-11-27T16:21:52Z")
    }

    @Test(
        "variants the store may meet are read",
        arguments: [
            ("2026-11-27 16:21:52", "2026-11-27 16:21:52.000000"),
            ("2026-11-27T16:21:52", "2026-11-27 16:21:52.000000"),
            ("2026-11-27T16:21:52Z", "2026-11-27 16:21:52.000000"),
            ("2026-11-27T16:21:52.5Z", "2026-11-27 16:21:52.500000"),
            ("2026-11-27 16:21:52.123456789", "2026-11-27 16:21:52.123456"),
            ("2026-11-27T16:21:52.000001+00:00", "2026-11-27 16:21:52.000001"),
            ("2026-11-27", "2026-11-27 00:00:00.000000"),
            ("2024-02-29 23:59:59.999999", "2024-02-29 23:59:59.999999"),
            ("2000-02-29 00:00:00", "2000-02-29 00:00:00.000000"),
            ("1969-12-31 23:59:59.5", "1969-12-31 23:59:59.500000"),
            ("1900-03-01 12:00:00", "1900-03-01 12:00:00.000000"),
        ])
    func variantsAreRead(text: String, stored: String) throws {
        let date = try #require(StoreTimestamp.date(from: text))
        #expect(StoreTimestamp.string(from: date) == stored)
    }

    @Test(
        "malformed or impossible times are rejected",
        arguments: [
            "", "yesterday", "2026-11-27 16:21", "2026-13-01", "2026-00-10", "2026-02-29", "2100-02-29",
            "2026-04-31", "2026-11-27 24:00:00", "2026-11-27 12:60:00", "2026-11-27 12:00:60",
            "2026-11-27 12:00:00.", "2026-11-27 12:00:00.1234567890", "2026-11-27 12:00:00+02:00",
            "2026/11/27 12:00:00", "26-11-27", "2026-11-27 12:00:00 ",
        ])
    func malformedRejected(text: String) {
        #expect(StoreTimestamp.date(from: text) == nil)
    }

    @Test("every microsecond across decades formats and parses back to the same text")
    func roundTripAcrossDecades() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let micros = Int64.random(in: -2_000_000_000_000_000...4_000_000_000_000_000, using: &generator)
            let date = Date(timeIntervalSince1970: Double(micros) / 1_000_000)
            let text = StoreTimestamp.string(from: date)
            let parsed = try #require(StoreTimestamp.date(from: text))
            #expect(StoreTimestamp.string(from: parsed) == text)
            #expect(abs(parsed.timeIntervalSince1970 - date.timeIntervalSince1970) < 0.000_001)
        }
    }

    @Test("years outside four digits are written whole, with their sign")
    func wideYears() {
        for (year, stored, iso) in [
            (12_345, "12345-06-07 08:09:10.000000", "12345-06-07T08:09:10Z"),
            (-249, "-0249-06-07 08:09:10.000000", "-0249-06-07T08:09:10Z"),
        ] as [(Int64, String, String)] {
            let seconds = StoreTimestamp.daysFromCivil(year: year, month: 6, day: 7) * 86_400 + 8 * 3600 + 9 * 60 + 10
            let date = Date(timeIntervalSince1970: Double(seconds))
            #expect(StoreTimestamp.string(from: date) == stored)
            #expect(StoreTimestamp.iso8601(date) == iso)
        }
    }

    @Test("civil dates agree with day counts on known days")
    func civilDates() {
        #expect(StoreTimestamp.daysFromCivil(year: 1970, month: 1, day: 1) == 0)
        #expect(StoreTimestamp.daysFromCivil(year: 2000, month: 3, day: 1) == 11_017)
        #expect(StoreTimestamp.daysFromCivil(year: 1969, month: 12, day: 31) == -1)
        let day = StoreTimestamp.civilFromDays(20_784)
        #expect([day.year, day.month, day.day] == [2026, 11, 27])
    }
}
