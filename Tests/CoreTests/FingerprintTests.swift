import Core
import Testing

/// The engine hashes a finding's located text as it normalises it; baselines hold fingerprints made the first
/// way (`hash` of the normalised text), so both must agree.
@Suite struct FingerprintTests {
    static let texts: [String] = [
        "", "   ", "ALTER TABLE \"t\"\n\tADD COLUMN x int;", "  leading and trailing  \r\n", "a \t\r\n  b",
        "ünïcödé — 😀", String(repeating: "word  ", count: 1000),
    ]

    @Test(arguments: texts)
    func streamedHashIsTheHashOfTheNormalisedText(_ text: String) {
        let bytes = ArraySlice(Array(text.utf8))
        let parts = ["migration/rule", "drizzle/0001.sql", Fingerprint.normalizedText(bytes), "a message"]
        let value = Fingerprint.value(ruleID: parts[0], path: parts[1], text: bytes, message: parts[3])
        #expect(Fingerprint.hex(value) == Fingerprint.hash(parts))
    }

    @Test func hexHasSixteenLowerCaseDigits() {
        #expect(Fingerprint.hex(0) == "0000000000000000")
        #expect(Fingerprint.hex(0xABC) == "0000000000000abc")
        #expect(Fingerprint.hex(UInt64.max) == "ffffffffffffffff")
        #expect(Fingerprint.hex(0x0123_4567_89AB_CDEF) == "0123456789abcdef")
    }
}
