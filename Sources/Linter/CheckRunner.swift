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
    /// Read every input from the git index (SPEC §9).
    public var staged = false
    /// Compare with the tree at this ref (`migration/edited-after-merge`).
    public var base: String?
    /// With `staged` or `base`: report only findings in changed files.
    public var changedOnly = false

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

/// Runs `check`: prepares each folder's inputs (work tree, index or base tree), runs the engine, renders, and
/// decides the exit code.
public struct CheckRunner {
    public let options: CheckOptions
    public let environment: [String: String]
    public static let toolVersion = "0.1.0"

    public init(options: CheckOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
    }

    /// One checked folder, ready for the engine.
    struct PreparedFolder {
        var request: LintRequest
        /// The folder's place in its repository (`examples/demo/`), prepended to paths when reporting.
        var displayPrefix: String
        /// Where the baseline file is, for `schemalint baseline` to write it (absolute).
        var baselineLocation: String
        var changedOnly: ChangedOnlyFilter?
        /// The folder checked (absolute, standardized).
        var folder: URL
    }

    /// Returns the exit code; writes the report to standard output or `--output`.
    public func run() throws(UsageFailure) -> Int32 {
        let catalog = try Self.loadCatalog()
        let (report, prefix) = try lint(catalog: catalog)
        let format = options.format ?? (environment["GITHUB_ACTIONS"] == "true" ? .github : .text)
        let useColor = options.output == nil && colorEnabled()
        let context = RenderContext(toolVersion: Self.toolVersion, catalog: catalog, pathPrefix: prefix, useColor: useColor)
        try write(format.reporter.render(report, context))
        return Self.exitCode(for: report, maxWarnings: options.maxWarnings)
    }

    /// Lints every folder of `options.paths` and returns one report, with the prefix that makes its paths
    /// repository-relative (empty when several folders were checked: their paths carry their prefixes).
    public func lint(catalog: RuleCatalog) throws(UsageFailure) -> (report: Report, pathPrefix: String) {
        var reports: [(Report, String)] = []
        for path in options.paths {
            let prepared = try prepare(path, catalog: catalog, useBaseline: true)
            var report = try Self.lint(prepared.request)
            try refuseOutputOverInput(prepared, report: report)
            if let filter = prepared.changedOnly { report = filter.apply(to: report) }
            reports.append((report, prepared.displayPrefix))
        }
        let empty = Report(findings: [], files: [], rulesRun: [], suppressedCount: 0, baselinedCount: 0, duration: 0)
        return Self.combine(reports) ?? (empty, "")
    }

    /// `--output` naming a file the run read (a schema, a migration, the configuration, the baseline) would
    /// replace it with the report: refused before anything is written.
    private func refuseOutputOverInput(_ prepared: PreparedFolder, report: Report) throws(UsageFailure) {
        guard let output = options.output else { return }
        let root = prepared.folder.path
        var inputs = report.files.map { root + "/" + $0 } + [prepared.baselineLocation]
        if let configuration = prepared.request.configurationFile?.path {
            inputs.append(configuration.hasPrefix("/") ? configuration : root + "/" + configuration)
        }
        do {
            try OutputFile.refuseInput(output, inputs: inputs)
        } catch {
            throw UsageFailure("cannot write the report to \(output): \(error.reason)")
        }
    }

    /// `schemalint baseline`: lints the first folder without a baseline and writes every finding to the baseline
    /// file. Returns the file's path and the number of findings written.
    public func writeBaseline() throws(UsageFailure) -> (path: String, count: Int) {
        let catalog = try Self.loadCatalog()
        let prepared = try prepare(options.paths.first ?? ".", catalog: catalog, useBaseline: false)
        let baseline = BaselineFile(report: try Self.lint(prepared.request))
        do {
            try OutputFile.write(baseline.serialized(), to: prepared.baselineLocation)
        } catch {
            throw UsageFailure("cannot write \(prepared.baselineLocation): \(error.reason)")
        }
        return (prepared.baselineLocation, baseline.entries.count)
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

    static func lint(_ request: LintRequest) throws(UsageFailure) -> Report {
        do {
            return try Engine.run(request)
        } catch {
            throw UsageFailure(error.description)
        }
    }

    /// Chooses the file source (work tree, index), the base tree, the configuration and the baseline of a folder.
    func prepare(_ path: String, catalog: RuleCatalog, useBaseline: Bool) throws(UsageFailure) -> PreparedFolder {
        let folder = URL(fileURLWithPath: path).standardizedFileURL
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw UsageFailure("cannot read \(folder.path): no such folder")
        }
        if options.changedOnly && !options.staged && options.base == nil {
            throw UsageFailure("--changed-only needs --staged or --base REF: it compares with the index or the base")
        }
        let git = options.staged || options.base != nil
            ? try GitCheckInputs.open(folder, staged: options.staged, base: options.base, environment: environment)
            : nil

        let (configuration, configurationFile) = try loadConfiguration(for: folder, catalog: catalog, git: git)
        try Self.requireInsideRepository(configuration, folder: folder)
        let baselinePath = configuration.baseline ?? BaselineFile.defaultPath
        let baselineLocation = baselinePath.hasPrefix("/") ? baselinePath : folder.appendingPathComponent(baselinePath).path
        var baseline: Set<String> = []
        if useBaseline, let bytes = try readBaseline(baselinePath, at: baselineLocation, git: git) {
            baseline = try BaselineFile.parse(bytes, file: baselinePath).fingerprints
        }

        let prefix = git?.folder.prefix ?? Self.displayPrefix(for: folder)
        let source: any FileSource
        if let index = git?.index { source = index.source(under: prefix) } else { source = WorkTreeSource(root: folder) }
        let request = LintRequest(
            source: source, configuration: configuration, configurationFile: configurationFile, catalog: catalog,
            baseline: baseline, base: git?.base?.source(under: prefix))
        var changedOnly: ChangedOnlyFilter?
        if options.changedOnly, let git { changedOnly = try git.changedOnlyFilter() }
        return PreparedFolder(request: request, displayPrefix: prefix, baselineLocation: baselineLocation, changedOnly: changedOnly,
                              folder: folder)
    }

    /// Every path `.schemalint.yml` names (`baseline`, `drizzle.config`, `migrations.folder`) must stay inside the
    /// repository (the git root, else the folder checked) once `..` and symlinks are resolved: a configuration
    /// from a pull request must not make the run read or overwrite a file elsewhere.
    static func requireInsideRepository(_ configuration: Configuration, folder: URL) throws(UsageFailure) {
        let root = (ConfigurationLocator.gitRoot(of: folder) ?? folder).path
        // The default baseline too: a `.schemalint-baseline.json` symlink must not lead elsewhere either.
        let named = [("baseline", configuration.baseline ?? BaselineFile.defaultPath), ("drizzle.config", configuration.drizzleConfig),
                     ("migrations.folder", configuration.migrationsFolder)]
        for case let (key, path?) in named {
            let absolute = path.hasPrefix("/") ? path : folder.path + "/" + path
            guard !ContainedPath.isInside(absolute, root: root) else { continue }
            throw UsageFailure("`\(key)` is \(path), which leads outside the repository (\(root)) once `..` and symlinks are resolved; name a path inside it")
        }
    }

    /// The baseline's bytes: staged in `--staged` mode (the baseline is part of the commit), else from disk.
    private func readBaseline(_ path: String, at location: String, git: GitCheckInputs?) throws(UsageFailure) -> [UInt8]? {
        if let git, git.index != nil { return try git.stagedFile(path) }
        return FileManager.default.contents(atPath: location).map(Array.init)
    }

    /// The configuration of `--config`, else the discovered `.schemalint.yml` (from the index in `--staged` mode).
    func loadConfiguration(for folder: URL, catalog: RuleCatalog, git: GitCheckInputs?) throws(UsageFailure) -> (Configuration, SourceFile?) {
        guard options.configPath == nil, let git, git.index != nil else {
            return try ConfigurationLoading.load(for: folder, explicitPath: options.configPath, catalog: catalog)
        }
        guard let staged = try git.stagedConfiguration() else { return (Configuration(), nil) }
        let (configuration, file) = try ConfigurationLoading.parse(staged.bytes, path: staged.path, catalog: catalog)
        return (configuration, file)
    }

    private func write(_ rendered: String) throws(UsageFailure) {
        guard let output = options.output else {
            do {
                try StandardStream.output.write(rendered)
            } catch {
                throw UsageFailure("cannot write the report to standard output: \(error.reason)")
            }
            return
        }
        do {
            try OutputFile.write(rendered, to: output)
        } catch {
            throw UsageFailure("cannot write \(output): \(error.reason)")
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

    /// One report for several folders: a single folder keeps its paths and renders with its prefix; several
    /// folders get their prefixes baked into the paths.
    static func combine(_ reports: [(Report, String)]) -> (Report, String)? {
        guard reports.count > 1 else { return reports.first }
        let moved = reports.map { report, prefix in reprefixed(report, prefix) }
        guard var combined = moved.first else { return nil }
        for next in moved.dropFirst() {
            combined = Report(
                findings: combined.findings + next.findings, files: combined.files + next.files,
                rulesRun: Array(Set(combined.rulesRun + next.rulesRun)).sorted(),
                suppressedCount: combined.suppressedCount + next.suppressedCount,
                baselinedCount: combined.baselinedCount + next.baselinedCount, duration: combined.duration + next.duration)
        }
        return (combined, "")
    }

    private static func reprefixed(_ report: Report, _ prefix: String) -> Report {
        var copy = report
        copy.findings = report.findings.map { located in
            var moved = located
            moved.finding.path = prefix + located.finding.path
            moved.finding.relatedPaths = located.finding.relatedPaths.map { prefix + $0 }
            return moved
        }
        copy.files = report.files.map { prefix + $0 }
        return copy
    }
}
