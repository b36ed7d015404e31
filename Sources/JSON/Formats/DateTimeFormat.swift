/// RFC 3339 `date`, `time`, `date-time` and its appendix A `duration`.
enum DateTimeFormat {
    static func isDate(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count == 10 else { return false }
        let start = bytes.startIndex
        guard bytes[start + 4] == UInt8(ascii: "-"), bytes[start + 7] == UInt8(ascii: "-"),
              let year = asciiNumber(bytes[start..<start + 4]), let month = asciiNumber(bytes[start + 5..<start + 7]),
              let day = asciiNumber(bytes[start + 8..<start + 10]), (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day)
    }

    /// `HH:MM:SS[.frac](Z|±HH:MM)`; a leap second (`:60`) only at 23:59 UTC.
    static func isTime(_ bytes: ArraySlice<UInt8>) -> Bool {
        guard bytes.count >= 9 else { return false }
        let start = bytes.startIndex
        guard bytes[start + 2] == UInt8(ascii: ":"), bytes[start + 5] == UInt8(ascii: ":"),
              let hour = asciiNumber(bytes[start..<start + 2]), let minute = asciiNumber(bytes[start + 3..<start + 5]),
              let second = asciiNumber(bytes[start + 6..<start + 8]), hour < 24, minute < 60, second <= 60 else { return false }
        var index = start + 8
        if index < bytes.endIndex, bytes[index] == UInt8(ascii: ".") {
            index += 1
            let fractionStart = index
            while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
            guard index > fractionStart else { return false }
        }
        guard index < bytes.endIndex else { return false }
        var offsetMinutes = 0
        switch bytes[index] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard index + 1 == bytes.endIndex else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            let offset = bytes[(index + 1)...]
            guard offset.count == 5, offset[offset.startIndex + 2] == UInt8(ascii: ":"),
                  let offsetHour = asciiNumber(offset.prefix(2)), let offsetMinute = asciiNumber(offset.suffix(2)),
                  offsetHour < 24, offsetMinute < 60 else { return false }
            offsetMinutes = (offsetHour * 60 + offsetMinute) * (bytes[index] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return false
        }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    static func isDateTime(_ bytes: [UInt8]) -> Bool {
        guard bytes.count > 11, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: "t") else { return false }
        return isDate(bytes[0..<10]) && isTime(bytes[11...])
    }

    /// `P[nY][nM][nD][T[nH][nM][nS]]` or `PnW`. Units are consecutive (RFC 3339 appendix A: `P1Y2D` and
    /// `PT1H2S` are invalid), with at least one unit, and at least one after `T`.
    static func isDuration(_ bytes: [UInt8]) -> Bool {
        guard bytes.first == UInt8(ascii: "P"), bytes.count > 1 else { return false }
        if bytes.last == UInt8(ascii: "W") {
            return bytes.count > 2 && bytes[1..<(bytes.count - 1)].allSatisfy(isDigit)
        }
        let body = bytes[1...]
        let timeStart = body.firstIndex(of: UInt8(ascii: "T"))
        let datePart = body[..<(timeStart ?? body.endIndex)]
        let timePart = timeStart.map { body[($0 + 1)...] }
        if let timePart, timePart.isEmpty { return false }
        guard isUnitSequence(datePart, units: Array("YMD".utf8)) else { return false }
        if let timePart { return isUnitSequence(timePart, units: Array("HMS".utf8)) }
        return !datePart.isEmpty
    }

    /// `n<unit>` pairs whose units are consecutive entries of `units`.
    private static func isUnitSequence(_ bytes: ArraySlice<UInt8>, units: [UInt8]) -> Bool {
        var index = bytes.startIndex
        var previous: Int?
        while index < bytes.endIndex {
            let digitsStart = index
            while index < bytes.endIndex, isDigit(bytes[index]) { index += 1 }
            guard index > digitsStart, index < bytes.endIndex, let rank = units.firstIndex(of: bytes[index]) else { return false }
            if let previous, rank != previous + 1 { return false }
            previous = rank
            index += 1
        }
        return true
    }
}
