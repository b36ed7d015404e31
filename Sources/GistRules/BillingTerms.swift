/// The billing and financial vocabulary of `gist/billing-data` (kept in step with rules/gist/billing-data.yml).
/// A key matches when its last words (camelCase, snake_case or kebab-case) are a term, optionally followed by one
/// qualifier: `invoices`, `amountPaid`, `cardLast4`, `stripeChargeId`, `paymentStatus` match;
/// `paymentMethodsEnabled`, `refundPolicy` and `loadBalancer` do not.
enum BillingTerms {
    static let terms: [[String]] = [
        ["invoice"], ["invoices"], ["payment"], ["payments"], ["charge"], ["charges"], ["refund"], ["refunds"],
        ["transaction"], ["transactions"], ["payout"], ["payouts"], ["receipt"], ["receipts"],
        ["balance"], ["balances"], ["iban"], ["bic"], ["cvv"], ["cvc"], ["last4"], ["creditcard"], ["cardnumber"],
        ["price"], ["prices"], ["pricing"],
        ["billing", "history"], ["amount", "paid"], ["amount", "due"], ["amount", "refunded"], ["amount", "charged"],
        ["payment", "method"], ["payment", "methods"], ["bank", "account"], ["bank", "accounts"],
        ["account", "number"], ["routing", "number"], ["sort", "code"], ["card", "number"], ["card", "last4"],
        ["card", "expiry"], ["card", "exp"], ["card", "holder"], ["credit", "card"], ["credit", "cards"],
    ]

    /// Words that may follow a term: `invoiceId`, `chargeAmount`, `paymentStatus`, `invoiceUrl`.
    static let qualifiers: Set<String> = [
        "id", "ids", "number", "history", "record", "records", "list", "log", "data", "details", "info", "amount",
        "total", "totals", "date", "at", "url", "status", "items", "lines", "entries", "ref", "reference",
    ]

    /// Whether a key names billing data.
    static func matches(_ key: String) -> Bool {
        let words = KeyWords.words(key)
        if endsWithTerm(words[...]) { return true }
        guard words.count > 1, let last = words.last, qualifiers.contains(last) else { return false }
        return endsWithTerm(words.dropLast())
    }

    private static func endsWithTerm(_ words: ArraySlice<String>) -> Bool {
        terms.contains { term in words.count >= term.count && words.suffix(term.count).elementsEqual(term) }
    }
}
