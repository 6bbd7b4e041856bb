import Glibc

/// Blocking reads and writes on raw file descriptors, retrying interrupted calls.
enum FileDescriptorIO {
    /// Writes every byte, retrying after `EINTR` and partial writes.
    /// - Returns: `false` when the descriptor is closed or failing (e.g. the client went away).
    @discardableResult
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += written
            }
            return true
        }
    }

    /// Reads up to `count` bytes into `buffer`, retrying after `EINTR`.
    /// - Returns: the number of bytes read; 0 at end of input or on a read error.
    static func read(into buffer: UnsafeMutableRawBufferPointer, from descriptor: Int32) -> Int {
        while true {
            let count = Glibc.read(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno != EINTR { return 0 }
        }
    }
}
