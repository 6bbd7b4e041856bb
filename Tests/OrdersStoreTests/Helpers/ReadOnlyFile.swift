import FoundationEssentials
import Glibc

/// Makes a file truly unwritable for this process, which `chmod 0444` alone does not do for root.
///
/// As root (tests often run so in containers) the file also gets the ext4 immutable attribute, the
/// `chattr +i` ioctl, which stops root too; `release` clears both so the directory can be removed.
enum ReadOnlyFile {
    private static let getFlags: UInt = 0x8008_6601  // FS_IOC_GETFLAGS
    private static let setFlags: UInt = 0x4008_6602  // FS_IOC_SETFLAGS
    private static let immutable: CInt = 0x10  // FS_IMMUTABLE_FL

    /// True when this machine lets a test make a file unwritable for this process.
    static let isSupported: Bool = {
        let path = FileManager.default.temporaryDirectory.path + "/orders-store-probe-" + UUID().uuidString
        guard FileManager.default.createFile(atPath: path, contents: Data()) else { return false }
        defer {
            release(path)
            unlink(path)
        }
        return protect(path)
    }()

    /// Makes the file read-only; true when opening it for writing now fails.
    @discardableResult
    static func protect(_ path: String) -> Bool {
        chmod(path, 0o444)
        if geteuid() == 0 { setImmutable(path, true) }
        let descriptor = open(path, O_RDWR)
        guard descriptor < 0 else {
            close(descriptor)
            return false
        }
        return true
    }

    /// Makes the file writable again.
    static func release(_ path: String) {
        if geteuid() == 0 { setImmutable(path, false) }
        chmod(path, 0o644)
    }

    private static func setImmutable(_ path: String, _ on: Bool) {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var flags: CInt = 0
        guard ioctl(descriptor, getFlags, &flags) == 0 else { return }
        flags = on ? flags | immutable : flags & ~immutable
        _ = ioctl(descriptor, setFlags, &flags)
    }
}
