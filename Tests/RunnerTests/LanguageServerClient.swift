import Foundation

/// A test client for `schemalint lsp`: starts the real binary with pipes for standard input and output and speaks
/// the protocol's framing (`Content-Length`, then JSON) to it, as an editor does.
final class LanguageServerClient {
    let process = Process()
    private let toServer = Pipe()
    private let fromServer = Pipe()
    private var buffer: [UInt8] = []
    private var nextID = 1
    /// Every notification received, in order (diagnostics, log messages).
    private(set) var notifications: [[String: Any]] = []

    init(binary: URL, folder: String) throws {
        process.executableURL = binary
        process.arguments = ["lsp"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        process.standardInput = toServer
        process.standardOutput = fromServer
        process.standardError = FileHandle.nullDevice
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        try process.run()
    }

    deinit {
        if process.isRunning { process.terminate() }
    }

    func notify(_ method: String, _ params: [String: Any] = [:]) {
        write(["jsonrpc": "2.0", "method": method, "params": params])
    }

    /// Sends a request and waits for its response (answering the server's own requests with null on the way).
    func request(_ method: String, _ params: [String: Any] = [:], timeout: TimeInterval = 60) throws -> [String: Any] {
        let id = nextID
        nextID += 1
        write(["jsonrpc": "2.0", "id": id, "method": method, "params": params])
        while true {
            let message = try receive(timeout: timeout)
            if message["method"] == nil, message["id"] as? Int == id { return message }
        }
    }

    /// Waits for the next `publishDiagnostics` for `uri` about the document's `version` or a later one (a
    /// publication without a version, or about an older text, was computed before the edit and is skipped).
    func diagnostics(for uri: String, version: Int? = nil, timeout: TimeInterval = 60) throws -> [[String: Any]] {
        while true {
            let message = try receive(timeout: timeout)
            guard message["method"] as? String == "textDocument/publishDiagnostics",
                  let params = message["params"] as? [String: Any], params["uri"] as? String == uri else { continue }
            if let version, (params["version"] as? Int ?? Int.min) < version { continue }
            return params["diagnostics"] as? [[String: Any]] ?? []
        }
    }

    /// Closes the server's input; returns its exit status.
    func finish() -> Int32 {
        writer.sync { try? toServer.fileHandleForWriting.close() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Writes happen in order on their own queue, as an editor's do: a large message (a 130 KB buffer) must not
    /// block this thread while the server is blocked writing diagnostics nobody reads yet.
    private let writer = DispatchQueue(label: "LanguageServerClient.writer")

    private func write(_ message: [String: Any]) {
        guard let body = try? JSONSerialization.data(withJSONObject: message) else { return }
        let handle = toServer.fileHandleForWriting
        writer.async { handle.write(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body) }
    }

    struct Timeout: Error {}

    private func receive(timeout: TimeInterval) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if let message = takeMessage() {
                // The server's requests (`client/registerCapability`) get an empty answer, as an editor would give.
                if let method = message["method"] as? String, let id = message["id"], !method.hasPrefix("textDocument/") {
                    write(["jsonrpc": "2.0", "id": id, "result": NSNull()])
                }
                if message["id"] == nil { notifications.append(message) }
                return message
            }
            var descriptor = pollfd(fd: fromServer.fileHandleForReading.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let wait = Int32(max(0, deadline.timeIntervalSinceNow) * 1000)
            guard wait > 0, poll(&descriptor, 1, wait) > 0 else { throw Timeout() }
            var chunk = [UInt8](repeating: 0, count: 65536)
            let count = chunk.withUnsafeMutableBytes { read(descriptor.fd, $0.baseAddress!, $0.count) }
            guard count > 0 else { throw Timeout() }
            buffer += chunk[0..<count]
        }
    }

    private func takeMessage() -> [String: Any]? {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard buffer.count >= 4, let end = (0...(buffer.count - 4)).first(where: { Array(buffer[$0..<($0 + 4)]) == separator }) else { return nil }
        let header = String(decoding: buffer[0..<end], as: UTF8.self)
        guard let lengthLine = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
              let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)),
              buffer.count >= end + 4 + length else { return nil }
        let body = Data(buffer[(end + 4)..<(end + 4 + length)])
        buffer.removeFirst(end + 4 + length)
        return (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }
}

/// Applies a `WorkspaceEdit`'s edits for one URI to a text (LSP positions: UTF-16), as an editor would.
func applying(_ edit: [String: Any], to text: String, uri: String) -> String {
    let changes = (edit["changes"] as? [String: Any])?[uri] as? [[String: Any]] ?? []
    var lines = text.components(separatedBy: "\n").map { Array($0.utf16) }
    // Apply from the end so earlier positions stay valid.
    let sorted = changes.sorted { position($0, "start") > position($1, "start") }
    for change in sorted {
        let (startLine, startCharacter) = position(change, "start")
        let (endLine, endCharacter) = position(change, "end")
        let before = Array(lines[startLine][0..<startCharacter])
        let after = Array(lines[endLine][endCharacter...])
        let inserted = (change["newText"] as? String ?? "").components(separatedBy: "\n").map { Array($0.utf16) }
        var replacement = inserted
        replacement[0] = before + replacement[0]
        replacement[replacement.count - 1] += after
        lines.replaceSubrange(startLine...endLine, with: replacement)
    }
    return lines.map { String(decoding: $0, as: UTF16.self) }.joined(separator: "\n")
}

private func position(_ change: [String: Any], _ key: String) -> (Int, Int) {
    let range = change["range"] as? [String: Any]
    let point = range?[key] as? [String: Any]
    return (point?["line"] as? Int ?? 0, point?["character"] as? Int ?? 0)
}

private func > (lhs: (Int, Int), rhs: (Int, Int)) -> Bool { lhs.0 != rhs.0 ? lhs.0 > rhs.0 : lhs.1 > rhs.1 }
