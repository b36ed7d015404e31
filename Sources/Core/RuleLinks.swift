/// Where the rule pages (`docs/rules/<domain>/<name>.md`) are published, for links from reports and editors.
///
/// The binary does not know where its documentation is hosted, so links appear only when `SCHEMALINT_DOCS_URL`
/// names the folder that holds `docs/rules/` pages' ids (the GitHub Action sets it to the action's own repository
/// at its ref); otherwise `schemalint explain <id>` prints the same page.
public struct RuleLinks: Sendable {
    public static let variable = "SCHEMALINT_DOCS_URL"
    /// Ends with `/`.
    public let base: String?

    public init(base: String?) {
        guard let base, !base.isEmpty else { self.base = nil; return }
        self.base = base.hasSuffix("/") ? base : base + "/"
    }

    public init(environment: [String: String]) {
        self.init(base: environment[Self.variable])
    }

    /// The page of `id` (`<base>drizzle/parse-error.md`), or nil without a base.
    public func page(_ id: String) -> String? {
        base.map { $0 + id + ".md" }
    }

    /// The page's path in this repository, which `docs/rules` holds for every catalog entry.
    public static func repositoryPath(_ id: String) -> String { "docs/rules/\(id).md" }
}
