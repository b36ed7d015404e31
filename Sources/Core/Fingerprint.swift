/// Fingerprints that identify a finding across unrelated edits: rule, path and the located text, not line numbers.
public enum Fingerprint {
    /// 64-bit FNV-1a over the parts, as 16 hex digits.
    public static func hash(_ parts: [String]) -> String {
        var hasher = FNV1a()
        for part in parts { hasher.add(part) }
        return hex(hasher.value)
    }

    /// `hash([ruleID, path, normalizedText(text), message])` as a number, without building the normalised text: a
    /// report locates thousands of findings, and the text and the per-byte walk of each part were a third of it.
    public static func value(ruleID: String, path: String, text: ArraySlice<UInt8>, message: String) -> UInt64 {
        var hasher = FNV1a()
        hasher.add(ruleID)
        hasher.add(path)
        forEachNormalizedByte(of: text) { hasher.add(byte: $0) }
        hasher.endPart()
        hasher.add(message)
        return hasher.value
    }

    /// A fingerprint as written in reports and baselines: 16 lower-case hex digits.
    public static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let nibble = UInt8(truncatingIfNeeded: value >> UInt64(60 - 4 * index)) & 0xF
                buffer[index] = nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
            }
            return 16
        }
    }

    /// The located text with whitespace runs collapsed, so re-indentation does not change it.
    public static func normalizedText(_ bytes: ArraySlice<UInt8>) -> String {
        var result: [UInt8] = []
        result.reserveCapacity(min(bytes.count, 256))
        forEachNormalizedByte(of: bytes) { result.append($0) }
        return String(decoding: result, as: UTF8.self)
    }

    /// The bytes of the normalised text, in order: the first 4,096 bytes of the located text (a finding may span a
    /// whole file) with each whitespace run inside it as one space and none at either end.
    private static func forEachNormalizedByte(of bytes: ArraySlice<UInt8>, _ body: (UInt8) -> Void) {
        var pendingSpace = false, wroteAny = false
        for byte in bytes.prefix(4096) {
            if byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
                pendingSpace = wroteAny
            } else {
                if pendingSpace { body(0x20) }
                pendingSpace = false
                wroteAny = true
                body(byte)
            }
        }
    }
}

/// 64-bit FNV-1a, each part ended by a 0xFF byte (which UTF-8 never holds) so that parts cannot run together.
private struct FNV1a {
    var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(byte: UInt8) {
        value ^= UInt64(byte)
        value &*= 0x0000_0100_0000_01B3
    }

    mutating func endPart() { add(byte: 0xFF) }

    /// A whole part: its UTF-8 bytes read in place (walking `String.UTF8View` cost three times as much).
    mutating func add(_ part: String) {
        var part = part
        part.withUTF8 { bytes in
            for byte in bytes { add(byte: byte) }
        }
        endPart()
    }
}
