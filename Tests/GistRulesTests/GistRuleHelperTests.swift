@testable import GistRules
import Testing

/// The word and pattern recognisers behind the `gist/` rules, on cases the catalog examples do not show.
@Suite struct GistRuleHelperTests {
    @Test(arguments: [
        ("requried", "required"), ("properites", "properties"), ("maxitems", "maxItems"),
        ("additionalproperties", "additionalProperties"), ("minimun", "minimum"), ("additonalProperties", "additionalProperties"),
        ("patern", "pattern"), ("tpye", "type"),
    ])
    func misspellingsFindTheirKeyword(_ key: String, _ keyword: String) {
        #expect(KeywordSpelling.intendedKeyword(for: key) == keyword)
    }

    @Test(arguments: ["x-internal", "owner", "note", "units", "tags", "ui", "sortOrder"])
    func customKeysAreNotMisspellings(_ key: String) {
        #expect(KeywordSpelling.intendedKeyword(for: key) == nil)
    }

    @Test(arguments: ["invoices", "amountPaid", "cardLast4", "stripeChargeId", "payment_status", "billing-history", "IBAN", "bankAccount", "pricing"])
    func billingKeys(_ key: String) {
        #expect(BillingTerms.matches(key))
    }

    @Test(arguments: ["paymentMethodsEnabled", "refundPolicy", "billingCycle", "loadBalancer", "surcharge", "transactional", "priceless"])
    func keysThatOnlyMentionBilling(_ key: String) {
        #expect(!BillingTerms.matches(key))
    }

    @Test func emailAddresses() {
        #expect(PersonalDataPatterns.personalEmail(in: "dana.whitfield@example.com"))
        #expect(PersonalDataPatterns.personalEmail(in: "Sam <sam+gists@acme.io>"))
        #expect(!PersonalDataPatterns.personalEmail(in: "noreply@acme.io"))
        #expect(!PersonalDataPatterns.personalEmail(in: "Support+tickets@acme.io"))
        #expect(!PersonalDataPatterns.personalEmail(in: "12345+octocat@users.noreply.github.com"))
        #expect(!PersonalDataPatterns.personalEmail(in: "git@github.com:org/repo"))
        #expect(!PersonalDataPatterns.personalEmail(in: "@handle"))
        #expect(!PersonalDataPatterns.personalEmail(in: "user@localhost"))
    }

    @Test func phoneNumbers() {
        #expect(PersonalDataPatterns.isPhoneNumber("+44 20 7946 0958", keyNamesPhone: false))
        #expect(PersonalDataPatterns.isPhoneNumber("(415) 555-0134", keyNamesPhone: true))
        #expect(!PersonalDataPatterns.isPhoneNumber("(415) 555-0134", keyNamesPhone: false))
        #expect(!PersonalDataPatterns.isPhoneNumber("2026-11-20", keyNamesPhone: false))
        #expect(!PersonalDataPatterns.isPhoneNumber("+1", keyNamesPhone: true))
    }

    @Test func personalKeys() {
        #expect(PersonalDataPatterns.kind(ofKey: "customerEmail") == "e-mail address")
        #expect(PersonalDataPatterns.kind(ofKey: "date_of_birth") == "date of birth")
        #expect(PersonalDataPatterns.kind(ofKey: "shippingAddress") == "postal address")
        #expect(PersonalDataPatterns.kind(ofKey: "lastName") == "personal name")
        #expect(PersonalDataPatterns.kind(ofKey: "ipAddress") == nil)
        #expect(PersonalDataPatterns.kind(ofKey: "supportEmail") == nil)
        #expect(PersonalDataPatterns.kind(ofKey: "name") == nil)
    }

    @Test func paymentNumbers() {
        #expect(PaymentNumbers.kind(of: "4242 4242 4242 4242") == "payment card number")
        #expect(PaymentNumbers.kind(of: "paid with 5555-5555-5555-4444 yesterday") == "payment card number")
        #expect(PaymentNumbers.kind(of: "4242 4242 4242 4241") == nil)
        #expect(PaymentNumbers.kind(of: "2026-11-24 10:00:00 1234567") == nil)
        #expect(PaymentNumbers.kind(of: "GB82 WEST 1234 5698 7654 32") == "IBAN")
        #expect(PaymentNumbers.kind(of: "GB82 WEST 1234 5698 7654 33") == nil)
        #expect(PaymentNumbers.kind(of: "6b1f3e9c-2d4a-4f7e-9a51-0c8d2e4b7a10") == nil)
    }

    @Test(arguments: ["amountPaid", "card_last4", "billing-history", "IBAN", "HTTPServer", "$schema", "x.y z", "größeBetrag", "a__b", ""])
    func asciiWordSplitMatchesTheGeneralOne(_ key: String) {
        #expect(KeyWords.words(key) == KeyWords.split(key))
    }

    @Test func timestamps() {
        #expect(TimestampFields.isTimestampName("createdAt"))
        #expect(TimestampFields.isTimestampName("processed_at"))
        #expect(!TimestampFields.isTimestampName("status"))
        #expect(TimestampFields.looksLikeDateTime("2026-11-23T17:02:11Z"))
        #expect(!TimestampFields.looksLikeDateTime("2026-11-23"))
    }
}
