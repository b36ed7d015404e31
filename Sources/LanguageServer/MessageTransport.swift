import Foundation

/// JSON-RPC 2.0 messages framed as the Language Server Protocol frames them: `Content-Length: N` and other headers,
/// a blank line, then N bytes of JSON. Reads from one file descriptor, writes to another.
final class MessageTransport {
    private let input: Int32
    private let output: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
    }

    /// A framed message is waiting, already buffered or readable without blocking: the server then takes it before
    /// re-checking, so a burst of keystrokes costs one check.
    var hasPendingInput: Bool {
        if buffer.count > start { return true }
        var descriptor = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, 0) > 0
    }

    /// The next message, or nil at the end of input. Malformed frames are skipped (their header names no length).
    func read() -> [String: Any]? {
        while true {
            guard let headerEnd = find([13, 10, 13, 10]) else {
                guard fill() else { return nil }
                continue
            }
            let header = String(decoding: buffer[start..<headerEnd], as: UTF8.self)
            var length: Int?
            for line in header.split(separator: "\r\n") {
                let parts = line.split(separator: ":", maxSplits: 1)
                if parts.count == 2, parts[0].lowercased() == "content-length" {
                    length = Int(parts[1].trimmingCharacters(in: .whitespaces))
                }
            }
            let bodyStart = headerEnd + 4
            guard let length, length >= 0 else {
                start = bodyStart
                continue
            }
            while buffer.count - bodyStart < length {
                guard fill() else { return nil }
            }
            let body = Data(buffer[bodyStart..<(bodyStart + length)])
            start = bodyStart + length
            if start > 1 << 20 {
                buffer.removeFirst(start)
                start = 0
            }
            if let message = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] { return message }
        }
    }

    func send(_ message: [String: Any]) {
        var body = message
        body["jsonrpc"] = "2.0"
        guard let data = MessageJSON.encode(body) else { return }
        var bytes = Array("Content-Length: \(data.count)\r\n\r\n".utf8)
        bytes += data
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Foundation.write(output, $0.baseAddress! + written, bytes.count - written) }
            if result <= 0 { return }
            written += result
        }
    }

    private func find(_ pattern: [UInt8]) -> Int? {
        guard buffer.count - start >= pattern.count else { return nil }
        var index = start
        while index + pattern.count <= buffer.count {
            if buffer[index] == pattern[0], Array(buffer[index..<(index + pattern.count)]) == pattern { return index }
            index += 1
        }
        return nil
    }

    private func fill() -> Bool {
        var chunk = [UInt8](repeating: 0, count: 65536)
        let count = chunk.withUnsafeMutableBytes { Foundation.read(input, $0.baseAddress!, $0.count) }
        guard count > 0 else { return false }
        buffer += chunk[0..<count]
        return true
    }
}
