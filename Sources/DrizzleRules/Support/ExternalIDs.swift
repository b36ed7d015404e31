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

    /// A comment that names another system (`// id of the Stripe customer`, `/** GitHub installation */`).
    static func mentionsOtherSystem(_ comment: String?) -> Bool {
        guard let comment else { return false }
        var word: [UInt8] = []
        for byte in comment.utf8 + [0] {
            let isLetter = (byte >= 65 && byte <= 90) || (byte >= 97 && byte <= 122) || (byte >= 48 && byte <= 57)
            if isLetter {
                word.append(byte | 0x20)
            } else {
                if !word.isEmpty, systemWords.contains(String(decoding: word, as: UTF8.self)) { return true }
                word.removeAll(keepingCapacity: true)
            }
        }
        return false
    }
}
