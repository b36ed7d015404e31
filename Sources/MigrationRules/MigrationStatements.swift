import Catalog
import Core
import Migrations
import ProjectModel
import SQL
import SQLReplay

/// One statement of one migration, with what the rules need around it.
///
/// A class: the judged statements are kept once and handed to every rule, and copying the folder, step and script
/// values a site holds (dozens of references to retain and release) was most of the migration rules' own time.
final class StatementSite: Sendable {
    let folder: MigrationFolder
    /// The statement's migration's position in `folder.steps`.
    let stepIndex: Int
    let step: MigrationStep
    let script: MigrationScript
    let statement: SQLStatement
    /// What the statement's migration creates, one value shared by its statements; nil in an applied migration,
    /// which no rule judges (see `contents`).
    private let judgedContents: MigrationContents?

    init(folder: MigrationFolder, stepIndex: Int, step: MigrationStep, script: MigrationScript, statement: SQLStatement,
         contents: MigrationContents? = nil) {
        self.folder = folder
        self.stepIndex = stepIndex
        self.step = step
        self.script = script
        self.statement = statement
        judgedContents = contents
    }

    /// What the statement's migration creates. Worked out once per judged migration for every rule that asks (three
    /// rules each working it out cost more than their checks); made anew for a statement of an applied one.
    var contents: MigrationContents { judgedContents ?? MigrationContents(step: step) }

    var path: String { script.path }

    /// Whether `table` had rows to protect when this migration ran (SPEC §3: an earlier migration or the
    /// previous snapshot has it, and this migration did not create it).
    ///
    /// In a migration taken as applied the answer is not needed (the engine drops findings there), and asking could
    /// read a whole snapshot: an applied step answers false.
    func existedBefore(_ table: QualifiedName) -> Bool { !step.isApplied && step.existedBefore(table.canonical) }
}

extension Project {
    /// `ProjectRule.prepare` of the rules that walk every statement.
    func prepareStatementSites() { _ = statementSites() }

    /// `ProjectRule.prepare` of the rules that walk the judged statements with the schema before each.
    func prepareJudgedStatements() { _ = judgedFolders() }

    /// Every statement of every migration, statements inside `DO` blocks included, in the order they are applied.
    func forEachMigrationStatement(_ visit: (StatementSite) -> Void) {
        for folder in statementSites() { folder.sites.withUnsafeBufferPointer { $0.forEach(visit) } }
    }

    /// One folder's statements as sites, in applied order.
    private struct FolderSites: Sendable {
        let sites: [StatementSite]
        /// For each step, where its statements start in `sites` (a step without a script has none).
        let stepStarts: [Int]

        func sites(ofStep step: Int) -> ArraySlice<StatementSite> {
            sites[stepStarts[step]..<(step + 1 < stepStarts.count ? stepStarts[step + 1] : sites.count)]
        }
    }

    /// Every folder's statement sites, made once per project and shared: each rule that walked the statements made
    /// its own (a site copies its folder, step and script: dozens of references retained), and four walks of the
    /// corpus's 1,950 statements cost more than the rules' checks.
    private func statementSites() -> [FolderSites] {
        derived.value(keyForMarking("statement-sites")) {
            // Folder by folder on every core: each judged migration's contents are worked out here.
            let migrations = self.migrations
            return ParallelRuns.map(count: migrations.count, runLength: 1) { position in
                let folder = migrations[position]
                var sites: [StatementSite] = []
                var stepStarts: [Int] = []
                stepStarts.reserveCapacity(folder.steps.count)
                for (index, step) in folder.steps.enumerated() {
                    stepStarts.append(sites.count)
                    guard let script = step.script else { continue }
                    let contents = step.isApplied ? nil : MigrationContents(step: step)
                    for statement in script.sql.allStatements {
                        sites.append(StatementSite(folder: folder, stepIndex: index, step: step, script: script, statement: statement,
                                                   contents: contents))
                    }
                }
                return FolderSites(sites: sites, stepStarts: stepStarts)
            }
        }
    }

    /// Every statement of the migrations that are judged (not applied), in applied order, with the catalog the
    /// statements before it made.
    func forEachJudgedStatement(_ visit: (StatementSite, any TableLookup) -> Void) {
        for folder in judgedFolders() { forEachJudgedStatement(in: folder, visit) }
    }

    private func forEachJudgedStatement(in folder: JudgedFolder, _ visit: (StatementSite, any TableLookup) -> Void) {
        switch folder.schemas {
        case .traced(let trace):
            for (site, ordinal) in zip(folder.sites, folder.ordinals) { visit(site, trace.before(ordinal)) }
        case .replayed(let start, let statements):
            replay(folder, from: start, through: statements, visit)
        }
    }

    /// The folder's statements replayed once more, each judged one visited with the schema before it.
    private func replay(_ folder: JudgedFolder, from start: CatalogReplay, through statements: [(statement: SQLStatement, path: String)],
                        _ visit: (StatementSite, any TableLookup) -> Void) {
        var schema = SteppedReplay(from: start)
        var next = 0
        for (ordinal, entry) in statements.enumerated() {
            if next < folder.ordinals.count, folder.ordinals[next] == ordinal {
                visit(folder.sites[next], schema)
                next += 1
            }
            schema.applyFlattened(entry.statement, path: entry.path)
        }
    }

    /// `transform` of every judged statement and the catalog before it, in applied order. Where a folder's trace
    /// answers for any statement the statements are independent, and every such folder's are mapped at once on all
    /// cores (a map per folder waited for each folder's last run, and most folders are one run); a folder without a
    /// trace is mapped in order on one replay.
    func mapJudgedStatements<Result: Sendable>(_ transform: @escaping @Sendable (StatementSite, any TableLookup) -> Result) -> [Result] {
        let folders = judgedFolders()
        var traced: [(site: StatementSite, trace: StatementTrace, ordinal: Int)] = []
        for folder in folders {
            guard case .traced(let trace) = folder.schemas else { continue }
            for (site, ordinal) in zip(folder.sites, folder.ordinals) { traced.append((site, trace, ordinal)) }
        }
        let mapped = ParallelRuns.map(count: traced.count, runLength: Self.statementsPerRun) { [traced] index in
            transform(traced[index].site, traced[index].trace.before(traced[index].ordinal))
        }
        var all: [Result] = []
        all.reserveCapacity(mapped.count)
        var next = 0
        for folder in folders {
            guard case .traced = folder.schemas else {
                forEachJudgedStatement(in: folder) { all.append(transform($0, $1)) }
                continue
            }
            all += mapped[next..<next + folder.sites.count]
            next += folder.sites.count
        }
        return all
    }

    /// Judged statements one parallel run maps: enough that a run costs far more than handing it out.
    private static let statementsPerRun = 64

    /// Every judged statement, in applied order, without the catalog.
    func forEachJudgedSite(_ visit: (StatementSite) -> Void) {
        for folder in judgedFolders() { folder.sites.withUnsafeBufferPointer { $0.forEach(visit) } }
    }

    /// One folder's judged statements and what the schema before each is computed from.
    private struct JudgedFolder: Sendable {
        /// The folder's position in `Project.migrations`.
        let folder: Int
        let sites: [StatementSite]
        /// Each site's position in the numbering of `schemas`: the trace's, or `statements`'.
        let ordinals: [Int]
        let schemas: Schemas
    }

    private enum Schemas: Sendable {
        /// The schema before each statement, replayed once and shared by every rule that asks (each replaying on
        /// its own was most of a folder's check time): the load's, or made from a checkpoint here.
        case traced(StatementTrace)
        /// Past the trace's budget, or without the fast paths: every statement from `start` on, judged or not, with
        /// its file's path, replayed again for each use.
        case replayed(start: CatalogReplay, statements: [(statement: SQLStatement, path: String)])
    }

    /// The judged statements of every folder, worked out once per project. The applied migrations before a folder's
    /// first judged one are not replayed again: the folder's replay hands over its state at a checkpoint near it.
    private func judgedFolders() -> [JudgedFolder] {
        derived.value(keyForMarking("judged-statements")) {
            // Each folder replayed on its own core (folders share nothing), the longest first: one started last would
            // be replayed alone while the other cores wait.
            let allSites = statementSites()
            let all = migrations
            let folders = all.indices.filter { index in all[index].steps.contains { !$0.isApplied && $0.script != nil } }
                .sorted { allSites[$0].sites.count > allSites[$1].sites.count }
            let judged = ParallelRuns.map(count: folders.count, runLength: 1) { position in
                let folder = all[folders[position]], folderSites = allSites[folders[position]]
                let replayed = folder.replay.stepCount == folder.steps.count
                if replayed, let trace = folder.replay.statements {
                    // The load's replay kept the schema before each of the folder's statements, numbered as the
                    // folder's sites are.
                    var sites: [StatementSite] = []
                    var ordinals: [Int] = []
                    for (index, step) in folder.steps.enumerated() where !step.isApplied {
                        let stepSites = folderSites.sites(ofStep: index)
                        sites += stepSites
                        ordinals += stepSites.indices
                    }
                    return JudgedFolder(folder: folders[position], sites: sites, ordinals: ordinals, schemas: .traced(trace))
                }
                let first = folder.steps.firstIndex { !$0.isApplied && $0.script != nil }!
                let (start, startStep) = replayed ? folder.replay.checkpoint(atOrBefore: first) : (CatalogReplay(), 0)
                var statements: [(statement: SQLStatement, path: String)] = []
                var sites: [StatementSite] = []
                var ordinals: [Int] = []
                for index in startStep..<folder.steps.count {
                    let step = folder.steps[index]
                    guard let script = step.script else { continue }
                    for site in folderSites.sites(ofStep: index) {
                        if !step.isApplied {
                            sites.append(site)
                            ordinals.append(statements.count)
                        }
                        statements.append((site.statement, script.path))
                    }
                }
                // Past the load's budget the statements are replayed once more here, from a checkpoint; without
                // the fast paths every use replays (FastPathTests compare the two).
                let trace = FastPaths.enabled ? StatementTrace(from: start, statements: statements) : nil
                return JudgedFolder(folder: folders[position], sites: sites, ordinals: ordinals,
                                    schemas: trace.map(Schemas.traced) ?? .replayed(start: start, statements: statements))
            }
            // Back in the folders' order, which rules report in.
            return judged.sorted { $0.folder < $1.folder }
        }
    }

    /// `name` as the key of a derived fact that depends on which migrations are applied. Rules of the
    /// `new-migrations` scope read a copy of the project with the applied ones marked, which shares `derived` with
    /// the unmarked project: the facts of the two are kept apart.
    func keyForMarking(_ name: String) -> String {
        migrations.contains { folder in folder.steps.contains(where: \.isApplied) } ? name + " (applied marked)" : name
    }

    /// Every `ALTER TABLE` action on a table (not an index or view), with its statement.
    func forEachAlterTableAction(_ visit: (StatementSite, AlterTable, AlterTableAction) -> Void) {
        forEachMigrationStatement { site in
            guard case .alterTable(let alter) = site.statement.kind, alter.objectKind == .table else { return }
            for action in alter.actions { visit(site, alter, action) }
        }
    }
}
