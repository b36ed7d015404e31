import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
import TestSupport

/// Drives the built binary: formats, `--output`, `--max-warnings`, colours and exit codes (SPEC §5, §6, §8).
@Suite(.enabled(if: BuiltBinary.isAvailable, BuiltBinary.missing))
struct EndToEndTests {
    /// One error (`gist/secret`) and one warning (`gist/invalid-json` lowered by the config), in a git repository.
    static func repository() throws -> TemporaryRepository {
        try TemporaryRepository.make { repo in
            try repo.write("gists/mail.json", GistText.secret)
            try repo.write("gists/broken.json", GistText.broken)
            try repo.write("gists/fine.json", GistText.clean)
            try repo.write(".schemalint.yml", "rules:\n  gist/invalid-json: warning\n")
            try repo.commitAll("base")
        }
    }

    @Test func textReportAndExitCodes() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let run = try BuiltBinary.run(["check"], in: repo.root)
        #expect(run.status == 1)
        #expect(run.output.contains("gists/mail.json:3:15: error[gist/secret]: literal credential in `password`"))
        #expect(run.output.contains("gists/broken.json:2:20: warning[gist/invalid-json]"))
        #expect(run.output.contains("1 error, 1 warning in 3 files"))
        #expect(!run.output.contains("\u{1B}["), "no colours when standard output is not a terminal")
        // `check` is the default subcommand.
        #expect(try BuiltBinary.run([], in: repo.root).status == 1)

        try repo.write("gists/mail.json", GistText.clean)
        try repo.delete("gists/broken.json")
        let clean = try BuiltBinary.run(["check", "."], in: repo.root)
        #expect(clean.status == 0)
        #expect(clean.output.contains("0 errors, 0 warnings in 2 files"))
    }

    @Test func jsonFormat() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let run = try BuiltBinary.run(["check", "--format", "json"], in: repo.root)
        #expect(run.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let findings = try #require(document["findings"] as? [[String: Any]])
        #expect(findings.compactMap { $0["rule"] as? String }.sorted() == ["gist/invalid-json", "gist/secret"])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 1)
    }

    @Test func githubFormatAndItsDefaultUnderGitHubActions() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let explicit = try BuiltBinary.run(["check", "--format", "github"], in: repo.root)
        #expect(explicit.status == 1)
        let lines = explicit.output.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("::error file=gists/mail.json,line=3,col=15,endLine=3,endColumn=29,title=gist/secret::literal credential") })
        #expect(lines.contains { $0.hasPrefix("::warning file=gists/broken.json,") })
        #expect(lines.last == "schemalint: 1 error, 1 warning, 0 notices in 3 files")

        let defaulted = try BuiltBinary.run(["check"], in: repo.root, environment: ["GITHUB_ACTIONS": "true"])
        #expect(defaulted.output == explicit.output)
        let text = try BuiltBinary.run(["check", "--format", "text"], in: repo.root, environment: ["GITHUB_ACTIONS": "true"])
        #expect(!text.output.contains("::error"))
    }

    @Test func junitFormatIsWellFormedXML() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let run = try BuiltBinary.run(["check", "--format", "junit"], in: repo.root)
        #expect(run.status == 1)
        let parser = XMLParser(data: Data(run.output.utf8))
        let counter = ElementCounter()
        parser.delegate = counter
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(counter.counts["testsuite"] == 3)
        #expect(counter.counts["failure"] == 2)
    }

    @Test(.enabled(if: ExternalTool.hasJSONSchema && SharedFolder.isAvailable, "python3 with jsonschema, or ../shared/schemas, is missing: SARIF schema validation skipped"))
    func sarifFormatValidatesAgainstTheSARIFSchema() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let run = try BuiltBinary.run(["check", "--format", "sarif"], in: repo.root)
        #expect(run.status == 1)
        let schema = try #require(SharedFolder.path("schemas/sarif-2.1.0.json"))
        let validation = try ExternalTool.run("python3", ["-c", SARIFValidation.script, schema], input: run.output)
        #expect(validation.status == 0, "\(validation.output)")
        #expect(validation.output.contains("valid: 2 results"))
        // The validator itself rejects a broken document (so the check above can fail).
        let broken = run.output.replacingOccurrences(of: "\"level\": \"error\"", with: "\"level\": \"fatal\"")
        #expect(try ExternalTool.run("python3", ["-c", SARIFValidation.script, schema], input: broken).status != 0)
    }

    @Test func outputFileReplacesStandardOutput() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let target = repo.sandbox + "/report.json"
        let run = try BuiltBinary.run(["check", "--format", "json", "--output", target], in: repo.root)
        #expect(run.status == 1)
        #expect(run.output.isEmpty)
        let written = try String(contentsOfFile: target, encoding: .utf8)
        #expect(written.hasPrefix("{\n  \"version\": 1,"))
        let unwritable = try BuiltBinary.run(["check", "--output", repo.sandbox + "/missing/folder/report.txt"], in: repo.root)
        #expect(unwritable.status == 2)
        #expect(unwritable.errors.hasPrefix("error: cannot write"))
    }

    @Test func maxWarnings() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.write("gists/mail.json", GistText.clean)   // only the warning is left
        #expect(try BuiltBinary.run(["check"], in: repo.root).status == 0)
        #expect(try BuiltBinary.run(["check", "--max-warnings", "1"], in: repo.root).status == 0)
        let exceeded = try BuiltBinary.run(["check", "--max-warnings", "0"], in: repo.root)
        #expect(exceeded.status == 1)
        #expect(exceeded.errors.contains("1 warning exceeds --max-warnings 0"))
        #expect(try BuiltBinary.run(["check", "--max-warnings", "1"], in: repo.root).errors.isEmpty)
        #expect(try BuiltBinary.run(["check", "--max-warnings", "many"], in: repo.root).status == 2)
    }

    /// `--quiet` shows error-level findings only; the exit code is the same as without it.
    @Test func quietShowsErrorsOnly() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let quiet = try BuiltBinary.run(["check", "--quiet"], in: repo.root)
        #expect(quiet.status == 1)
        #expect(quiet.output.contains("error[gist/secret]"))
        #expect(!quiet.output.contains("warning[gist/invalid-json]"))
        let json = try BuiltBinary.run(["check", "--quiet", "--format", "json"], in: repo.root)
        #expect(json.output.contains("gist/secret") && !json.output.contains("gist/invalid-json"))

        try repo.write("gists/mail.json", GistText.clean)   // only the warning is left
        let warningOnly = try BuiltBinary.run(["check", "--quiet", "--max-warnings", "0"], in: repo.root)
        #expect(warningOnly.status == 1)
        #expect(!warningOnly.output.contains("gist/invalid-json"))
        #expect(warningOnly.errors.contains("1 warning exceeds --max-warnings 0"))
        #expect(try BuiltBinary.run(["check", "--quiet"], in: repo.root).status == 0)
    }

    @Test func explainSuggestsCloseIdsForAnUnknownOne() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let byName = try BuiltBinary.run(["explain", "unsafe-index-creation"], in: repo.root)
        #expect(byName.status == 2)
        #expect(byName.errors.contains("did you mean `migration/unsafe-index-creation`?"))
        let typo = try BuiltBinary.run(["explain", "gist/secrte"], in: repo.root)
        #expect(typo.errors.contains("did you mean `gist/secret`?"))
    }

    @Test func colourChoices() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let always = try BuiltBinary.run(["check", "--color", "always"], in: repo.root)
        #expect(always.output.contains("\u{1B}[1;31merror\u{1B}[0m"))
        // An explicit `always` wins over NO_COLOR; `auto` honours it.
        #expect(try BuiltBinary.run(["check", "--color", "always"], in: repo.root, environment: ["NO_COLOR": "1"]).output.contains("\u{1B}["))
        #expect(!(try BuiltBinary.run(["check", "--color", "auto"], in: repo.root, environment: ["NO_COLOR": "1"]).output.contains("\u{1B}[")))
        #expect(!(try BuiltBinary.run(["check", "--color", "never"], in: repo.root).output.contains("\u{1B}[")))
        #expect(try BuiltBinary.run(["check", "--color", "purple"], in: repo.root).status == 2)
    }

    @Test func usageAndGitFailuresExitTwo() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        let plain = repo.sandbox + "/plain"
        try FileManager.default.createDirectory(atPath: plain, withIntermediateDirectories: true)

        let notARepository = try BuiltBinary.run(["check", "--staged"], in: plain)
        #expect(notARepository.status == 2)
        #expect(notARepository.errors.hasPrefix("error: --staged: not a git repository"))
        let unknownRef = try BuiltBinary.run(["check", "--base", "nope"], in: repo.root)
        #expect(unknownRef.status == 2)
        #expect(unknownRef.errors.contains("unknown git reference 'nope'"))
        #expect(try BuiltBinary.run(["check", "--changed-only"], in: repo.root).status == 2)
        #expect(try BuiltBinary.run(["check", "--no-such-option"], in: repo.root).status == 2)
        #expect(try BuiltBinary.run(["check", "missing-folder"], in: repo.root).status == 2)
        try repo.write(".schemalint.yml", "rules:\n  gist/no-such-rule: error\n")
        let badConfig = try BuiltBinary.run(["check"], in: repo.root)
        #expect(badConfig.status == 2)
        #expect(badConfig.errors.contains(".schemalint.yml:2:3"))
    }

    @Test func gitModesFromASubfolderOfTheRepository() throws {
        let repo = try Self.repository()
        defer { repo.remove() }
        try repo.write("gists/fine.json", GistText.secret)
        try repo.git("add", "gists/fine.json")
        try repo.write("gists/fine.json", GistText.clean)
        // From inside gists/, checking the repository root by relative path.
        let staged = try BuiltBinary.run(["check", "--staged", "--changed-only", "--format", "json", ".."], in: repo.path("gists"))
        #expect(staged.status == 1)
        #expect(staged.output.contains("\"path\": \"gists/fine.json\""))
        #expect(!staged.output.contains("gists/mail.json"))
        let base = try BuiltBinary.run(["check", "--base", "HEAD", "--changed-only"], in: repo.root)
        #expect(base.status == 0, "the work-tree version of fine.json is clean: \(base.output)")
    }
}

/// Counts elements by name while parsing.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
    }
}

/// Validates standard input against the schema file given as argument, with the draft the schema declares.
enum SARIFValidation {
    static let script = """
        import json, sys, jsonschema
        schema = json.load(open(sys.argv[1]))
        document = json.load(sys.stdin)
        jsonschema.validators.validator_for(schema)(schema).validate(document)
        print("valid: %d results" % sum(len(run.get("results", [])) for run in document["runs"]))
        """
}
