import ArgumentParser
import Foundation
import LanguageServer
import Linter

struct LSP: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run the language server (LSP 3.17 over standard input and output) for editors.")

    func run() throws {
        let server = LanguageServer(catalog: try CheckRunner.loadCatalog(withExamples: true))
        let code = server.run()
        if code != 0 { throw ExitCode(code) }
    }
}
