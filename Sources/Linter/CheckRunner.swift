import Core
import Drizzle
import Foundation
import Git
import Migrations
import Reporters
import RuleEngine

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
    /// Show error-level findings only; the exit code still counts warnings (`--max-warnings`).
    public var quiet = false
    /// Apply the safe fixes in place before reporting what is left (`--fix`); with `unsafeFixes`, every fix.
    public var fix = false
    public var unsafeFixes = false
    /// Files held in memory that replace the work tree's (absolute path → contents): the language server's open
    /// buffers. Ignored in the git modes, which read the index or a tree.
    public var buffers: [String: [UInt8]] = [:]
    /// Parses kept across runs (the language server's): a run re-parses only the files whose bytes changed.
    public var parses: ParseCache?
    /// Facets and findings kept across runs (the language server's): a run re-reads only the facets whose inputs
    /// changed and re-runs only the rules reading them.
    public var memory: CheckMemory?
    /// The process exits after the run (the command line): its models are not freed one by one.
    public var exitsAfterRun = false

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

    public init(options: CheckOptions, environment: [String: String] = ProcessEnvironment.all()) {
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
        /// The root the file source reads from (absolute): report paths are relative to it.
        var sourceRoot: URL
    }

    /// Returns the exit code; writes the report to standard output or `--output`.
    public func run() throws(UsageFailure) -> Int32 {
        if options.exitsAfterRun { ProcessLifetime.prepareForOneRun() }
        // Every run inside git reads a tree (HEAD's, the base's, the merge base's) for the applied-migrations
        // boundary, for which libgit2 must start: it starts on another thread now. `--staged` asks for HEAD's tree
        // only after loading, so nothing waits for it there (see `PlainRepositoryLocation`).
        let inGit = options.staged || options.base != nil
            || options.paths.contains { ConfigurationLocator.gitRoot(of: URL(fileURLWithPath: $0)) != nil }
        if inGit {
            GitRepository.prepareLibrary()
            // The catalog is first needed once the repository's index or tree is read (47 M instructions for a
            // 20,000-file index): parsed meanwhile on another thread (9 M), the first use waits for it.
            Thread.detachNewThread { _ = RuleCatalog.builtInWithoutExamples }
        }
        if options.fix { Self.describe(try applyFixes(catalog: try Self.loadCatalog())) }
        let (report, prefix) = try lint(loadingCatalog: { () throws(UsageFailure) in try Self.loadCatalog() })
        let catalog = try Self.loadCatalog()
        try Self.present(report, catalog: catalog, pathPrefix: prefix, format: options.format, output: options.output,
                         color: options.color, quiet: options.quiet, environment: environment)
        if let exceeded = Self.maxWarningsExceeded(report, maxWarnings: options.maxWarnings) {
            try? StandardStream.error.write("schemalint: \(exceeded)\n")
        }
        return Self.exitCode(for: report, maxWarnings: options.maxWarnings)
    }

    /// `--fix`: lints each folder and applies its fixes, again until nothing more applies (a fix held back by a
    /// colliding one is offered again by the next run), at most `maximumFixPasses` times; says what it did on
    /// standard error. Never in `--staged` mode: the fixes would edit the work tree, not what is committed.
    public func applyFixes(catalog: RuleCatalog) throws(UsageFailure) -> FixApplier.Outcome {
        if options.staged {
            throw UsageFailure("--fix cannot be used with --staged: fixes edit the work tree, while --staged checks the index; run `schemalint check --fix`, review and stage the changes, then commit")
        }
        var total = FixApplier.Outcome()
        for path in options.paths {
            for _ in 0..<Self.maximumFixPasses {
                let prepared = try prepare(path, catalog: catalog, useBaseline: true)
                let report = try Self.lint(prepared.request)
                let outcome = FixApplier(root: prepared.sourceRoot, includeUnsafe: options.unsafeFixes).apply(report.findings)
                total.appliedFixes += outcome.appliedFixes
                total.changedFiles += outcome.changedFiles.map { prepared.displayPrefix + $0 }.filter { !total.changedFiles.contains($0) }
                total.staleFiles += outcome.staleFiles.map { prepared.displayPrefix + $0 }
                total.failures += outcome.failures
                if outcome.appliedFixes == 0 || outcome.deferredFixes == 0 { break }
            }
        }
        return total
    }

    /// What `--fix` did, on standard error (standard output carries the report).
    static func describe(_ total: FixApplier.Outcome) {
        var lines = ["schemalint: applied \(TextReporterCount.count(total.appliedFixes, "fix", plural: "fixes")) in \(TextReporterCount.count(total.changedFiles.count, "file"))"]
        for path in Set(total.staleFiles).sorted() { lines.append("schemalint: \(path) changed while it was checked; its fixes were not applied (run --fix again)") }
        for failure in total.failures { lines.append("schemalint: cannot fix \(failure)") }
        try? StandardStream.error.write(lines.joined(separator: "\n") + "\n")
    }

    static let maximumFixPasses = 10

    /// The first folder's report and the root its paths are relative to (for the language server, which turns
    /// paths into URIs and byte ranges into positions).
    public func lintFolder(catalog: RuleCatalog) throws(UsageFailure) -> (report: Report, root: URL) {
        let prepared = try prepare(options.paths.first ?? ".", catalog: catalog, useBaseline: true)
        return (try Self.lint(prepared.request), prepared.sourceRoot)
    }

    /// Why `--max-warnings` fails the run ("12 warnings exceed --max-warnings 10"), or nil when it does not.
    public static func maxWarningsExceeded(_ report: Report, maxWarnings: Int?) -> String? {
        let warnings = report.count(.warning)
        guard let maxWarnings, warnings > maxWarnings else { return nil }
        return "\(warnings) warning\(warnings == 1 ? "" : "s") exceed\(warnings == 1 ? "s" : "") --max-warnings \(maxWarnings)"
    }

    /// Lints every folder of `options.paths` and returns one report, with the prefix that makes its paths
    /// repository-relative (empty when several folders were checked: their paths carry their prefixes).
    public func lint(catalog: RuleCatalog) throws(UsageFailure) -> (report: Report, pathPrefix: String) {
        try lint(loadingCatalog: { () throws(UsageFailure) in catalog })
    }

    /// `lint(catalog:)` with the catalog asked for only where it is first needed (see `prepare`).
    func lint(loadingCatalog: () throws(UsageFailure) -> RuleCatalog) throws(UsageFailure) -> (report: Report, pathPrefix: String) {
        var reports: [(Report, String)] = []
        for path in options.paths {
            let prepared = try prepare(path, loadingCatalog: loadingCatalog, useBaseline: true)
            var report = try Self.lint(prepared.request)
            // Nothing staged that schemalint reads is a commit it has nothing to say about; a plain check of a
            // folder without inputs is almost always the wrong folder.
            if report.files.isEmpty && !options.staged { throw Self.noInput(path) }
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
        let root = prepared.sourceRoot.path
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
        let path = options.paths.first ?? "."
        let prepared = try prepare(path, catalog: catalog, useBaseline: false)
        let report = try Self.lint(prepared.request)
        if report.files.isEmpty { throw Self.noInput(path) }
        let baseline = BaselineFile(report: report)
        do {
            try OutputFile.write(baseline.serialized(), to: prepared.baselineLocation)
        } catch {
            throw UsageFailure("cannot write \(prepared.baselineLocation): \(error.reason)")
        }
        return (prepared.baselineLocation, baseline.entries.count)
    }

    static func noInput(_ path: String) -> UsageFailure {
        UsageFailure("nothing to check in \(URL(fileURLWithPath: path).standardizedFileURL.path): no Drizzle config or schema, no migrations and no Gist files under it (check the folder, or set the inputs in .schemalint.yml)")
    }

    public static func exitCode(for report: Report, maxWarnings: Int?) -> Int32 {
        if report.count(.error) > 0 { return 1 }
        if let maxWarnings, report.count(.warning) > maxWarnings { return 1 }
        return 0
    }

    /// The built-in rule catalog; `withExamples` for what shows a rule's examples (`explain`, hover).
    public static func loadCatalog(withExamples: Bool = false) throws(UsageFailure) -> RuleCatalog {
        switch withExamples ? RuleCatalog.builtIn : RuleCatalog.builtInWithoutExamples {
        case .success(let catalog): return catalog
        case .failure(let error): throw UsageFailure("internal error: rule catalog: \(error)")
        }
    }

    static func lint(_ request: LintRequest) throws(UsageFailure) -> Report {
        do {
            defer { request.contentFacts?.save() }
            return try Engine.run(request)
        } catch {
            throw UsageFailure(error.description)
        }
    }

    /// Chooses the file source (work tree, index), the base tree, the configuration and the baseline of a folder.
    /// Everything is read from the reading root (`ConfigurationLoading.Resolved.root`, or the staged config's
    /// folder), whatever folder is checked; the folder only narrows what is reported.
    func prepare(_ path: String, catalog: RuleCatalog, useBaseline: Bool) throws(UsageFailure) -> PreparedFolder {
        try prepare(path, loadingCatalog: { () throws(UsageFailure) in catalog }, useBaseline: useBaseline)
    }

    /// `prepare` asking for the catalog after the git inputs are open: `run` has it parsed on another thread
    /// meanwhile.
    func prepare(_ path: String, loadingCatalog: () throws(UsageFailure) -> RuleCatalog,
                 useBaseline: Bool) throws(UsageFailure) -> PreparedFolder {
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

        let catalog = try loadingCatalog()
        let resolved = try loadConfiguration(for: folder, catalog: catalog, git: git)
        let configuration = resolved.configuration
        let root = resolved.root
        let gitRoot = git.flatMap { $0.folder.sibling(root) }
        if git != nil, gitRoot == nil { throw UsageFailure("\(root.path) is outside the git work tree") }
        try Self.requireInsideRepository(configuration, root: root)
        let baselinePath = configuration.baseline ?? BaselineFile.defaultPath
        let baselineLocation = baselinePath.hasPrefix("/") ? baselinePath : root.appendingPathComponent(baselinePath).path
        var baseline: Set<String> = []
        if useBaseline, let bytes = try readBaseline(baselinePath, at: baselineLocation, git: git, rootPrefix: gitRoot?.prefix ?? "") {
            baseline = try BaselineFile.parse(bytes, file: baselinePath).fingerprints
        }

        let prefix = gitRoot?.prefix ?? Self.displayPrefix(for: root)
        // A plain run inside git too: its work tree is read without what git ignores, and its boundary is found there.
        let repositoryFolder = gitRoot ?? (ConfigurationLocator.gitRoot(of: root) != nil ? try? GitFolder.locate(root, indexFile: nil) : nil)
        let source: any FileSource
        if let index = git?.index {
            source = index.source(under: prefix)
        } else {
            // The language server's buffers lie over the same work tree: what git ignores is no input there either.
            let workTree: any FileSource = repositoryFolder.map { GitVisibleWorkTree(root: root, folder: $0) } ?? WorkTreeSource(root: root)
            if options.buffers.isEmpty {
                source = workTree
            } else {
                let rootPath = root.path.hasSuffix("/") ? root.path : root.path + "/"
                let relative = options.buffers.compactMap { path, bytes in
                    path.hasPrefix(rootPath) ? (String(path.dropFirst(rootPath.count)), bytes) : nil
                }
                source = OverlayFileSource(base: workTree, buffers: Dictionary(relative) { first, _ in first })
            }
        }
        var request = LintRequest(
            source: source, configuration: configuration, configurationFile: resolved.file, catalog: catalog,
            baseline: baseline, base: git?.base?.source(under: prefix),
            boundary: try MigrationBoundary.resolve(root: root, git: git, gitRoot: repositoryFolder, since: configuration.migrationsSince))
        request.parses = options.parses
        request.memory = options.memory
        request.exitsAfterRun = options.exitsAfterRun
        let scope = Self.relativePath(of: folder, to: root)
        request.scope = scope.isEmpty ? "" : scope + "/"
        // Staged files have blob ids to keep facts under; `SCHEMALINT_NO_CACHE=1` reads every file afresh.
        if git?.index != nil, let gitRoot, environment["SCHEMALINT_NO_CACHE"] != "1" {
            request.contentFacts = ContentFactCache(folder: gitRoot.repository.commonDir + "/schemalint")
        }
        var changedOnly: ChangedOnlyFilter?
        if options.changedOnly, let git, let gitRoot { changedOnly = try git.changedOnlyFilter(root: gitRoot) }
        return PreparedFolder(request: request, displayPrefix: prefix, baselineLocation: baselineLocation, changedOnly: changedOnly,
                              sourceRoot: root)
    }

    /// Every path `.schemalint.yml` names (`baseline`, `drizzle.config`, `migrations.folder`) must stay inside the
    /// repository (the git root, else the reading root) once `..` and symlinks are resolved: a configuration
    /// from a pull request must not make the run read or overwrite a file elsewhere. Paths are relative to `root`.
    static func requireInsideRepository(_ configuration: Configuration, root readingRoot: URL) throws(UsageFailure) {
        let root = (ConfigurationLocator.gitRoot(of: readingRoot) ?? readingRoot).path
        // The default baseline too: a `.schemalint-baseline.json` symlink must not lead elsewhere either.
        let named = [("baseline", configuration.baseline ?? BaselineFile.defaultPath), ("drizzle.config", configuration.drizzleConfig),
                     ("migrations.folder", configuration.migrationsFolder)]
        for case let (key, path?) in named {
            let absolute = path.hasPrefix("/") ? path : readingRoot.path + "/" + path
            guard !ContainedPath.isInside(absolute, root: root) else { continue }
            throw UsageFailure("`\(key)` is \(path), which leads outside the repository (\(root)) once `..` and symlinks are resolved; name a path inside it")
        }
    }

    /// The baseline's bytes: staged in `--staged` mode (the baseline is part of the commit), else from disk.
    private func readBaseline(_ path: String, at location: String, git: GitCheckInputs?, rootPrefix: String) throws(UsageFailure) -> [UInt8]? {
        if let git, git.index != nil { return try git.stagedFile(rootPrefix + path) }
        return FileManager.default.contents(atPath: location).map(Array.init)
    }

    /// The configuration of `--config`, else the discovered `.schemalint.yml` (from the index in `--staged`
    /// mode, where the staged config's folder is the reading root).
    func loadConfiguration(for folder: URL, catalog: RuleCatalog, git: GitCheckInputs?) throws(UsageFailure) -> ConfigurationLoading.Resolved {
        guard options.configPath == nil, let git, git.index != nil, let workdir = git.folder.repository.workdir else {
            return try ConfigurationLoading.resolve(for: folder, explicitPath: options.configPath, catalog: catalog)
        }
        let workTree = URL(fileURLWithPath: workdir).standardizedFileURL
        guard let staged = try git.stagedConfiguration() else {
            return ConfigurationLoading.Resolved(configuration: Configuration(), file: nil, root: workTree)
        }
        let folderPath = RelativePath.directory(of: staged.path)
        let (configuration, file) = try ConfigurationLoading.parse(staged.bytes, path: ConfigurationReader.fileName, catalog: catalog)
        let root = folderPath.isEmpty ? workTree : workTree.appendingPathComponent(folderPath).standardizedFileURL
        return ConfigurationLoading.Resolved(configuration: configuration, file: file, root: root)
    }

    /// Renders `report` in the chosen format (GitHub annotations by default under GitHub Actions) and writes it to
    /// `output` or standard output; `quiet` shows errors only. `check` and `replay` both report through here.
    static func present(
        _ report: Report, catalog: RuleCatalog, pathPrefix: String, format: ReportFormat?, output: String?,
        color: ColorChoice, quiet: Bool, environment: [String: String]
    ) throws(UsageFailure) {
        let format = format ?? (environment["GITHUB_ACTIONS"] == "true" ? .github : .text)
        let useColor = output == nil && colorEnabled(color, environment: environment)
        let context = RenderContext(toolVersion: toolVersion, catalog: catalog, pathPrefix: pathPrefix, useColor: useColor,
                                    ruleLinks: RuleLinks(environment: environment))
        var shown = report
        if quiet { shown.findings.removeAll { $0.finding.severity != .error } }
        let rendered = format.reporter.renderBytes(shown, context)
        guard let output else {
            do {
                try StandardStream.output.write(bytes: rendered)
            } catch {
                throw UsageFailure("cannot write the report to standard output: \(error.reason)")
            }
            return
        }
        do {
            try OutputFile.write(bytes: rendered, to: output)
        } catch {
            throw UsageFailure("cannot write \(output): \(error.reason)")
        }
    }

    private static func colorEnabled(_ color: ColorChoice, environment: [String: String]) -> Bool {
        switch color {
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
            let previous = combined
            combined = Report(
                findings: combined.findings + next.findings, files: combined.files + next.files,
                rulesRun: Array(Set(combined.rulesRun + next.rulesRun)).sorted(),
                suppressedCount: combined.suppressedCount + next.suppressedCount,
                baselinedCount: combined.baselinedCount + next.baselinedCount, duration: combined.duration + next.duration)
            combined.migrationsJudged = previous.migrationsJudged + next.migrationsJudged
            combined.migrationsApplied = previous.migrationsApplied + next.migrationsApplied
            combined.appliedBoundary = previous.appliedBoundary ?? next.appliedBoundary
            combined.sources = previous.sources.merging(next.sources) { first, _ in first }
        }
        return (combined, "")
    }

    private static func reprefixed(_ report: Report, _ prefix: String) -> Report {
        var copy = report
        copy.findings = report.findings.map { located in
            var moved = located
            moved.finding.path = prefix + located.finding.path
            moved.finding.relatedPaths = located.finding.relatedPaths.map { prefix + $0 }
            moved.fixes = located.fixes.map { fix in
                var fix = fix
                fix.edits = fix.edits.map { var edit = $0; edit.edit.path = prefix + edit.edit.path; return edit }
                fix.digests = Dictionary(uniqueKeysWithValues: fix.digests.map { (prefix + $0.key, $0.value) })
                return fix
            }
            return moved
        }
        copy.files = report.files.map { prefix + $0 }
        copy.sources = Dictionary(report.sources.map { (prefix + $0.key, $0.value) }) { first, _ in first }
        return copy
    }
}
