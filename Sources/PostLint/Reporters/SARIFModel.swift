/// The part of the SARIF 2.1.0 object model postlint writes (names as in the standard;
/// nil properties are left out of the JSON).
enum SARIF {
    struct Log: Encodable {
        let schema: String
        let version = "2.1.0"
        let runs: [Run]

        enum CodingKeys: String, CodingKey {
            case schema = "$schema"
            case version, runs
        }
    }

    struct Run: Encodable {
        let tool: Tool
        let invocations: [Invocation]
        let originalUriBaseIds: [String: ArtifactLocation]
        let results: [Result]
        /// Columns count Unicode scalars, as everywhere in postlint.
        let columnKind = "unicodeCodePoints"
    }

    struct Tool: Encodable {
        let driver: Driver
    }

    struct Driver: Encodable {
        let name: String
        let version: String
        let semanticVersion: String
        let informationUri: String
        let rules: [ReportingDescriptor]
    }

    struct ReportingDescriptor: Encodable {
        let id: String
        let name: String
        let shortDescription: MultiformatMessage
        let fullDescription: MultiformatMessage?
        let help: MultiformatMessage?
        let defaultConfiguration: Configuration?
        let properties: [String: String]?
    }

    struct Configuration: Encodable {
        let level: String
    }

    struct MultiformatMessage: Encodable {
        let text: String
        let markdown: String?
    }

    struct Message: Encodable {
        let text: String
    }

    struct Invocation: Encodable {
        let executionSuccessful: Bool
        /// Files that could not be read, fixed or written; nil when there are none.
        let toolExecutionNotifications: [Notification]?
    }

    struct Notification: Encodable {
        let level: String
        let message: Message
        let locations: [Location]
    }

    struct Result: Encodable {
        let ruleId: String
        let ruleIndex: Int
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]
        let fixes: [Fix]?
    }

    struct Location: Encodable {
        let physicalLocation: PhysicalLocation
    }

    struct PhysicalLocation: Encodable {
        let artifactLocation: ArtifactLocation
        let region: Region?
    }

    struct ArtifactLocation: Encodable {
        let uri: String
        let uriBaseId: String?
    }

    /// Lines and columns are 1-based; `endColumn` is the column after the last character.
    struct Region: Encodable {
        let startLine: Int
        let startColumn: Int
        let endLine: Int
        let endColumn: Int

        init(start: LineIndex.Position, end: LineIndex.Position) {
            startLine = start.line
            startColumn = start.column
            endLine = end.line
            endColumn = end.column
        }
    }

    struct Fix: Encodable {
        let description: Message
        let artifactChanges: [ArtifactChange]
        let properties: [String: String]
    }

    struct ArtifactChange: Encodable {
        let artifactLocation: ArtifactLocation
        let replacements: [Replacement]
    }

    struct Replacement: Encodable {
        let deletedRegion: Region
        let insertedContent: Content
    }

    struct Content: Encodable {
        let text: String
    }
}
