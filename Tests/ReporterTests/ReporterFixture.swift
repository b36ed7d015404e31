import Core
import Linter
import RuleEngine
import Reporters

/// A small report built by the real engine: a CRLF file, a line with non-ASCII text before the finding, and
/// findings of each severity, so every reporter's golden file covers positions in scalars and line endings.
enum ReporterFixture {
    static let files: [String: String] = [
        "gists/crlf.json": "{\r\n  \"service\": \"billing\",\r\n  \"password\": \"s3cr3t-value\"\r\n}\r\n",
        "gists/ünïcode.json": "{ \"note\": \"café ☕ — naïve\", \"apiToken\": \"tok_live_1234\" }\n",
        "gists/broken.json": "{\n  \"a\": 1,\n  \"b\": [1, 2,]\n}\n",
    ]

    static func report() throws -> (Report, RenderContext) {
        let catalog = try RuleCatalog.builtIn.get()
        var configuration = Configuration()
        configuration.rules["gist/secret"] = RuleSetting(level: .on(.warning), options: [:])
        var report = try Engine.run(LintRequest(
            source: MemoryFileSource(texts: files), configuration: configuration, configurationFile: nil, catalog: catalog))
        report.duration = 0.042
        return (report, RenderContext(toolVersion: "0.0.0-test", catalog: catalog))
    }
}
