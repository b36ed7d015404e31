/// A JSON number literal as an exact decimal: `significand × 10^exponent`, normalised so that equal values
/// have equal representations (`1`, `1.0` and `10e-1` are the same). Used where doubles would be wrong:
/// `multipleOf`, `const`/`enum` equality and comparisons of very large or very precise numbers.
struct ExactDecimal: Sendable, Hashable {
    var isNegative: Bool
    /// Decimal digits (0...9) of the significand, without leading or trailing zeros; empty for zero.
    var digits: [UInt8]
    var exponent: Int

    static let zero = ExactDecimal(isNegative: false, digits: [], exponent: 0)

    var isZero: Bool { digits.isEmpty }
    var isInteger: Bool { digits.isEmpty || exponent >= 0 }

    /// Parses a literal that follows the JSON number grammar; nil for anything else.
    init?<Bytes: Collection<UInt8>>(literal: Bytes) {
        var negative = false
        var significand: [UInt8] = []
        var fractionLength = 0
        var index = literal.startIndex
        func peek() -> UInt8? { index < literal.endIndex ? literal[index] : nil }
        if peek() == UInt8(ascii: "-") { negative = true; literal.formIndex(after: &index) }
        guard let first = peek(), isDigit(first) else { return nil }
        if first == UInt8(ascii: "0") {
            literal.formIndex(after: &index)
            if let next = peek(), isDigit(next) { return nil }
        } else {
            while let byte = peek(), isDigit(byte) { significand.append(byte &- 48); literal.formIndex(after: &index) }
        }
        if peek() == UInt8(ascii: ".") {
            literal.formIndex(after: &index)
            guard let byte = peek(), isDigit(byte) else { return nil }
            while let byte = peek(), isDigit(byte) {
                significand.append(byte &- 48); fractionLength += 1; literal.formIndex(after: &index)
            }
        }
        var exponent = 0
        if let byte = peek(), byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
            literal.formIndex(after: &index)
            var exponentNegative = false
            if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
                exponentNegative = sign == UInt8(ascii: "-"); literal.formIndex(after: &index)
            }
            guard let digit = peek(), isDigit(digit) else { return nil }
            while let byte = peek(), isDigit(byte) {
                // Clamp: exponents beyond a billion are meaningless but must not overflow.
                if exponent < 1_000_000_000 { exponent = exponent * 10 + Int(byte &- 48) }
                literal.formIndex(after: &index)
            }
            if exponentNegative { exponent = -exponent }
        }
        guard index == literal.endIndex else { return nil }
        self.init(isNegative: negative, significand: significand, exponent: exponent - fractionLength)
    }

    /// Normalises a raw significand (leading/trailing zeros allowed).
    init(isNegative: Bool, significand: [UInt8], exponent: Int) {
        var low = 0
        var high = significand.count
        while low < high, significand[low] == 0 { low += 1 }
        var exponent = exponent
        while high > low, significand[high - 1] == 0 { high -= 1; exponent += 1 }
        if low == high {
            self = .zero
        } else {
            self.init(isNegative: isNegative, digits: Array(significand[low..<high]), exponent: exponent)
        }
    }

    init(isNegative: Bool, digits: [UInt8], exponent: Int) {
        self.isNegative = isNegative
        self.digits = digits
        self.exponent = exponent
    }

    /// True when `self / divisor` is an integer. Exact for any literal; a zero divisor is never a divisor.
    func isMultiple(of divisor: ExactDecimal) -> Bool {
        if divisor.isZero { return false }
        if isZero { return true }
        // self = A·10^a, divisor = B·10^b. A has no trailing zeros, so if a < b then A·10^(a-b) can only be an
        // integer multiple of B when ... it cannot: B·10^(b-a) ends in a zero and A does not.
        let shift = exponent - divisor.exponent
        if shift < 0 { return false }
        return Self.remainder(of: digits, timesPowerOfTenBy: shift, dividedBy: divisor.digits) == 0
    }

    /// `(A · 10^shift) mod B` for decimal digit strings; returns 0 or 1 when B is big (only zero-ness matters).
    private static func remainder(of a: [UInt8], timesPowerOfTenBy shift: Int, dividedBy b: [UInt8]) -> UInt64 {
        if b.count <= 19 {
            var modulus: UInt64 = 0
            for digit in b { modulus = modulus * 10 + UInt64(digit) }
            var remainder: UInt64 = 0
            for digit in a { remainder = mulMod(remainder, 10, modulus); remainder = addMod(remainder, UInt64(digit), modulus) }
            return mulMod(remainder, powMod(10, shift, modulus), modulus)
        }
        // Big divisor: schoolbook long division on decimal digits. Shifts are capped: a literal like 1e100000
        // divided by a 20-digit number is not a realistic schema.
        var remainder: [UInt8] = []
        let zeros = min(shift, 100_000)
        for index in 0..<(a.count + zeros) {
            let digit = index < a.count ? a[index] : 0
            if !(remainder.isEmpty && digit == 0) { remainder.append(digit) }
            while compareMagnitude(remainder, b) >= 0 { subtract(&remainder, b) }
        }
        return remainder.isEmpty ? 0 : 1
    }

    private static func mulMod(_ x: UInt64, _ y: UInt64, _ m: UInt64) -> UInt64 {
        let product = x.multipliedFullWidth(by: y)
        return m.dividingFullWidth((product.high % m, product.low)).remainder
    }

    private static func addMod(_ x: UInt64, _ y: UInt64, _ m: UInt64) -> UInt64 {
        let (sum, overflow) = x.addingReportingOverflow(y % m)
        if overflow || sum >= m { return sum &- m }
        return sum
    }

    private static func powMod(_ base: UInt64, _ exponent: Int, _ m: UInt64) -> UInt64 {
        var result: UInt64 = 1 % m
        var base = base % m
        var exponent = exponent
        while exponent > 0 {
            if exponent & 1 == 1 { result = mulMod(result, base, m) }
            base = mulMod(base, base, m)
            exponent >>= 1
        }
        return result
    }

    /// Compares two digit strings without leading zeros as integers.
    private static func compareMagnitude(_ x: [UInt8], _ y: [UInt8]) -> Int {
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        for (a, b) in zip(x, y) where a != b { return a < b ? -1 : 1 }
        return 0
    }

    /// x -= y for digit strings with x >= y; strips leading zeros of the result.
    private static func subtract(_ x: inout [UInt8], _ y: [UInt8]) {
        var borrow = 0
        var xi = x.count - 1
        var yi = y.count - 1
        while xi >= 0 {
            var value = Int(x[xi]) - borrow - (yi >= 0 ? Int(y[yi]) : 0)
            borrow = value < 0 ? 1 : 0
            if value < 0 { value += 10 }
            x[xi] = UInt8(value)
            xi -= 1; yi -= 1
        }
        let leading = x.prefix(while: { $0 == 0 }).count
        x.removeFirst(leading)
    }
}

extension ExactDecimal: Comparable {
    static func < (lhs: ExactDecimal, rhs: ExactDecimal) -> Bool {
        if lhs.isNegative != rhs.isNegative { return lhs.isNegative }
        let magnitudeLess = lessInMagnitude(lhs, rhs)
        let magnitudeGreater = lessInMagnitude(rhs, lhs)
        return lhs.isNegative ? magnitudeGreater : magnitudeLess
    }

    private static func lessInMagnitude(_ lhs: ExactDecimal, _ rhs: ExactDecimal) -> Bool {
        if lhs.isZero || rhs.isZero { return lhs.isZero && !rhs.isZero }
        // Position of the most significant digit decides first.
        let lhsTop = lhs.digits.count + lhs.exponent
        let rhsTop = rhs.digits.count + rhs.exponent
        if lhsTop != rhsTop { return lhsTop < rhsTop }
        for (a, b) in zip(lhs.digits, rhs.digits) where a != b { return a < b }
        return lhs.digits.count < rhs.digits.count
    }
}

@inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- 48 < 10 }
