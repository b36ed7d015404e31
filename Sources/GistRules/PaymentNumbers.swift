/// Recognises payment card numbers and IBANs in string values by their check digits, so that a card number
/// pasted into a note is found whatever its key is called.
enum PaymentNumbers {
    /// What kind of payment number `value` holds (`payment card number` anywhere in it, `IBAN` as the whole value).
    static func kind(of value: String) -> String? {
        let bytes = Array(value.utf8)
        guard bytes.count >= 13 else { return nil }
        if digitRuns(bytes).contains(where: isCardNumber) { return "payment card number" }
        if bytes.count <= 42, isIBAN(bytes) { return "IBAN" }
        return nil
    }

    /// Maximal runs of digits with single spaces or dashes between them.
    static func digitRuns(_ bytes: [UInt8]) -> [ArraySlice<UInt8>] {
        var runs: [ArraySlice<UInt8>] = []
        var start: Int?
        var lastDigit = 0
        for (index, byte) in bytes.enumerated() {
            let isDigit = byte >= 0x30 && byte <= 0x39
            let isSeparator = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-")
            if isDigit {
                if start == nil { start = index }
                lastDigit = index
            } else if !(isSeparator && start != nil && lastDigit == index - 1) {
                if let begin = start { runs.append(bytes[begin...lastDigit]) }
                start = nil
            }
        }
        if let begin = start { runs.append(bytes[begin...lastDigit]) }
        return runs
    }

    /// 13 to 19 digits (spaces or dashes between groups allowed) that pass the Luhn check.
    static func isCardNumber(_ bytes: ArraySlice<UInt8>) -> Bool {
        var digits: [Int] = []
        for byte in bytes {
            if byte >= 0x30 && byte <= 0x39 { digits.append(Int(byte - 0x30)) } else if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "-") { return false }
        }
        guard digits.count >= 13, digits.count <= 19, digits.first != 0, Set(digits).count >= 2 else { return false }
        var sum = 0
        for (offset, digit) in digits.reversed().enumerated() {
            let doubled = offset % 2 == 1 ? digit * 2 : digit
            sum += doubled > 9 ? doubled - 9 : doubled
        }
        return sum % 10 == 0
    }

    /// Two letters, two check digits and 11 to 30 letters or digits (spaces allowed) that pass ISO 13616's mod 97.
    static func isIBAN(_ bytes: [UInt8]) -> Bool {
        let compact = bytes.filter { $0 != UInt8(ascii: " ") }.map { $0 >= 0x61 && $0 <= 0x7A ? $0 - 0x20 : $0 }
        guard compact.count >= 15, compact.count <= 34,
              compact[0] >= 0x41, compact[0] <= 0x5A, compact[1] >= 0x41, compact[1] <= 0x5A,
              compact[2] >= 0x30, compact[2] <= 0x39, compact[3] >= 0x30, compact[3] <= 0x39 else { return false }
        var remainder = 0
        for byte in compact[4...] + compact[..<4] {
            switch byte {
            case 0x30...0x39: remainder = (remainder * 10 + Int(byte - 0x30)) % 97
            case 0x41...0x5A: remainder = (remainder * 100 + Int(byte - 0x41 + 10)) % 97
            default: return false
            }
        }
        return remainder == 1
    }
}
