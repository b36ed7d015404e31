import Core

/// Reads a drizzle-kit snapshot's chain fields — `id`, `prevId` (or version 8's `prevIds`), `version`, `dialect` —
/// from the first bytes of the file, without parsing the rest. drizzle-kit writes them as the first top-level
/// members (`id, prevId, version, dialect` up to version 7; `version, dialect, id, prevIds` in version 8), so a few
/// hundred bytes answer what the chain rules ask of every snapshot but the latest, where reading whole files cost
/// most of a pre-commit run on a repository with 300 snapshots (issue 10).
///
/// Anything unexpected — another member before the four, an escape inside a value, a prefix that ends early —
/// returns nil, and the caller reads the whole file with `SnapshotHeaderReader`, so the result is never a guess.
enum SnapshotHeaderScanner {
    struct Fields {
        var id: PositionedText?
        var prevIds: [PositionedText] = []
        var version: String?
        var dialect: String?
        var sawPrevious = false
        var membersRead = 0

        var isComplete: Bool { id != nil && sawPrevious && version != nil && dialect != nil }
    }

    static func scan(_ bytes: [UInt8]) -> Fields? {
        var cursor = Cursor(bytes: bytes)
        var fields = Fields()
        guard cursor.skipWhitespace(), cursor.take(UInt8(ascii: "{")) else { return nil }
        while !fields.isComplete {
            guard cursor.skipWhitespace() else { return nil }
            if fields.membersRead > 0 { guard cursor.take(UInt8(ascii: ",")), cursor.skipWhitespace() else { return nil } }
            guard let key = cursor.string(), cursor.skipWhitespace(), cursor.take(UInt8(ascii: ":")), cursor.skipWhitespace()
            else { return nil }
            switch key.value {
            case "id":
                guard fields.id == nil, let value = cursor.string() else { return nil }
                fields.id = value
            case "prevId":
                guard !fields.sawPrevious, let value = cursor.string() else { return nil }
                fields.prevIds = [value]
                fields.sawPrevious = true
            case "prevIds":
                guard !fields.sawPrevious, let values = cursor.stringArray() else { return nil }
                fields.prevIds = values
                fields.sawPrevious = true
            case "version":
                guard fields.version == nil, let value = cursor.string() else { return nil }
                fields.version = value.value
            case "dialect":
                guard fields.dialect == nil, let value = cursor.string() else { return nil }
                fields.dialect = value.value
            default:
                return nil
            }
            fields.membersRead += 1
        }
        return fields
    }

    /// A forward-only reader over the prefix; every method returns nil/false when the prefix ends or the bytes
    /// are not the simple JSON expected here.
    private struct Cursor {
        let bytes: [UInt8]
        var offset = 0

        mutating func skipWhitespace() -> Bool {
            while offset < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[offset]) { offset += 1 }
            return offset < bytes.count
        }

        mutating func take(_ byte: UInt8) -> Bool {
            guard offset < bytes.count, bytes[offset] == byte else { return false }
            offset += 1
            return true
        }

        /// A string without escapes or control characters, with the range of its literal (quotes included, as
        /// `JSONNode.range` has it).
        mutating func string() -> PositionedText? {
            let start = offset
            guard take(UInt8(ascii: "\"")) else { return nil }
            while offset < bytes.count {
                let byte = bytes[offset]
                if byte == UInt8(ascii: "\"") {
                    offset += 1
                    guard let value = String(validating: bytes[(start + 1)..<(offset - 1)], as: UTF8.self) else { return nil }
                    return PositionedText(value: value, range: start..<offset)
                }
                if byte == UInt8(ascii: "\\") || byte < 0x20 { return nil }
                offset += 1
            }
            return nil
        }

        mutating func stringArray() -> [PositionedText]? {
            guard take(UInt8(ascii: "[")) else { return nil }
            var values: [PositionedText] = []
            guard skipWhitespace() else { return nil }
            if take(UInt8(ascii: "]")) { return values }
            while true {
                guard skipWhitespace(), let value = string(), skipWhitespace() else { return nil }
                values.append(value)
                if take(UInt8(ascii: "]")) { return values }
                guard take(UInt8(ascii: ",")) else { return nil }
            }
        }
    }
}
