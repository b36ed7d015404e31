import Catalog
import Drizzle

/// Tables that an auth library writes itself, recognised by their columns rather than their names (apps prefix
/// and rename them: `mail0_user`, `users`): better-auth, whose adapter sets `updatedAt` on every update of its
/// tables, and Supabase Auth's `auth.users`, which GoTrue owns. Auth.js and Lucia adapters never write an
/// `updatedAt` an app adds to their tables, so such a column is the app's to maintain.
enum AuthLibraryTables {
    /// One table shape: every column word list must be present (by SQL name or TypeScript key).
    private struct Shape: Sendable {
        var required: [[String]]
        /// Columns that must be booleans (better-auth's `emailVerified` is one, Auth.js's a timestamp).
        var booleans: [[String]] = []

        func matches(_ table: DeclaredTable, words: Set<[String]>) -> Bool {
            required.allSatisfy(words.contains) && booleans.allSatisfy { wanted in
                table.columns.contains { $0.nameWords.contains(wanted) && $0.pgType == PgType(name: "boolean") }
            }
        }
    }

    private static let betterAuth: [Shape] = [
        // user; `name` is not required: apps map it to another column (`user: { fields: { name: "firstName" } }`)
        Shape(required: [["email"], ["email", "verified"], ["image"]], booleans: [["email", "verified"]]),
        // session
        Shape(required: [["token"], ["expires", "at"], ["user", "id"], ["ip", "address"], ["user", "agent"]]),
        // account
        Shape(required: [["account", "id"], ["provider", "id"], ["user", "id"]]),
        // verification
        Shape(required: [["identifier"], ["value"], ["expires", "at"]]),
        // the OAuth provider plugins' `oauthConsent` (oidc-provider has `consentGiven`, oauth-provider `referenceId`)
        Shape(required: [["client", "id"], ["user", "id"], ["scopes"], ["consent", "given"]]),
        Shape(required: [["client", "id"], ["user", "id"], ["scopes"], ["reference", "id"]]),
        // the api-key plugin's `apikey`
        Shape(required: [["key"], ["refill", "interval"], ["rate", "limit", "enabled"], ["request", "count"]]),
    ]

    private static let supabaseAuth = Shape(required: [["instance", "id"], ["aud"], ["encrypted", "password"], ["raw", "user", "meta", "data"]])

    /// Tables an auth library's adapter updates, whatever it does with an `updatedAt` an app adds: a user table
    /// (Auth.js `updateUser` sets its name, e-mail, image) and a session table (`updateSession` moves `expires`).
    /// The repository holds no `.update(…)` of them: the library's code is in `node_modules`.
    private static let updatedByAdapters: [Shape] = [
        Shape(required: [["email"], ["email", "verified"], ["image"]]),
        Shape(required: [["session", "token"], ["expires"]]),
        Shape(required: [["user", "id"], ["expires", "at"]]),
    ]

    static func isUpdatedByLibrary(_ table: DeclaredTable) -> Bool {
        let words = Set(table.columns.flatMap(\.nameWords))
        return updatedByAdapters.contains { $0.matches(table, words: words) }
    }

    /// Whether an auth library maintains the table's `updatedAt`.
    static func maintainsUpdatedAt(_ table: DeclaredTable) -> Bool {
        let words = Set(table.columns.flatMap(\.nameWords))
        return betterAuth.contains { $0.matches(table, words: words) } || supabaseAuth.matches(table, words: words)
    }
}
