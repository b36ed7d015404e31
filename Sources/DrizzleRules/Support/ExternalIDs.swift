import Catalog
import Drizzle

/// Ids that belong to another system: a payment provider's customer, an OAuth account, a GitHub installation.
/// They look like references by name (`stripe_customer_id`, `external_user_id`) but no local row holds them.
enum ExternalIDs {
    /// Services whose ids apps store.
    static let providers: Set<String> = [
        "stripe", "paddle", "lemonsqueezy", "polar", "dodo", "paypal", "braintree", "chargebee", "recurly", "revenuecat",
        "github", "gitlab", "bitbucket", "google", "apple", "microsoft", "azure", "aws", "facebook", "twitter", "discord",
        "slack", "linear", "notion", "vercel", "clerk", "auth0", "supabase", "firebase", "plaid", "gocardless",
    ]
    /// Words that say "another system's" next to what the id names (`external_user_id`, `user_external_id`,
    /// `provider_account_id`); alone (`provider_id`, `installation_id`) they may name a local `providers` or
    /// `installations` table.
    static let qualifiers: Set<String> = ["external", "provider", "oauth", "installation", "upstream", "remote", "vendor"]
    /// Words of a comment that say an id is not one of ours.
    static let systemWords = providers.union(qualifiers).union(["webhook", "third"])

    /// `stripe_customer_id`, `externalUserId`, `github_installation_id`, `provider_session_id`, `oauth_app_id`.
    static func isExternal(_ column: DeclaredColumn) -> Bool {
        column.nameWords.contains { words in
            let named = words.dropLast()
            return named.contains(where: providers.contains) || (named.count > 1 && named.contains(where: qualifiers.contains))
        }
    }

    /// What a provider's registration is identified by: its OAuth app (`applicationId`, `clientId`), its installation,
    /// its webhook, the account it belongs to.
    static let registrationWords: Set<String> = ["app", "application", "client", "installation", "webhook", "account"]

    /// `applicationId` in a table named after a provider (`gitlab`, `github_apps`): the provider's own OAuth app,
    /// installation or webhook, not a row of the schema's `application` table. Other ids there (`userId`) may well
    /// be the app's own, so only these words count.
    static func isProviderRegistration(_ column: DeclaredColumn, in table: DeclaredTable) -> Bool {
        guard NameWords.split(table.name).contains(where: providers.contains) else { return false }
        return column.nameWords.contains { words in words.dropLast().contains(where: registrationWords.contains) }
    }

    /// A comment that names another system (`// id of the Stripe customer`, `/** GitHub installation */`).
    static func mentionsOtherSystem(_ comment: String?) -> Bool {
        guard let comment else { return false }
        return words(of: comment).contains(where: systemWords.contains)
    }

    /// Words that deny a key next to "foreign key" or "FK" in a comment (`// deliberately not a foreign key`).
    static let denials: Set<String> = ["not", "no", "without", "never", "neither", "nor", "deliberately", "intentionally"]

    /// A comment that says the column has no foreign key on purpose (`/** Deliberately not a foreign key: … */`,
    /// `// no FK, rows outlive their workflow`): the author decided, so the name guess has nothing to add.
    static func declinesForeignKey(_ comment: String?) -> Bool {
        guard let comment else { return false }
        let words = words(of: comment)
        let namesKey = words.contains { $0 == "fk" || $0 == "fks" }
            || zip(words, words.dropFirst()).contains { $0 == "foreign" && ($1 == "key" || $1 == "keys") }
        return namesKey && words.contains(where: denials.contains)
    }

    /// The comment's ASCII words, lowercased.
    private static func words(of comment: String) -> [String] {
        var words: [String] = []
        var word: [UInt8] = []
        for byte in comment.utf8 + [0] {
            let isLetter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
            if isLetter {
                word.append(byte | 0x20)
            } else if !word.isEmpty {
                words.append(String(decoding: word, as: UTF8.self))
                word.removeAll(keepingCapacity: true)
            }
        }
        return words
    }
}
