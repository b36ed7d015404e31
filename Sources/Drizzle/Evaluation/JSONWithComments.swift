/// tsconfig files are JSON with comments and trailing commas: blank those out (keeping byte offsets).
enum JSONWithComments {
    static func strip(_ bytes: [UInt8]) -> [UInt8] {
        var output = bytes
        var position = 0
        var lastSignificant: Int?
        while position < output.count {
            let byte = output[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                while position < output.count, output[position] != UInt8(ascii: "\"") {
                    position += output[position] == UInt8(ascii: "\\") ? 2 : 1
                }
                lastSignificant = position
                position += 1
                continue
            }
            if byte == UInt8(ascii: "/"), position + 1 < output.count {
                let next = output[position + 1]
                if next == UInt8(ascii: "/") {
                    while position < output.count, output[position] != UInt8(ascii: "\n") {
                        output[position] = UInt8(ascii: " ")
                        position += 1
                    }
                    continue
                }
                if next == UInt8(ascii: "*") {
                    let start = position
                    position += 2
                    while position + 1 < output.count,
                          !(output[position] == UInt8(ascii: "*") && output[position + 1] == UInt8(ascii: "/")) {
                        position += 1
                    }
                    let end = min(position + 2, output.count)
                    for index in start..<end where output[index] != UInt8(ascii: "\n") { output[index] = UInt8(ascii: " ") }
                    position = end
                    continue
                }
            }
            if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]"), let last = lastSignificant,
               output[last] == UInt8(ascii: ",") {
                output[last] = UInt8(ascii: " ")
            }
            if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\t")
                && byte != UInt8(ascii: "\r") {
                lastSignificant = position
            }
            position += 1
        }
        return output
    }
}
