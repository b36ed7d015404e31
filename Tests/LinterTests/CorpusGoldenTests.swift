import Core
import Foundation
import Linter
import RuleEngine
import Reporters
import TestSupport
import Testing

/// `check` from the root of every real project in ../shared/corpus (Drizzle, Prisma, Supabase) matches the JSON
/// report checked in under Golden/corpus: the expected findings per repository, so a rule that starts or stops
/// firing anywhere in the corpus fails here, and a refactor that must not change behaviour is held to the byte.
/// After checking a change by hand, rerun with SCHEMALINT_UPDATE_GOLDEN=1 to take the new reports.
@Suite struct CorpusGoldenTests {
    static let kinds = ["drizzle", "prisma", "supabase"]
    static let goldenFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden/corpus")

    static let projects: [String] = {
        kinds.flatMap { kind -> [String] in
            guard let root = SharedFolder.path("corpus/\(kind)") else { return [] }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
            return names.filter { !$0.hasSuffix(".md") }.sorted().map { "\(kind)/\($0)" }
        }
    }()

    static func goldenURL(_ project: String) -> URL {
        goldenFolder.appendingPathComponent(project.replacingOccurrences(of: "/", with: "__") + ".json")
    }

    @Test(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)))
    func everyCorpusProjectHasAGolden() throws {
        #expect(Self.projects.count >= 20, "the corpus lists fewer projects than expected: \(Self.projects)")
        let goldens = Set(try FileManager.default.contentsOfDirectory(atPath: Self.goldenFolder.path))
        let expected = Set(Self.projects.map { Self.goldenURL($0).lastPathComponent })
        #expect(goldens == expected, "goldens without a project or projects without a golden")
    }

    @Test(.enabled(if: SharedFolder.isAvailable, Testing.Comment(rawValue: SharedFolder.missingReason)), arguments: projects)
    func checkMatchesGolden(_ project: String) throws {
        let root = try #require(SharedFolder.path("corpus/\(project)"))
        let catalog = try RuleCatalog.builtIn.get()
        let folder = URL(fileURLWithPath: root)
        let (configuration, file) = try ConfigurationLoading.load(for: folder, explicitPath: nil, catalog: catalog)
        let report = try Engine.run(LintRequest(
            source: WorkTreeSource(root: folder), configuration: configuration, configurationFile: file, catalog: catalog))
        let json = JSONReporter().render(report, RenderContext(toolVersion: "golden", catalog: catalog))
        let golden = Self.goldenURL(project)
        if ProcessInfo.processInfo.environment["SCHEMALINT_UPDATE_GOLDEN"] == "1" {
            try json.write(to: golden, atomically: false, encoding: .utf8)
            return
        }
        let expected = try String(contentsOf: golden, encoding: .utf8)
        #expect(json == expected, "\(project): the report changed; rerun with SCHEMALINT_UPDATE_GOLDEN=1 after checking the change")
    }
}
