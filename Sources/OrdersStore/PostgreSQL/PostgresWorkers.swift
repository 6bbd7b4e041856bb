#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Threads of their own for libpq's blocking calls, each with one connection, and the queue of jobs they take.
///
/// A query that waits on a row lock or a slow network blocks its thread inside libpq. On Swift's cooperative pool
/// (one thread per core) two such waits would stall every other task of the process, `ping` included; here they
/// stall only their own worker. Threads start on demand, up to `maximum`: a process whose calls come one after
/// another uses one thread and one connection. Each thread keeps its connection for the next job, so a connection
/// never serves two transactions at once.
///
/// `@unchecked Sendable` because the mutex and condition variable are C values behind pointers. Safe: `jobs`,
/// `idle`, `threads` and `closed` are read and written only while `mutex` is held, and the pointers themselves
/// never change; they are destroyed in `deinit`, after every worker thread has let go of the object.
final class PostgresWorkers: @unchecked Sendable {
    /// A unit of work, run on a worker thread with that thread's session.
    typealias Job = @Sendable (PostgresSession) -> Void

    private let url: PostgresURL
    private let statementTimeout: Duration
    /// The most threads (and so connections) ever open at once.
    let maximum: Int

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var jobs: [Job] = []
    private var idle = 0
    private var threads = 0
    private var closed = false

    init(url: PostgresURL, statementTimeout: Duration, maximum: Int) {
        self.url = url
        self.statementTimeout = statementTimeout
        self.maximum = max(1, maximum)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Queues a job; a new thread starts when more jobs wait than threads are idle and the maximum allows.
    /// - Throws: `WorkerError` when the store is closed or the system refuses a new thread.
    func submit(_ job: @escaping Job) throws(PostgresWorkerError) {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard !closed else { throw .closed }
        jobs.append(job)
        if jobs.count > idle && threads < maximum {
            try startThread()
        } else {
            pthread_cond_signal(condition)
        }
    }

    /// Lets every thread finish its job and stop; their connections close with them. Queued jobs still run.
    func close() {
        pthread_mutex_lock(mutex)
        closed = true
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    /// Starts one worker; called with `mutex` held.
    private func startThread() throws(PostgresWorkerError) {
        let context = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        let status = pthread_create(
            &thread, nil,
            { argument in
                guard let argument else { return nil }
                Unmanaged<PostgresWorkers>.fromOpaque(argument).takeRetainedValue().work()
                return nil
            }, context)
        guard status == 0 else {
            Unmanaged<PostgresWorkers>.fromOpaque(context).release()
            // Without a thread of its own the job still runs once a worker is free, unless there is none.
            if threads == 0 { throw .cannotStartThread(code: status) }
            return
        }
        pthread_detach(thread)
        threads += 1
    }

    /// A worker's life: take jobs until the store closes.
    private func work() {
        let session = PostgresSession(url: url, statementTimeout: statementTimeout)
        while let job = next() {
            job(session)
        }
    }

    /// The next job, waiting for one; nil once the store is closed and nothing is queued.
    private func next() -> Job? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while jobs.isEmpty && !closed {
            idle += 1
            pthread_cond_wait(condition, mutex)
            idle -= 1
        }
        guard !jobs.isEmpty else {
            threads -= 1
            return nil
        }
        return jobs.removeFirst()
    }
}

/// Why a job could not be queued.
enum PostgresWorkerError: Error {
    /// The store was closed.
    case closed
    /// `pthread_create` failed with this error number and no worker exists.
    case cannotStartThread(code: Int32)
}
