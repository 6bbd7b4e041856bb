import CSQLite

extension Database {
    /// SQLite's own back-off between retries (its default busy handler's table), in milliseconds; the last one
    /// repeats.
    private static let busyDelays: [Int32] = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100]

    /// Installs the busy handler: while another connection holds the lock, retry with SQLite's own back-off until
    /// `busyWaitLimit` has passed, telling `busyObserver` before each retry.
    ///
    /// It does what `sqlite3_busy_timeout` does, measured on the clock rather than by adding up the planned
    /// sleeps, plus the observer.
    func installBusyHandler() {
        // Unretained: the handler lives exactly as long as the connection, which `deinit` closes.
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_busy_handler(
            handle,
            { context, attempt in
                guard let context else { return 0 }
                return Unmanaged<Database>.fromOpaque(context).takeUnretainedValue().shouldRetryWhenBusy(attempt)
                    ? 1 : 0
            },
            context
        )
    }

    /// Sleeps before another try, or says to give up once the wait has lasted `busyWaitLimit`.
    ///
    /// Runs on the thread that is stepping this connection's statement, which `Database`'s owner serializes.
    private func shouldRetryWhenBusy(_ attempt: Int32) -> Bool {
        let now = ContinuousClock.now
        if attempt == 0 { busySince = now }
        let waited = now - (busySince ?? now)
        busyObserver?(waited)
        let left = busyWaitLimit - waited
        guard left > .zero else { return false }
        let planned = Self.busyDelays[min(Int(attempt), Self.busyDelays.count - 1)]
        let delay = min(planned, Int32((left / .milliseconds(1)).rounded(.up)))
        sqlite3_sleep(delay)
        return true
    }
}
