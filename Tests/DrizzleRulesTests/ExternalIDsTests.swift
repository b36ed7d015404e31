import Catalog
import Drizzle
@testable import DrizzleRules
import Testing

/// Which id columns hold another system's ids (`schema/missing-foreign-key` never reports them).
@Suite struct ExternalIDsTests {
    @Test(arguments: [
        ("stripe_customer_id", true), ("githubInstallationId", true), ("external_user_id", true),
        ("user_external_id", true), ("provider_account_id", true), ("oauth_app_id", true),
        // Alone, a qualifier may be a local table's name.
        ("provider_id", false), ("installation_id", false), ("customer_id", false), ("team_id", false),
    ])
    func namesOfOtherSystemsIds(_ name: String, _ external: Bool) {
        #expect(ExternalIDs.isExternal(DeclaredColumn(Column(name: name, type: "text"))) == external)
    }

    @Test func commentsThatNameAnotherSystem() {
        #expect(ExternalIDs.mentionsOtherSystem("// id of the Stripe customer"))
        #expect(ExternalIDs.mentionsOtherSystem("/** Payment rows from the billing webhook */"))
        #expect(!ExternalIDs.mentionsOtherSystem("// the team that owns the project"))
        #expect(!ExternalIDs.mentionsOtherSystem("// foreign key added in a later migration"))
        #expect(!ExternalIDs.mentionsOtherSystem(nil))
    }
}
