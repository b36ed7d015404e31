import Core
import Foundation
import Reporters

/// `schemalint check` as a plain value: what the CLI parsed, before anything runs.
public struct CheckOptions: Sendable {
    public var paths: [String] = ["."]
    public var format: ReportFormat?
    public var output: String?
    public var configPath: String?
    public var maxWarnings: Int?
    public var color: ColorChoice = .auto

    public init() {}
}

public enum ColorChoice: String, CaseIterable, Sendable {
    case auto, always, never
}

/// A failure that ends the run with exit 2 (SPEC §8) and a one-line message.
public struct UsageFailure: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Runs `check`: loads configuration, runs the engine on each path, renders, and decides the exit code.
public struct CheckRunner {
    public let options: CheckOptions
    public let environment: [String: String]
    public static let toolVersion = "0.1.0"

    public init(options: CheckOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
    }

    /// Returns the exit code; writes the report to standard output or `--output`.
    public func run() throws(UsageFailure) -> Int32 {
        let catalog = try Self.loadCatalog()
        var combined: Report?
        var prefix = ""
        for path in options.paths {
            let folder = URL(fileURLWithPath: path).standardizedFileURL
            let (configuration, configurationFile) = try loadConfiguration(for: folder, catalog: catalog)
            let request = LintRequest(
                source: WorkTreeSource(root: folder), configuration: configuration,
                configurationFile: configurationFile, catalog: catalog)
            let report: Report
            do {
                report = try Engine.run(request)
            } catch {
                throw UsageFailure(error.description)
            }
            prefix = options.paths.count == 1 ? Self.displayPrefix(for: folder) : ""
            combined = combined.map { merge($0, report, prefixFor: folder) } ?? (options.paths.count == 1 ? report : reprefixed(report, folder))
        }
        guard let report = combined else { return 0 }
        let format = options.format ?? .text
        let useColor = options.output == nil && colorEnabled()
        let context = RenderContext(toolVersion: Self.toolVersion, catalog: catalog, pathPrefix: prefix, useColor: useColor)
        let rendered = format.reporter.render(report, context)
        if let output = options.output {
            do {
                try rendered.write(toFile: output, atomically: true, encoding: .utf8)
            } catch {
                throw UsageFailure("cannot write \(output): \(error.localizedDescription)")
            }
        } else {
            FileHandle.standardOutput.write(Data(rendered.utf8))
        }
        return Self.exitCode(for: report, maxWarnings: options.maxWarnings)
    }

    public static func exitCode(for report: Report, maxWarnings: Int?) -> Int32 {
        if report.count(.error) > 0 { return 1 }
        if let maxWarnings, report.count(.warning) > maxWarnings { return 1 }
        return 0
    }

    public static func loadCatalog() throws(UsageFailure) -> RuleCatalog {
        switch RuleCatalog.builtIn {
        case .success(let catalog): return catalog
        case .failure(let error): throw UsageFailure("internal error: rule catalog: \(error)")
        }
    }

    func loadConfiguration(for folder: URL, catalog: RuleCatalog) throws(UsageFailure) -> (Configuration, SourceFile?) {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw UsageFailure("cannot read \(folder.path): no such folder")
        }
        let url = options.configPath.map { URL(fileURLWithPath: $0) } ?? ConfigurationLocator.find(from: folder)
        guard let url else { return (Configuration(), nil) }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw UsageFailure("cannot read configuration \(url.path)")
        }
        let relative = Self.relativePath(of: url, to: folder)
        let file = SourceFile(path: relative, bytes: Array(data))
        do {
            return (try ConfigurationReader(catalog: catalog).read(file.bytes, file: relative), file)
        } catch {
            throw UsageFailure(error.description)
        }
    }

    private func colorEnabled() -> Bool {
        switch options.color {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            return isatty(STDOUT_FILENO) == 1
        }
    }

    /// Paths are reported relative to the repository root: the checked folder's place in its git repository,
    /// or in the current folder when it is not in one.
    static func displayPrefix(for folder: URL) -> String {
        let base = ConfigurationLocator.gitRoot(of: folder) ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        let relative = relativePath(of: folder, to: base)
        return relative.isEmpty || relative == "." ? "" : relative + "/"
    }

    /// `url` relative to `base` when inside it, else its absolute path.
    static func relativePath(of url: URL, to base: URL) -> String {
        let path = url.standardizedFileURL.path
        let root = base.standardizedFileURL.path
        if path == root { return "" }
        let prefix = root.hasSuffix("/") ? root : root + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : path
    }

    private func reprefixed(_ report: Report, _ folder: URL) -> Report {
        let prefix = Self.displayPrefix(for: folder)
        var copy = report
        copy.findings = report.findings.map { located in
            var moved = located
            moved.finding.path = prefix + located.finding.path
            return moved
        }
        copy.files = report.files.map { prefix + $0 }
        return copy
    }

    private func merge(_ first: Report, _ second: Report, prefixFor folder: URL) -> Report {
        let next = reprefixed(second, folder)
        return Report(
            findings: first.findings + next.findings, files: first.files + next.files,
            rulesRun: Array(Set(first.rulesRun + next.rulesRun)).sorted(),
            suppressedCount: first.suppressedCount + next.suppressedCount,
            baselinedCount: first.baselinedCount + next.baselinedCount, duration: first.duration + next.duration)
    }
}
