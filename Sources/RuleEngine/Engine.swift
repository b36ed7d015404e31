import Core
import Dispatch
import Foundation
import JSON
import Migrations
import ProjectModel
import Workspace

/// What a run needs: where files come from and how it is configured.
public struct LintRequest: Sendable {
    public var source: any FileSource
    public var configuration: Configuration
    /// The config file itself, when one was read (to locate its `ignore` entries).
    public var configurationFile: SourceFile?
    public var catalog: RuleCatalog
    /// Fingerprints to leave out of the report (`schemalint baseline`).
    public var baseline: Set<String>
    /// The repository at the base ref (`--base`), for rules that compare with it (`migration/edited-after-merge`).
    public var base: (any FileSource)?
    /// Where applied migrations end (SPEC §9); nil: every migration is judged unless `migrations.since` names one.
    public var boundary: MigrationBoundary?
    /// The checked folder inside `source` (`packages/db/`): only its findings are reported; `""` for all.
    public var scope = ""
    /// Parses kept across runs by a long-lived caller (the language server); nil parses every file.
    public var parses: ParseCache?
    /// Facts about file contents kept between runs (git modes); the caller saves it after the run.
    public var contentFacts: ContentFactCache?
    /// Facets and findings kept across runs by a long-lived caller (the language server); nil runs every rule.
    public var memory: CheckMemory?
    /// The process exits after this run: the loaded models are kept (`ProcessLifetime`) rather than freed.
    public var exitsAfterRun = false

    public init(
        source: any FileSource, configuration: Configuration, configurationFile: SourceFile?, catalog: RuleCatalog,
        baseline: Set<String> = [], base: (any FileSource)? = nil, boundary: MigrationBoundary? = nil
    ) {
        self.source = source
        self.base = base
        self.boundary = boundary
        self.configuration = configuration
        self.configurationFile = configurationFile
        self.catalog = catalog
        self.baseline = baseline
    }
}

/// Orders the work: load the project (parsing files in parallel), run the rules (in parallel), then apply
/// suppressions, `ignore` entries and the baseline, and locate what is left.
public enum Engine {
    public static func run(_ request: LintRequest) throws(InputError) -> Report {
        let started = DispatchTime.now().uptimeNanoseconds
        let source = ReadFailures(request.source), base = request.base.map(ReadFailures.init)
        var loader = ProjectLoader(source: source, configuration: request.configuration, base: base, parses: request.parses)
        loader.updateScanMemory = request.contentFacts.map { CachedUpdateScan(cache: $0, source: source) }
        loader.memory = request.memory?.facets(for: request)
        // Without a boundary every migration is judged (`AppliedMigrations`), and the rules that judge statements
        // read the schema before each of them: the load's replay keeps it. With one, most are applied, and the few
        // judged are replayed again from a checkpoint near them, which costs less than keeping every statement's.
        loader.keepsStatementTraces = request.boundary == nil
        let loaded = try loader.load()
        try source.check()
        try base?.check()
        let project = loaded.project
        let applied = try AppliedMigrations(
            folders: project.migrations, boundary: request.boundary, since: request.configuration.migrationsSince,
            configurationPath: request.configurationFile?.path)

        let active = RuleRegistry.projectRules.compactMap { rule -> (any ProjectRule, Severity, RuleOptions)? in
            guard let setting = effectiveSetting(rule.id, request) else { return nil }
            return (rule, setting.0, setting.1)
        }
        let newMigrationsOnly = Set(active.map(\.0.id).filter { request.catalog[$0]?.scope == .newMigrations })
        let judgedProject = applied.scripts.isEmpty ? project : project.markingApplied(applied.scripts)
        if request.exitsAfterRun { ProcessLifetime.keep([loaded.project, judgedProject]) }
        let run = { @Sendable (rule: any ProjectRule, severity: Severity, options: RuleOptions) -> [Finding] in
            let context = RuleContext(ruleID: rule.id, severity: severity, options: options)
            rule.check(newMigrationsOnly.contains(rule.id) ? judgedProject : project, context)
            return context.findings
        }
        let found = request.memory?.findings(of: active, changed: loaded.changed, applied: applied.scripts, run: run)
            ?? {
                // The facts rules share, worked out first with every core free for them (`ProjectRule.prepare`).
                for (rule, _, _) in active { rule.prepare(newMigrationsOnly.contains(rule.id) ? judgedProject : project) }
                return active.concurrentMap(run).flatMap { $0 }
            }()
        // Rules read some files late (snapshot table lists, application code searched for updates).
        try source.check()
        try base?.check()

        var files = project.files
        if let configurationFile = request.configurationFile { files[configurationFile.path] = configurationFile }
        let ignoreOutcome = IgnoreEntries(entries: request.configuration.ignoredFindings, project: project, configurationFile: request.configurationFile)
            .apply(to: found)
        let unusedSetting = effectiveSetting(UnusedSuppression.id, request)
        let filter = SuppressionFilter(directives: loaded.directives, files: files, knownRuleIDs: Set(RuleRegistry.checkRuleIDs).union(request.catalog.ids),
                                       aliases: request.catalog.aliases)
        let outcome = filter.apply(to: ignoreOutcome.kept, unusedSeverity: unusedSetting?.0 ?? .warning)
        var findings = outcome.kept
        if unusedSetting != nil { findings += outcome.unused + ignoreOutcome.unused }
        // Applied migrations cannot be edited: neither their new-migrations findings nor an unused suppression comment
        // in them is reported (such rules do not even look there, see `markingApplied`, so the comment looks unused).
        findings.removeAll {
            ($0.ruleID == UnusedSuppression.id || newMigrationsOnly.contains($0.ruleID)) && applied.scripts.contains($0.path)
        }
        let scope = ReportScope(folder: request.scope, project: project)
        findings = findings.filter { scope.includes($0.path) }

        findings.sort { ($0.path, $0.range.lowerBound, $0.ruleID) < ($1.path, $1.range.lowerBound, $1.ruleID) }
        // Credentials are masked even where their own finding was suppressed or baselined.
        let located = Locator.locate(findings, files: files, secretsFrom: found)
        var reported = located.filter { !request.baseline.contains($0.fingerprint) }
        // A baseline written before a rule was renamed (`drizzle/…` → `schema/…`) holds fingerprints made with the
        // former id: each pass recomputes them with one former id per rule, in the same order.
        let formerIDs = request.catalog.entries.values.reduce(into: [String: [String]]()) { $0[$1.id] = $1.aliases }
        let passes = request.baseline.isEmpty ? 0 : findings.map { formerIDs[$0.ruleID]?.count ?? 0 }.max() ?? 0
        for pass in 0..<passes {
            let renamed = findings.map { finding in
                var former = finding
                if let ids = formerIDs[finding.ruleID], pass < ids.count { former.ruleID = ids[pass] }
                return former
            }
            let fingerprints = Locator.locate(renamed, files: files).map(\.fingerprint)
            let baselined = Set(zip(located, fingerprints).filter { request.baseline.contains($0.1) }.map(\.0.fingerprint))
            reported.removeAll { baselined.contains($0.fingerprint) }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        var report = Report(
            findings: reported, files: project.files.keys.filter(scope.includes).sorted(),
            rulesRun: active.map(\.0.id).sorted(), suppressedCount: outcome.suppressedCount + ignoreOutcome.suppressedCount,
            baselinedCount: located.count - reported.count, duration: elapsed)
        report.migrationsJudged = applied.judgedCount
        report.migrationsApplied = applied.appliedCount
        report.appliedBoundary = applied.appliedCount > 0 ? applied.label : nil
        report.sources = files
        return report
    }

    /// The rule's severity and options after configuration, or nil when it is switched off.
    package static func effectiveSetting(_ id: String, _ request: LintRequest) -> (Severity, RuleOptions)? {
        let entry = request.catalog[id]
        let setting = request.configuration.rules[id]
        let severity: Severity
        switch setting?.level {
        case .off: return nil
        case .on(let configured): severity = configured
        case nil: severity = entry?.severity ?? .warning
        }
        var options = RuleOptions()
        for spec in entry?.options ?? [] { options.values[spec.name] = spec.defaultValue }
        for (name, value) in setting?.options ?? [:] { options.values[name] = value }
        return (severity, options)
    }
}

/// Turns byte ranges into positions, and computes fingerprints that survive unrelated line moves.
package enum Locator {
    package static func locate(_ findings: [Finding], files: [String: SourceFile], secretsFrom all: [Finding]? = nil) -> [LocatedFinding] {
        var occurrences: [UInt64: Int] = [:]
        let redaction = Redaction(findings: all ?? findings, files: files)
        // Findings come sorted by path: each run of one path's offsets is gathered, and its file looked up, once.
        var offsets: [String: [Int]] = [:]
        var index = findings.startIndex
        while index < findings.endIndex {
            let path = findings[index].path
            var list: [Int] = []
            while index < findings.endIndex, findings[index].path == path {
                list.append(findings[index].range.lowerBound)
                list.append(findings[index].range.upperBound)
                index += 1
            }
            offsets[path, default: []] += list
        }
        var positions: [String: [Int: SourcePosition]] = [:]
        for (path, list) in offsets { if let file = files[path] { positions[path] = file.positions(of: list) } }
        // Each file's digest once, however many fixes edit it (a 112-table schema has a fix per table).
        var digests: [String: String] = [:]
        var current: FileInputs?
        return findings.map { finding in
            var shown = finding
            shown.message = redaction.redact(finding.message)
            shown.help = redaction.redact(finding.help)
            if current?.path != finding.path {
                current = FileInputs(path: finding.path, file: files[finding.path], positions: positions[finding.path] ?? [:],
                                     secretSpans: (redaction.spans[finding.path] ?? [])
                                        + (files[finding.path].map { CredentialPatterns.privateKeySpans(in: $0.bytes) } ?? []))
            }
            guard let inputs = current, let file = inputs.file else {
                let key = Fingerprint.hash([finding.ruleID, finding.path, finding.message])
                return LocatedFinding(finding: shown, start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 1), fingerprint: key, sourceLine: "")
            }
            let lower = min(max(finding.range.lowerBound, 0), file.bytes.count)
            let upper = min(max(finding.range.upperBound, lower), file.bytes.count)
            let start = inputs.positions[lower] ?? file.position(of: lower)
            let end = inputs.positions[upper] ?? file.position(of: upper)
            let base = Fingerprint.value(ruleID: finding.ruleID, path: finding.path, text: file.bytes[lower..<upper], message: finding.message)
            // Identical findings (same text, same message) are told apart by their order in the file.
            let occurrence = occurrences[base, default: 0]
            occurrences[base] = occurrence + 1
            let fingerprint = occurrence == 0 ? Fingerprint.hex(base) : Fingerprint.hash([Fingerprint.hex(base), String(occurrence)])
            let frame = file.codeFrame(at: lower, position: start, masking: inputs.secretSpans)
            var located = LocatedFinding(finding: shown, start: start, end: end, fingerprint: fingerprint, sourceLine: frame.text,
                                         sourceLineColumn: frame.column, sourceLineIsCut: frame.isCutAtEnd)
            located.fixes = finding.fixes.compactMap { locate($0, files: files, digests: &digests) }
            return located
        }
    }

    /// What locating a finding needs of its file, kept while consecutive findings share the path (hashing the path
    /// six times a finding was a sixth of locating 3,500 of them).
    private struct FileInputs {
        let path: String
        let file: SourceFile?
        let positions: [Int: SourcePosition]
        let secretSpans: [Range<Int>]
    }

    /// A fix with its edits located; nil when an edit names a file the run did not read or lies outside it.
    /// `known`: the digests of files computed for earlier fixes, added to as files are met.
    static func locate(_ fix: Fix, files: [String: SourceFile], digests known: inout [String: String]) -> LocatedFix? {
        var edits: [LocatedEdit] = []
        var digests: [String: String] = [:]
        for edit in fix.edits {
            guard let file = files[edit.path], edit.range.lowerBound >= 0, edit.range.upperBound <= file.bytes.count else { return nil }
            edits.append(LocatedEdit(edit: edit, start: file.position(of: edit.range.lowerBound), end: file.position(of: edit.range.upperBound)))
            if digests[edit.path] == nil {
                let digest = known[edit.path] ?? FileDigest.of(file.bytes)
                known[edit.path] = digest
                digests[edit.path] = digest
            }
        }
        return edits.isEmpty ? nil : LocatedFix(label: fix.label, isSafe: fix.isSafe, edits: edits, digests: digests)
    }
}
