import Foundation
import Testing
import TestSupport

enum Neovim {
    static let isInstalled = ExternalTool.succeeds("nvim", ["--version"])
}

/// `schemalint lsp` in a real editor: docs/editors/neovim-check.lua drives Neovim's built-in client headless over a
/// copy of examples/subscriptions (open a schema, diagnostics, code actions, apply the quick fix, diagnostics again).
@Suite(.enabled(if: Neovim.isInstalled, "nvim is not on PATH: the Neovim check (docs/editors/neovim-check.lua) is skipped"))
struct EditorTests {
    @Test func neovimShowsDiagnosticsAndAppliesAQuickFix() throws {
        let binary = try #require(BuiltBinary.url, BuiltBinary.missing)
        let workspace = try TemporaryRepository()
        defer { workspace.remove() }
        let example = ProductRepository.root.appendingPathComponent("examples/subscriptions").path
        for name in try FileManager.default.contentsOfDirectory(atPath: example) {
            try FileManager.default.copyItem(atPath: example + "/" + name, toPath: workspace.root + "/" + name)
        }
        let script = ProductRepository.root.appendingPathComponent("docs/editors/neovim-check.lua").path
        var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
        environment["SCHEMALINT"] = binary.path
        environment["WORKSPACE"] = workspace.root
        environment["HOME"] = workspace.root  // no user configuration, shada or swap files from the real home
        let outcome = try ExternalTool.run("nvim", ["--headless", "--clean", "-n", "-u", script], environment: environment)
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.contains("20:3 schema/updated-at-not-maintained"), "\(outcome.output)")
        #expect(outcome.output.contains("applied: chain `.$onUpdate(() => new Date())`"), "\(outcome.output)")
        let after = try #require(outcome.output.components(separatedBy: "after the fix:").last)
        #expect(!after.contains("schema/updated-at-not-maintained"), "\(outcome.output)")
        #expect(after.contains("schema/timestamp-without-timezone"), "the other findings stay: \(outcome.output)")
        // The fix was applied to the buffer only: the file on disk is unchanged.
        let onDisk = String(decoding: try workspace.read("src/db/schema/subscriptions.ts"), as: UTF8.self)
        #expect(!onDisk.contains("$onUpdate"))
    }
}
