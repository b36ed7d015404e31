import Core
import Gists

/// Everything the readers made of a repository: the typed models rules read. Rules never see raw text.
public struct Project: Sendable {
    public var configuration: Configuration
    /// Every file that was read, by repository-relative path (for locating findings).
    public var files: [String: SourceFile]
    public var gists: GistSet

    public init(configuration: Configuration, files: [String: SourceFile], gists: GistSet) {
        self.configuration = configuration
        self.files = files
        self.gists = gists
    }
}

/// A rule over the project model. Each rule is one type in one file under `Sources/<Domain>Rules/`.
public protocol ProjectRule: Rule {
    func check(_ project: Project, _ context: RuleContext)
}
