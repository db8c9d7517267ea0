/// Rules about postlint's own suppression comments.
enum SuppressionRules {
    static let all: [any Rule] = [UnusedSuppressionRule()]
}
