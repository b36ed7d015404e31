import Core
import Foundation
import Linter
import Testing

@Suite struct StarterConfigurationTests {
    @Test func starterConfigurationNamesWhatDiscoveryFindsAndParses() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("schemalint-init-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        for (path, text) in [
            "apps/api/drizzle.config.ts": "export default {}",
            "apps/api/drizzle/meta/_journal.json": "{}",
            "state/gists/flags.json": "{}",
        ] {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let text = try StarterConfiguration.write(for: root)
        #expect(text.contains("config: apps/api/drizzle.config.ts"))
        #expect(text.contains("folder: apps/api/drizzle"))
        #expect(text.contains("\"state/gists/**/*.json\""))
        let configuration = try ConfigurationReader(catalog: try RuleCatalog.builtIn.get()).read(Array(text.utf8), file: ".schemalint.yml")
        #expect(configuration.drizzleConfig == "apps/api/drizzle.config.ts")
        #expect(configuration.migrationsFolder == "apps/api/drizzle")
    }
}
