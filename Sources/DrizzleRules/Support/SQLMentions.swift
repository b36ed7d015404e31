/// Whether SQL text the schema keeps as written (a check constraint, a partial index's `where`) names the column as a
/// whole word: `"status" in (…)`, `status = any(…)`, `"t"."status" = 'queued'`.
func sqlMentions(_ sql: String, column: String) -> Bool {
    let bytes = Array(sql.utf8)
    let name = Array(column.utf8)
    guard !name.isEmpty, bytes.count >= name.count else { return false }
    func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 48 && byte <= 57) || (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || byte == 95
    }
    for start in 0...(bytes.count - name.count) where bytes[start..<(start + name.count)].elementsEqual(name) {
        let before = start == 0 ? nil : bytes[start - 1]
        let after = start + name.count < bytes.count ? bytes[start + name.count] : nil
        if !(before.map(isWordByte) ?? false), !(after.map(isWordByte) ?? false) { return true }
    }
    return false
}
