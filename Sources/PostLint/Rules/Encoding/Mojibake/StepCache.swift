extension MojibakeDecoder {
    /// Remembers, for one document, the readings of byte windows and of whole runs: words
    /// repeat across lines, and each code page reads each of them.
    final class StepCache {
        /// Readings by the bytes that may have been dropped, then by the next four bytes.
        private var tables: [[UInt8]: StepTable] = [:]
        /// Readings of runs by the run's fingerprint.
        private var runs = FingerprintTable<Run, Reading?>()

        /// What a run's reading depends on besides the model: the code page (which decides
        /// the characters and the droppable bytes), the bytes, and the neighbours.
        struct Run: Equatable {
            let page: String
            let bytes: [UInt8]
            let rebuildFromLead: Bool
            let before: UInt32?
            let hangulAfter: Bool
            let letterAfter: Bool

            /// FNV-1a of every field, read as bytes.
            var fingerprint: UInt64 {
                var hash = FNV1a64()
                var name = page
                name.withUTF8 { hash.combine($0) }
                bytes.withUnsafeBufferPointer { hash.combine($0) }
                let flags: UInt8 = (rebuildFromLead ? 1 : 0) | (hangulAfter ? 2 : 0) | (letterAfter ? 4 : 0) | (before == nil ? 8 : 0)
                hash.combine(CollectionOfOne(flags))
                withUnsafeBytes(of: before ?? 0) { hash.combine($0) }
                return hash.value
            }
        }

        /// The table for one set of droppable bytes, found once per run read rather than at
        /// every position (hashing an array hashes each of its bytes).
        func table(for insertable: [UInt8]) -> StepTable {
            if let table = tables[insertable] { return table }
            let table = StepTable()
            tables[insertable] = table
            return table
        }

        func reading(of run: Run, _ read: () -> Reading?) -> Reading? {
            runs.value(fingerprint: run.fingerprint, where: { $0 == run }) { (run, read()) }
        }
    }

    /// Readings of the bytes from a position on, by the next four bytes (see `steps`).
    final class StepTable {
        var steps = CheapHashTable<IntegerKey, [Step]>(minimumCapacity: 64)
    }
}
