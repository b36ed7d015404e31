import Core
import Foundation
@testable import Linter
@testable import RuleEngine
import ProjectModel
import TestSupport
import Testing
import Workspace

/// `Rule.facets` is what a rule reads, and nothing else: the language server re-runs a rule only when one of its
/// facets changed and keeps the other rules' findings, so an undeclared facet would leave stale findings in the
/// editor. Every rule is run on each project twice, as loaded and with every facet it does not declare emptied
/// (`Project.keeping`), over the corpus, the example repository and every catalog example; the findings must be equal.
@Suite struct RuleFacetsTests {
    /// The rules whose findings differ when their undeclared facets are emptied, as "rule: first difference".
    static func undeclaredReads(in project: Project, request: LintRequest) -> [String] {
        RuleRegistry.projectRules.compactMap { rule in
            guard let (severity, options) = Engine.effectiveSetting(rule.id, request) else { return nil }
            let full = findings(rule, project, severity, options)
            let kept = findings(rule, project.keeping(rule.facets), severity, options)
            guard full != kept else { return nil }
            let difference = full.first { !kept.contains($0) } ?? kept.first { !full.contains($0) }
            return "\(rule.id) (declares \(rule.facets)): \(difference.map { "\($0.path) \($0.message)" } ?? "order")"
        }
    }

    static func findings(_ rule: any ProjectRule, _ project: Project, _ severity: Severity, _ options: RuleOptions) -> [Finding] {
        let context = RuleContext(ruleID: rule.id, severity: severity, options: options)
        rule.check(project, context)
        return context.findings
    }

    static func load(_ request: LintRequest) throws -> Project {
        try ProjectLoader(source: request.source, configuration: request.configuration, base: request.base).load().project
    }

    static func request(folder: String) throws -> LintRequest {
        let catalog = try RuleCatalog.builtIn.get()
        let url = URL(fileURLWithPath: folder)
        let (configuration, file) = try ConfigurationLoading.load(for: url, explicitPath: nil, catalog: catalog)
        return LintRequest(source: WorkTreeSource(root: url), configuration: configuration, configurationFile: file, catalog: catalog)
    }

    @Test(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)),
          arguments: CorpusGoldenTests.projects)
    func corpusProject(_ name: String) throws {
        let request = try Self.request(folder: try #require(SharedFolder.path("corpus/\(name)")))
        #expect(Self.undeclaredReads(in: try Self.load(request), request: request) == [])
    }

    @Test func exampleRepository() throws {
        let request = try Self.request(folder: ExampleRepositoryTests.examples.appendingPathComponent("subscriptions").path)
        #expect(Self.undeclaredReads(in: try Self.load(request), request: request) == [])
    }

    @Test func catalogExamples() throws {
        #expect(!RuleExampleTests.cases.isEmpty)
        for example in RuleExampleTests.cases {
            let request = try Self.request(example)
            let found = Self.undeclaredReads(in: try Self.load(request), request: request)
            #expect(found == [], "\(example.testDescription)")
        }
    }

    /// The comparison can fail: for every facet, some rule that declares it finds something else once it is emptied
    /// (a rule declaring one facet too few would fail the tests above the same way).
    @Test func everyFacetChangesSomeRulesFindings() throws {
        var needed: Facets = []
        for example in RuleExampleTests.cases {
            let request = try Self.request(example)
            let project = try Self.load(request)
            guard let rule = RuleRegistry.projectRules.first(where: { $0.id == example.ruleID }),
                  let (severity, options) = Engine.effectiveSetting(rule.id, request) else { continue }
            let full = Self.findings(rule, project, severity, options)
            for (facet, _) in Facets.names where rule.facets.contains(facet) && !needed.contains(facet) {
                if Self.findings(rule, project.keeping(rule.facets.subtracting(facet)), severity, options) != full { needed.insert(facet) }
            }
        }
        #expect(needed == .all, "no example needs \(Facets.all.subtracting(needed))")
    }

    /// The example's repository in memory, markers stripped.
    static func request(_ example: ExampleCase) throws -> LintRequest {
        let catalog = RuleExampleTests.catalog
        let files = example.example.files.mapValues { Markers.strip(Array($0.utf8)).0 }
        var configuration = Configuration()
        var file: SourceFile?
        if let config = example.example.config {
            configuration = try ConfigurationReader(catalog: catalog).read(Array(config.utf8), file: ".schemalint.yml")
            file = SourceFile(path: ".schemalint.yml", bytes: Array(config.utf8))
        }
        let base = example.example.baseFiles.map { MemoryFileSource(texts: $0) }
        return LintRequest(source: MemoryFileSource(files: files), configuration: configuration, configurationFile: file,
                           catalog: catalog, base: base)
    }
}
