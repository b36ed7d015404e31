import Core
import Dispatch
import Foundation
import Migrations
import ProjectModel
import Replay
import Reporters
import RuleEngine
import Synchronization
import Workspace

/// `schemalint replay` as plain options.
public struct ReplayOptions: Sendable {
    public var path = "."
    public var format: ReportFormat?
    public var output: String?
    public var configPath: String?
    public var color: ColorChoice = .auto
    public var quiet = false
    /// `--database-url` (else `database.url`; `env:NAME` reads a variable); nil: a throwaway cluster.
    public var databaseURL: String?
    public var statementTimeoutSeconds: Double = 30
    /// `--trace-locks`: trace the locks of the migrations that can still change on seeded tables.
    public var traceLocks = false

    public init() {}
}

/// Runs `replay`: loads the migration folders as `check` does, starts a server, replays each folder on its own
/// database, and reports through the usual reporters and exit codes. The server goes away on every exit path,
/// Ctrl-C and SIGTERM included.
public struct ReplayRunner {
    public let options: ReplayOptions
    public let environment: [String: String]

    public init(options: ReplayOptions, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.options = options
        self.environment = environment
    }

    public func run() throws(UsageFailure) -> Int32 {
        let started = DispatchTime.now().uptimeNanoseconds
        let catalog = try CheckRunner.loadCatalog()
        var checkOptions = CheckOptions()
        checkOptions.paths = [options.path]
        checkOptions.configPath = options.configPath
        let runner = CheckRunner(options: checkOptions, environment: environment)
        let prepared = try runner.prepare(options.path, catalog: catalog, useBaseline: true)
        let request = prepared.request
        let server = try startServer(configuration: request.configuration)
        let signals = Self.closeOnSignals(server)
        defer {
            // Interrupted: the replay failed because its server went away; the handler is stopping it and exits
            // 128 + signal. Returning now would exit 1 with findings made of the interruption: wait for it instead.
            if Self.interrupted.load(ordering: .acquiring) { Self.neverSignalled.wait() }
            signals.forEach { $0.cancel() }
            server.close()
        }
        var report = try Self.report(request, server: server, statementTimeoutSeconds: options.statementTimeoutSeconds,
                                     traceLocks: options.traceLocks)
        report.duration = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        try CheckRunner.present(report, catalog: catalog, pathPrefix: prepared.displayPrefix, format: options.format,
                                output: options.output, color: options.color, quiet: options.quiet, environment: environment)
        return CheckRunner.exitCode(for: report, maxWarnings: nil)
    }

    static func newDatabase(on server: any ReplayServer) throws(UsageFailure) -> Replayer.Connection {
        do { return try server.newDatabase() } catch { throw UsageFailure(error.message) }
    }

    /// Replays every migrations folder of the request's scope, each on a new database of `server`; the findings
    /// located as `check` locates them.
    public static func report(_ request: LintRequest, server: any ReplayServer, statementTimeoutSeconds: Double,
                              traceLocks: Bool = false) throws(UsageFailure) -> Report {
        let project: Project
        do {
            let source = ReadFailures(request.source)
            project = try ProjectLoader(source: source, configuration: request.configuration, base: nil).load().project
            try source.check()
        } catch {
            throw UsageFailure(error.description)
        }
        let scope = ReportScope(folder: request.scope, project: project)
        let folders = project.migrations.filter { folder in
            folder.steps.contains { $0.script.map { scope.includes($0.path) } ?? false }
        }
        guard !folders.isEmpty else {
            throw UsageFailure("nothing to replay: no migrations folder (drizzle-kit, Supabase CLI or Prisma) with SQL files under the folder")
        }
        // Which migrations are applied is worked out as `check` does (SPEC §9): only the others are traced.
        var applied: Set<String> = []
        if traceLocks {
            do {
                applied = try AppliedMigrations(folders: project.migrations, boundary: request.boundary,
                                                since: request.configuration.migrationsSince,
                                                configurationPath: request.configurationFile?.path).scripts
            } catch {
                throw UsageFailure(error.description)
            }
        }
        var findings: [Finding] = []
        for folder in folders {
            let connection = try newDatabase(on: server)
            let tracing = traceLocks
                ? LockTracing(applied: applied, configuration: request.configuration) { () throws(ReplayServerError) in try server.newDatabase() }
                : nil
            let replayer = Replayer(connection: connection, statementTimeoutMilliseconds: Int(statementTimeoutSeconds * 1000),
                                    configuration: request.configuration, tracing: tracing, rolesCreated: { server.rolesCreated($0) }) { id in
                Engine.effectiveSetting(id, request).map(\.0)
            }
            findings += replayer.replay(folder)
        }
        findings = findings.filter { scope.includes($0.path) }
        findings.sort { ($0.path, $0.range.lowerBound, $0.ruleID) < ($1.path, $1.range.lowerBound, $1.ruleID) }
        let located = Locator.locate(findings, files: project.files).filter { !request.baseline.contains($0.fingerprint) }
        var report = Report(findings: located, files: project.files.keys.filter(scope.includes).sorted(),
                            rulesRun: RuleRegistry.replayRuleIDs.filter {
                                Engine.effectiveSetting($0, request) != nil && (traceLocks || $0 != Replayer.tracedLock)
                            },
                            suppressedCount: 0, baselinedCount: findings.count - located.count, duration: 0)
        report.migrationsJudged = folders.reduce(0) { $0 + $1.steps.count }
        return report
    }

    /// `--database-url`, else `database.url`, else a throwaway cluster.
    func startServer(configuration: Configuration) throws(UsageFailure) -> any ReplayServer {
        do { try loadClientLibrary() } catch { throw UsageFailure(error.message) }
        if let written = options.databaseURL ?? configuration.databaseURL {
            var url = written
            if written.hasPrefix("env:") {
                let name = String(written.dropFirst(4))
                guard let value = environment[name], !value.isEmpty else {
                    throw UsageFailure("the database URL names the environment variable \(name), which is not set")
                }
                url = value
            }
            return DatabaseOnServer(url: url)
        }
        do { return try ThrowawayCluster() } catch { throw UsageFailure(error.message) }
    }

    private static let interrupted = Atomic<Bool>(false)
    private static let neverSignalled = DispatchSemaphore(value: 0)

    /// Ctrl-C and SIGTERM stop the server and delete its folder before schemalint exits (130 / 143).
    static func closeOnSignals(_ server: any ReplayServer) -> [DispatchSourceSignal] {
        [SIGINT, SIGTERM].map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                interrupted.store(true, ordering: .releasing)
                server.close()
                try? StandardStream.error.write("schemalint: replay interrupted; the replay server was stopped and removed\n")
                StandardStream.exitProcess(128 + number)
            }
            source.resume()
            return source
        }
    }
}
