import Core
import Foundation
import Linter
import RuleEngine

/// `schemalint lsp`: a Language Server Protocol 3.17 server over standard input and output. It checks the workspace
/// the way `schemalint check` does, with the editor's open buffers read instead of the files on disk, and
/// publishes each file's findings as diagnostics; offers the findings' fixes as code actions; shows a rule's
/// documentation on hover; and re-checks when `.schemalint.yml` changes.
public final class LanguageServer {
    private let transport: MessageTransport
    private let catalog: RuleCatalog
    private let environment: [String: String]
    private var root: URL?
    private var documents = DocumentStore()
    /// Every file's parse, kept from check to check: an edit re-parses only the buffer that changed.
    private let parses = ParseCache()
    /// Each facet of the project and each rule's findings, kept from check to check: an edit re-reads only the
    /// facets the changed buffer feeds and re-runs only the rules reading them.
    private let memory = CheckMemory()
    /// The last check: its report, the root its paths are relative to, and the bytes it read of each file with a finding.
    private var report: Report?
    private var reportRoot: URL?
    private var reportRootPath = ""
    private var published: [String: Publication] = [:]
    /// The files the last check's findings are in, as it read them (see `file(_:)`), by absolute path.
    private var files: [String: SourceFile] = [:]
    /// Report paths and the absolute paths they name, both ways, for the last check.
    private var absolutePaths: [String: String] = [:]
    private var relativePaths: [String: String] = [:]
    private var needsCheck = false
    private var shutdownRequested = false
    private var nextRequestID = 1

    public init(input: Int32 = STDIN_FILENO, output: Int32 = STDOUT_FILENO, catalog: RuleCatalog,
                environment: [String: String] = ProcessInfo.processInfo.environment) {
        transport = MessageTransport(input: input, output: output)
        self.catalog = catalog
        self.environment = environment
    }

    /// Serves until `exit` or the end of input; returns the process exit code (0 after `shutdown`, else 1).
    public func run() -> Int32 {
        while let message = transport.read() {
            if let code = handle(message) { return code }
            // Several edits in a row are checked once, after the last.
            if needsCheck && !transport.hasPendingInput { check() }
        }
        return shutdownRequested ? 0 : 1
    }

    /// Handles one message; returns an exit code when the server must stop.
    private func handle(_ message: [String: Any]) -> Int32? {
        let method = message["method"] as? String
        let id = message["id"]
        let params = message["params"] as? [String: Any] ?? [:]
        guard let method else { return nil }  // a response to one of our requests
        switch method {
        case "initialize":
            root = Self.workspaceRoot(params)
            respond(id, Self.capabilities)
        case "initialized":
            registerConfigurationWatcher()
            needsCheck = true
        case "shutdown":
            shutdownRequested = true
            respond(id, NSNull())
        case "exit":
            return shutdownRequested ? 0 : 1
        case "textDocument/didOpen":
            guard let document = params["textDocument"] as? [String: Any], let path = path(document),
                  let text = document["text"] as? String else { return nil }
            documents.open(path, text: text, version: document["version"] as? Int)
            needsCheck = true
        case "textDocument/didChange":
            guard let path = path(params["textDocument"]), let changes = params["contentChanges"] as? [[String: Any]] else { return nil }
            documents.change(path, changes, version: (params["textDocument"] as? [String: Any])?["version"] as? Int)
            needsCheck = true
        case "textDocument/didSave", "workspace/didChangeWatchedFiles", "workspace/didChangeConfiguration":
            // A saved `.schemalint.yml` (or any file) is read again from disk by the next check.
            needsCheck = true
        case "textDocument/didClose":
            guard let path = path(params["textDocument"]) else { return nil }
            documents.close(path)
            needsCheck = true
        case "textDocument/codeAction":
            if needsCheck { check() }
            respond(id, codeActions(params))
        case "textDocument/hover":
            if needsCheck { check() }
            respond(id, hover(params) ?? NSNull())
        default:
            if id != nil, !method.hasPrefix("$/") {
                transport.send(["id": id ?? NSNull(), "error": ["code": -32601, "message": "method not found: \(method)"]])
            }
        }
        return nil
    }

    static var capabilities: [String: Any] { [
        "capabilities": [
            "positionEncoding": "utf-16",
            "textDocumentSync": ["openClose": true, "change": 2, "save": ["includeText": false]],
            "codeActionProvider": ["codeActionKinds": ["quickfix"]],
            "hoverProvider": true,
        ] as [String: Any],
        "serverInfo": ["name": "schemalint", "version": CheckRunner.toolVersion],
    ] }

    private func respond(_ id: Any?, _ result: Any) {
        transport.send(["id": id ?? NSNull(), "result": result])
    }

    private func path(_ document: Any?) -> String? {
        guard let uri = (document as? [String: Any])?["uri"] as? String else { return nil }
        return FileURI.path(uri)
    }

    static func workspaceRoot(_ params: [String: Any]) -> URL? {
        if let folders = params["workspaceFolders"] as? [[String: Any]], let uri = folders.first?["uri"] as? String,
           let path = FileURI.path(uri) { return URL(fileURLWithPath: path) }
        if let uri = params["rootUri"] as? String, let path = FileURI.path(uri) { return URL(fileURLWithPath: path) }
        if let path = params["rootPath"] as? String { return URL(fileURLWithPath: path) }
        return nil
    }

    /// Asks the client to tell us when a `.schemalint.yml` changes on disk (dynamic registration; clients that do
    /// not support it still send `didSave` for the file when it is edited in the editor).
    private func registerConfigurationWatcher() {
        let registration: [String: Any] = [
            "id": "schemalint-configuration", "method": "workspace/didChangeWatchedFiles",
            "registerOptions": ["watchers": [["globPattern": "**/\(ConfigurationReader.fileName)"]]],
        ]
        transport.send(["id": "schemalint-\(nextRequestID)", "method": "client/registerCapability",
                        "params": ["registrations": [registration]]])
        nextRequestID += 1
    }

    // MARK: checking

    /// Checks the workspace with the open buffers and publishes every file's diagnostics (an empty list for a
    /// file whose findings are gone).
    private func check() {
        needsCheck = false
        var options = CheckOptions()
        let folder = root ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        options.paths = [folder.path]
        options.buffers = documents.contents
        options.parses = parses
        options.memory = memory
        do {
            let (report, root) = try CheckRunner(options: options, environment: environment).lintFolder(catalog: catalog)
            let previous = self.report
            self.report = report
            Disposal.later(previous)
            reportRoot = root
            reportRootPath = root.standardizedFileURL.path
        } catch {
            transport.send(["method": "window/logMessage", "params": ["type": 1, "message": "schemalint: \(error.message)"]])
            report = nil
        }
        // The last check's files and paths are dropped on another thread: freeing them is work nobody waits for.
        let previous = (files, absolutePaths, relativePaths)
        files = [:]
        absolutePaths = [:]
        relativePaths = [:]
        Disposal.later(previous)
        parses.endRun()
        var byURI: [String: [LocatedFinding]] = [:]
        var paths: [String: String] = [:]
        var uris: [String: String] = [:]
        for located in report?.findings ?? [] {
            guard let path = absolutePath(located.finding.path) else { continue }
            let uri = uris[path] ?? FileURI.uri(path)
            uris[path] = uri
            byURI[uri, default: []].append(located)
            paths[uri] = path
        }
        for uri in published.keys where byURI[uri] == nil { byURI[uri] = [] }
        // Open documents first: the file being edited is the one whose diagnostics the user is waiting for.
        let order = byURI.keys.map { uri in (uri: uri, isOpen: paths[uri].map { documents.versions[$0] != nil } ?? false) }
            .sorted { a, b in a.isOpen != b.isOpen ? a.isOpen : a.uri < b.uri }
            .map(\.uri)
        let links = RuleLinks(environment: environment)
        var publications: [String: Publication] = [:]
        for uri in order {
            let located = byURI[uri] ?? []
            let path = paths[uri] ?? FileURI.path(uri)
            let file = path.map(file)
            let diagnostics = file.map { file in located.map { Diagnostic($0, in: file, links: links) } } ?? []
            let version = path.flatMap { documents.versions[$0] }
            let publication = Publication(diagnostics: diagnostics, version: version)
            if !diagnostics.isEmpty { publications[uri] = publication }
            // An unchanged list is not sent again, unless the editor has a newer text of the file and waits for
            // diagnostics about it.
            if published[uri] == publication || (published[uri] == nil && diagnostics.isEmpty) { continue }
            var params: [String: Any] = ["uri": uri, "diagnostics": MessageJSON.Raw(bytes: Diagnostic.encode(diagnostics))]
            if let version { params["version"] = version }
            transport.send(["method": "textDocument/publishDiagnostics", "params": params])
        }
        let previousPublications = published
        published = publications
        Disposal.later(previousPublications)
    }

    /// What was published for a file: enough to tell whether a new list differs.
    struct Publication: Equatable {
        var diagnostics: [Diagnostic]
        var version: Int?
    }

    /// One finding as an LSP diagnostic: its range in UTF-16 positions, severity, rule, message and fingerprint.
    struct Diagnostic: Equatable {
        var range: [Int]
        var severity: Int
        var code: String
        var message: String
        var fingerprint: String
        var page: String?

        init(_ located: LocatedFinding, in file: SourceFile, links: RuleLinks) {
            let finding = located.finding
            let start = file.utf16Position(of: finding.range.lowerBound), end = file.utf16Position(of: finding.range.upperBound)
            range = [start.line, start.character, end.line, end.character]
            severity = switch finding.severity {
            case .error: 1
            case .warning: 2
            case .info: 3
            }
            code = finding.ruleID
            message = finding.help.isEmpty ? finding.message : "\(finding.message)\nhelp: \(finding.help)"
            fingerprint = located.fingerprint
            page = links.page(finding.ruleID)
        }

        /// A list of diagnostics as JSON, written from the typed values (keys sorted, as `MessageJSON` writes them):
        /// going through `[String: Any]` cost more per diagnostic than locating it. The range is in UTF-16
        /// positions; the fingerprint is the `data` a code action request sends back.
        static func encode(_ diagnostics: [Diagnostic]) -> [UInt8] {
            var output: [UInt8] = []
            output.reserveCapacity(diagnostics.count * 400)
            output.append(UInt8(ascii: "["))
            for (index, diagnostic) in diagnostics.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                diagnostic.write(into: &output)
            }
            output.append(UInt8(ascii: "]"))
            return output
        }

        private func write(into output: inout [UInt8]) {
            func position(_ line: Int, _ character: Int) -> String { "{\"character\":\(character),\"line\":\(line)}" }
            output += "{\"code\":".utf8
            OrderedJSON.writeString(code, into: &output)
            if let page {
                output += ",\"codeDescription\":{\"href\":".utf8
                OrderedJSON.writeString(page, into: &output)
                output.append(UInt8(ascii: "}"))
            }
            output += ",\"data\":{\"fingerprint\":".utf8
            OrderedJSON.writeString(fingerprint, into: &output)
            output += "},\"message\":".utf8
            OrderedJSON.writeString(message, into: &output)
            output += ",\"range\":{\"end\":\(position(range[2], range[3])),\"start\":\(position(range[0], range[1]))}".utf8
            output += ",\"severity\":\(severity),\"source\":\"schemalint\"}".utf8
        }
    }

    /// A report path as an absolute path, worked out once per path and check.
    private func absolutePath(_ path: String) -> String? {
        if let known = absolutePaths[path] { return known }
        guard let reportRoot else { return nil }
        // Report paths are relative and already normal (no `.`, `..` or empty component): joined as text, which is
        // what `standardizedFileURL` would give at a fraction of its cost.
        let isNormal = !path.isEmpty && !path.hasPrefix("/") && path.split(separator: "/", omittingEmptySubsequences: false)
            .allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
        let absolute = isNormal && reportRootPath != "/" ? reportRootPath + "/" + path
            : reportRoot.appendingPathComponent(path).standardizedFileURL.path
        absolutePaths[path] = absolute
        relativePaths[absolute] = path
        return absolute
    }

    /// The file as the last check read it (positions are worked out in the text the findings are about), else the
    /// open buffer or the disk. One `SourceFile` per path and check, so that its line index is built once, not once
    /// per diagnostic; the check's own are kept from check to check with the facets they belong to.
    private func file(_ path: String) -> SourceFile {
        if let known = files[path] { return known }
        let file = relativePaths[path].flatMap { report?.sources[$0] }
            ?? SourceFile(path: path, bytes: documents.contents[path] ?? FileManager.default.contents(atPath: path).map(Array.init) ?? [])
        files[path] = file
        return file
    }

    private func range(_ bytes: Range<Int>, in file: SourceFile) -> [String: Any] {
        let start = file.utf16Position(of: bytes.lowerBound)
        let end = file.utf16Position(of: bytes.upperBound)
        return ["start": Position(line: start.line, character: start.character).json,
                "end": Position(line: end.line, character: end.character).json]
    }

    private func diagnostic(_ located: LocatedFinding, in file: SourceFile) -> MessageJSON.Raw {
        MessageJSON.Raw(bytes: Diagnostic.encode([Diagnostic(located, in: file, links: RuleLinks(environment: environment))]))
    }

    // MARK: code actions and hover

    private func codeActions(_ params: [String: Any]) -> [[String: Any]] {
        guard let path = path(params["textDocument"]), let report,
              let requested = params["range"] as? [String: Any],
              let start = Position(requested["start"]), let end = Position(requested["end"]) else { return [] }
        let file = file(path)
        var actions: [[String: Any]] = []
        for located in report.findings where absolutePath(located.finding.path) == path && !located.fixes.isEmpty {
            let span = range(located.finding.range, in: file)
            guard let spanStart = Position(span["start"]), let spanEnd = Position(span["end"]),
                  spanStart <= end, start <= spanEnd else { continue }
            for fix in located.fixes {
                var changes: [String: [[String: Any]]] = [:]
                for edit in fix.edits {
                    guard let target = absolutePath(edit.edit.path) else { continue }
                    changes[FileURI.uri(target), default: []].append(["range": range(edit.edit.range, in: self.file(target)),
                                                                       "newText": edit.edit.replacement])
                }
                actions.append([
                    "title": fix.isSafe ? fix.label : fix.label + " (review)", "kind": "quickfix", "isPreferred": fix.isSafe,
                    "diagnostics": diagnostic(located, in: file), "edit": ["changes": changes],
                ])
            }
        }
        return actions
    }

    /// A rule id under the cursor (a suppression comment, `.schemalint.yml`), else the rule of a finding there:
    /// its `schemalint explain` text.
    private func hover(_ params: [String: Any]) -> [String: Any]? {
        guard let path = path(params["textDocument"]), let position = Position(params["position"]) else { return nil }
        let file = file(path)
        let offset = file.offset(utf16Line: position.line, character: position.character)
        var lower = offset, upper = offset
        func isIDByte(_ byte: UInt8) -> Bool {
            (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x2F
        }
        while lower > 0, isIDByte(file.bytes[lower - 1]) { lower -= 1 }
        while upper < file.bytes.count, isIDByte(file.bytes[upper]) { upper += 1 }
        let word = String(decoding: file.bytes[lower..<upper], as: UTF8.self)
        if let entry = catalog[word] {
            return ["contents": ["kind": "markdown", "value": RuleDocumentation.markdown(for: entry)], "range": range(lower..<upper, in: file)]
        }
        let covering = report?.findings.first {
            absolutePath($0.finding.path) == path && $0.finding.range.lowerBound <= offset && offset <= $0.finding.range.upperBound
        }
        guard let located = covering, let entry = catalog[located.finding.ruleID] else { return nil }
        return ["contents": ["kind": "markdown", "value": RuleDocumentation.markdown(for: entry)],
                "range": range(located.finding.range, in: file)]
    }
}

