#pragma once

#include "common/Result.h"
#include "crypto/SecureBytes.h"
#include "vault/SecretStore.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <sys/stat.h>
#include <sys/types.h>

#include <functional>
#include <optional>

namespace quill::vault {

/// Journal states of a record whose secret lives in the keychain.
enum class RecordState
{
    Pending,
    Ready,
    Removing
};
QString toString(RecordState state);
bool parseRecordState(const QString &text, RecordState &out);

/// The process that owns an unfinished (pending or removing) record. A pid alone is not
/// enough: pids are reused, so the process's start time (clock ticks since boot, from
/// /proc/<pid>/stat) and the boot id name it exactly.
struct Owner
{
    qint64 pid = 0;
    quint64 startTicks = 0;
    QString bootId;

    /// This process.
    static const Owner &self();
    /// Whether that very process is still running.
    bool isAlive() const;
    bool operator==(const Owner &) const = default;
};

/// One record of a JournaledIndex: the store's own fields (`data`, without "state" and
/// "owner"), its journal state and, while unfinished, the process working on it.
struct Record
{
    QString key;
    QJsonObject data;
    RecordState state = RecordState::Ready;
    std::optional<Owner> owner; ///< set while pending/removing; none = abandoned

    /// An unfinished record nobody is working on any more: its owner died (or gave up).
    bool isOrphan() const { return state != RecordState::Ready && (!owner || !owner->isAlive()); }
    bool operator==(const Record &) const = default;
};

/// The exclusive advisory lock (flock) of a data folder, held for the lifetime of the
/// object. Every writer of the folder's files takes it for a short read-modify-write and
/// never across a keychain call.
class DataFolderLock
{
public:
    explicit DataFolderLock(const QString &dataDir);
    ~DataFolderLock();
    DataFolderLock(const DataFolderLock &) = delete;
    DataFolderLock &operator=(const DataFolderLock &) = delete;
    /// Returns: ok, or StorageFailure if the folder or its lock file cannot be used.
    [[nodiscard]] Status status() const { return m_status; }

private:
    int m_fd = -1;
    Status m_status = okStatus();
};

/// The one index Quill keeps for every kind of record — accounts, session keys, paired
/// apps, grants — shared by every process that opens the data folder (the app, any number
/// of `quill-cli`).
///
/// - The file (`{"version":1,"<list>":[…]}`) is only ever changed by update(): under the
///   folder's DataFolderLock it re-reads the file, applies the change to what is on disk now
///   and replaces the file atomically. No process writes back a copy it read earlier.
/// - refresh() re-reads the file when another process replaced it (and emits changed()).
/// - Records whose secret lives in the keychain (constructed with a SecretStore) follow a
///   journal: add() records `pending` with this process as owner, writes the secret, then
///   marks it `ready`; remove() records `removing`, deletes the secret, then drops the
///   record. recover() finishes only orphans — records whose owner process is gone — so it
///   never rolls back another live process's work.
class JournaledIndex : public QObject
{
    Q_OBJECT
public:
    /// The record's key from its fields, or nullopt if the record is malformed (the file is
    /// then IndexCorrupt).
    using KeyOf = std::function<std::optional<QString>(const QJsonObject &)>;
    using Mutation = std::function<Status(QList<Record> &)>;
    using DoneCallback = SecretStore::DoneCallback;

    struct Layout
    {
        QString fileName; ///< e.g. "accounts.json"
        QString listName; ///< e.g. "accounts"
        KeyOf keyOf;
        /// The keychain name of a record's secret; only with a SecretStore.
        std::function<QString(const QString &key)> secretName;
    };

    /// `secrets` may be null for an index without secrets (grants).
    JournaledIndex(const QString &dataDir, Layout layout, SecretStore *secrets,
                   QObject *parent = nullptr);

    QString path() const { return m_path; }
    QString dataDir() const { return m_dataDir; }

    /// Re-reads the file if it changed since it was last read; emits changed() when the
    /// records differ. Returns: ok, IndexCorrupt (the file is left untouched and never
    /// overwritten) or StorageFailure.
    [[nodiscard]] Status refresh();
    /// The records as last read (refresh() first for another process's latest).
    const QList<Record> &records() const { return m_records; }
    std::optional<Record> find(const QString &key) const;
    /// The `ready` records' data, in order.
    QList<QJsonObject> ready() const;
    /// Decodes the ready records with `decode` (QJsonObject -> std::optional<T>) into
    /// `cache`; returns whether `cache` changed. How a store keeps its typed view current.
    template <typename T, typename Decode> bool decodeReady(QList<T> &cache, Decode decode) const
    {
        QList<T> now;
        for (const auto &o : ready())
            if (auto v = decode(o))
                now.push_back(std::move(*v));
        if (now == cache)
            return false;
        cache = std::move(now);
        return true;
    }

    /// Read-modify-write of the file under the data folder's lock (see class comment).
    /// If `mutate` fails, nothing is written and its error is returned.
    [[nodiscard]] Status update(const Mutation &mutate);

    // --- the keychain journal (only with a SecretStore) ---
    /// Adds a record and its secret (after finishing any orphans). Errors: AccountExists (a record
    /// with this key exists, in any state; context: the key), the store's errors
    /// (KeychainUnavailable: nothing persisted; KeychainTimeout: the record is abandoned as
    /// `removing` so that a later recover() deletes whatever the keychain may still store),
    /// StorageFailure.
    void add(QJsonObject data, crypto::SecureBytes secret, DoneCallback done);
    /// Removes a ready record and its secret. If the secret cannot be deleted now, the record
    /// stays `removing` (hidden from ready()) without an owner and the next recover()
    /// finishes it; the error is reported. Errors: AccountNotFound (no ready record).
    void remove(const QString &key, DoneCallback done);
    /// Reads the secret of a ready record. Errors: AccountNotFound, the store's errors.
    void readSecret(const QString &key, SecretStore::ReadCallback done);
    /// Finishes the orphans (see Record::isOrphan): the secret is deleted and the record
    /// dropped, whether it was an import or a removal.
    void recover(DoneCallback done);
    /// The keys of ready records whose secret is missing from the keychain (read one by
    /// one). Errors: the store's, other than SecretNotFound.
    void audit(std::function<void(Result<QStringList>)> done);

Q_SIGNALS:
    /// The records changed (by this process or another).
    void changed();

private:
    struct Stamp
    {
        dev_t dev = 0;
        ino_t ino = 0;
        off_t size = -1;
        qint64 mtimeNs = 0;
        bool operator==(const Stamp &) const = default;
    };
    static Stamp stampOf(const struct stat &st);
    static Stamp stampOf(const QString &path);
    [[nodiscard]] Result<QList<Record>> readFile(Stamp &stamp) const;
    [[nodiscard]] Status writeFile(const QList<Record> &records) const;
    void setRecords(QList<Record> records, Stamp stamp);
    bool hasOrphans() const;
    void addNow(QJsonObject data, crypto::SecureBytes secret, DoneCallback done);
    void recoverNext(QList<QString> keys, DoneCallback done);
    void auditNext(QStringList keys, QStringList missing,
                   std::function<void(Result<QStringList>)> done);

    QString m_dataDir;
    QString m_path;
    Layout m_layout;
    SecretStore *m_secrets;
    QList<Record> m_records;
    std::optional<Stamp> m_stamp;
};

} // namespace quill::vault
